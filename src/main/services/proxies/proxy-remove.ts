import type { ProxyRemoveResult } from '../../../shared/contracts/proxies'
import type { HistoryActor, ProxyStatus } from '../../../shared/domain'
import { releaseAccountsOnProxy } from '../assignment/moves'
import { inTransaction, missingIds, notFound, stmt, type ServiceContext } from '../service-context'

/**
 * Deletes proxies in one transaction, releasing their accounts first (history reason
 * `proxy_removed`). An unknown id refuses the whole request, so nothing changes.
 */
export function removeProxies(
  ctx: ServiceContext,
  ids: readonly number[],
  actor: HistoryActor = 'operator',
): ProxyRemoveResult {
  return inTransaction(ctx, () => {
    const missing = missingIds(ctx.sqlite, 'proxies', ids)
    if (missing.length) throw notFound('proxy', missing)
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
  ids: readonly number[],
  status: ProxyStatus,
): { updated: number } {
  return inTransaction(ctx, () => {
    const missing = missingIds(ctx.sqlite, 'proxies', ids)
    if (missing.length) throw notFound('proxy', missing)
    const result = stmt(
      ctx.sqlite,
      `UPDATE proxies SET status = ?, updated_at = ?
        WHERE id IN (SELECT value FROM json_each(?)) AND status <> ?`,
    ).run(status, ctx.clock.now(), JSON.stringify(ids), status)
    return { updated: result.changes }
  })
}
