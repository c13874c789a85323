import type { ProxyRemoveResult, ProxySelection } from '../../../shared/contracts/proxies'
import type { HistoryActor, ProxyStatus } from '../../../shared/domain'
import { releaseAccountsOnProxy } from '../assignment/moves'
import { inTransaction, stmt, type ServiceContext } from '../service-context'
import { selectedProxyIds } from './proxy-selection'

/** Ids as they were, or a selection (proxy-selection.ts). */
type Selected = readonly number[] | ProxySelection

const toSelection = (selected: Selected): ProxySelection =>
  Array.isArray(selected) ? { ids: [...selected] } : (selected as ProxySelection)

/**
 * Deletes proxies in one transaction, releasing their accounts first (history reason
 * `proxy_removed`, one row per account as always). An unknown id refuses the whole request, so
 * nothing changes; a filter selection is resolved inside the same transaction.
 */
export function removeProxies(
  ctx: ServiceContext,
  selected: Selected,
  actor: HistoryActor = 'operator',
): ProxyRemoveResult {
  return inTransaction(ctx, () => {
    const ids = selectedProxyIds(ctx, toSelection(selected))
    let releasedAccounts = 0
    const remove = stmt(ctx.sqlite, 'DELETE FROM proxies WHERE id = ?')
    for (const id of ids) {
      releasedAccounts += releaseAccountsOnProxy(ctx, id, 'proxy_removed', actor)
      remove.run(id)
    }
    return { removed: ids.length, releasedAccounts }
  })
}

/**
 * Sets the status of many proxies at once. Accounts stay where they are: a proxy taken out of
 * service keeps its accounts until the operator (or failover) moves them.
 */
export function setProxiesStatus(
  ctx: ServiceContext,
  selected: Selected,
  status: ProxyStatus,
): { updated: number } {
  return inTransaction(ctx, () => {
    const ids = selectedProxyIds(ctx, toSelection(selected))
    const result = stmt(
      ctx.sqlite,
      `UPDATE proxies SET status = ?, updated_at = ?
        WHERE id IN (SELECT value FROM json_each(?)) AND status <> ?`,
    ).run(status, ctx.clock.now(), JSON.stringify(ids), status)
    return { updated: result.changes }
  })
}
