import type { AccountStatus, HistoryActor, HistoryReason } from '../../../shared/domain'
import { recordHistory } from '../history'
import { inTransaction, ruleViolation, stmt, type ServiceContext } from '../service-context'
import { acceptCollisions, collidingProxies, exitGuard } from './exit-collisions'
import {
  assertAccountActive,
  assertProxyTakes,
  collisionWords,
  exitCollisionViolation,
  firstProxyWithoutCollision,
  getAccountRuleRow,
  getProxyRuleRow,
  type AccountRuleRow,
} from './rules'

/** Who changed an assignment and why, as the history row records it. */
export interface Attribution {
  reason: HistoryReason
  actor: HistoryActor
  /** Why, in words, when the reason alone does not say (an invalidation's cause and note). */
  detail?: string
}

/** `force`: go ahead although the proxy's exits collide with a proxy of another model. */
export interface MoveOptions {
  force?: boolean
}

const SET_PROXY = 'UPDATE accounts SET proxy_id = ?, updated_at = ? WHERE id = ?'

/**
 * The isolation guard for an operator-chosen proxy: refuses (`exit_collision`) when `proxyId`'s
 * recent exits are shared with a proxy of another model; forced, accepts the collisions (so no
 * alert announces them) and returns the history detail that names them.
 */
function guardExits(
  ctx: ServiceContext,
  proxyId: number,
  modelId: number,
  options: MoveOptions,
): string | null {
  const guard = exitGuard(ctx)
  const collisions = collidingProxies(ctx, guard, proxyId, modelId)
  const first = collisions[0]
  if (!first) return null
  if (!options.force) throw exitCollisionViolation(ctx, guard, modelId, first)
  acceptCollisions(ctx, proxyId, modelId, collisions)
  const more = collisions.length > 1 ? ` (and ${collisions.length - 1} more)` : ''
  return `Forced past an exit collision: ${collisionWords(ctx, guard, first)}${more}.`
}

/**
 * Puts an active, unassigned account on a proxy after checking every rule; one history row
 * `assigned`. Refuses an account that already has a proxy (`reassignAccount` moves it).
 */
export function assignAccount(
  ctx: ServiceContext,
  accountId: number,
  proxyId: number,
  by: Attribution,
  options: MoveOptions = {},
): void {
  inTransaction(ctx, () => {
    const account = getAccountRuleRow(ctx, accountId)
    const proxy = getProxyRuleRow(ctx, proxyId)
    assertAccountActive(account)
    if (account.proxy_id !== null) {
      throw ruleViolation(
        account.proxy_id === proxyId ? 'same_proxy' : 'account_already_assigned',
        account.proxy_id === proxyId
          ? `Account ${accountId} is already on proxy ${proxyId}.`
          : `Account ${accountId} is on proxy ${account.proxy_id}; move it with reassign instead.`,
        { accountId, proxyId: account.proxy_id },
      )
    }
    assertProxyTakes(ctx, proxy, account.model_id)
    const detail = guardExits(ctx, proxyId, account.model_id, options)
    stmt(ctx.sqlite, SET_PROXY).run(proxyId, ctx.clock.now(), accountId)
    recordHistory(ctx, {
      proxyId,
      accountId,
      modelId: account.model_id,
      action: 'assigned',
      ...by,
      detail,
    })
  })
}

/**
 * Takes an account off its proxy, optionally changing its status in the same UPDATE (the database
 * requires a non-active account to hold no proxy). One history row `released` when it had a proxy.
 * Returns whether a proxy was released.
 */
export function releaseAccount(
  ctx: ServiceContext,
  account: AccountRuleRow,
  by: Attribution,
  newStatus: AccountStatus = account.status,
): boolean {
  const now = ctx.clock.now()
  stmt(
    ctx.sqlite,
    'UPDATE accounts SET proxy_id = NULL, status = ?, updated_at = ? WHERE id = ?',
  ).run(newStatus, now, account.id)
  if (account.proxy_id === null) return false
  recordHistory(ctx, {
    proxyId: account.proxy_id,
    accountId: account.id,
    modelId: account.model_id,
    action: 'released',
    ...by,
  })
  return true
}

/** Releases the given accounts (those with no proxy are skipped). Returns how many were released. */
export function releaseAccounts(
  ctx: ServiceContext,
  accountIds: readonly number[],
  by: Attribution,
): number {
  return inTransaction(ctx, () => {
    const accounts = accountIds.map((id) => getAccountRuleRow(ctx, id))
    let released = 0
    for (const account of accounts) {
      if (account.proxy_id !== null && releaseAccount(ctx, account, by)) released++
    }
    return released
  })
}

/** Releases every account on a proxy (before deleting it, or on failover). */
export function releaseAccountsOnProxy(
  ctx: ServiceContext,
  proxyId: number,
  reason: HistoryReason,
  actor: HistoryActor,
): number {
  return inTransaction(ctx, () => {
    const accounts = stmt(
      ctx.sqlite,
      `SELECT id, model_id, status, proxy_id FROM accounts
        WHERE proxy_id = ? AND status = 'active' ORDER BY id`,
    ).all(proxyId) as AccountRuleRow[]
    for (const account of accounts) releaseAccount(ctx, account, { reason, actor })
    return accounts.length
  })
}

/**
 * Moves an assigned account to another proxy (or the first available one for its model, with
 * 'auto') in one transaction, writing one history row `reassigned` that names the new proxy.
 * Returns the new proxy's id.
 */
export function reassignAccount(
  ctx: ServiceContext,
  accountId: number,
  to: number | 'auto',
  by: Attribution,
  options: MoveOptions = {},
): number {
  return inTransaction(ctx, () => {
    const account = getAccountRuleRow(ctx, accountId)
    assertAccountActive(account)
    if (account.proxy_id === null) {
      throw ruleViolation(
        'account_not_assigned',
        `Account ${accountId} has no proxy to move from; assign it instead.`,
        { accountId },
      )
    }
    if (to === account.proxy_id) {
      throw ruleViolation('same_proxy', `Account ${accountId} is already on proxy ${to}.`, {
        accountId,
        proxyId: to,
      })
    }
    let target: number
    if (to === 'auto') {
      // The engine's pick skips proxies whose exits collide with another model's; never forced.
      const guard = exitGuard(ctx)
      const pick = firstProxyWithoutCollision(ctx, guard, account.model_id, account.proxy_id)
      if (pick.proxyId === undefined) {
        if (pick.collision) {
          throw ruleViolation(
            'exit_collision',
            `No other proxy can take an account of this model without an exit collision: ${collisionWords(ctx, guard, pick.collision)}.`,
            { accountId, modelId: account.model_id, ...pick.collision },
          )
        }
        throw ruleViolation(
          'no_capacity_for_model',
          `No other proxy can take an account of this model now (active, not expired, with room, serving the model or none).`,
          { accountId, modelId: account.model_id },
        )
      }
      target = pick.proxyId
    } else {
      target = to
    }
    assertProxyTakes(ctx, getProxyRuleRow(ctx, target), account.model_id)
    const detail = to === 'auto' ? null : guardExits(ctx, target, account.model_id, options)
    stmt(ctx.sqlite, SET_PROXY).run(target, ctx.clock.now(), accountId)
    recordHistory(ctx, {
      proxyId: target,
      accountId,
      modelId: account.model_id,
      action: 'reassigned',
      ...by,
      detail,
    })
    return target
  })
}
