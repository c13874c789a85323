import type { AccountStatus } from '../../../shared/domain'
import { getProxyRuleRow, type ProxyRuleRow } from '../proxies/proxy-rows'
import { notFound, ruleViolation, stmt, type ServiceContext } from '../service-context'
import {
  firstCollision,
  modelWords,
  proxyWords,
  type CollidingProxy,
  type ExitGuard,
} from './exit-collisions'

export interface AccountRuleRow {
  id: number
  model_id: number
  status: AccountStatus
  proxy_id: number | null
}

export function getAccountRuleRow(ctx: ServiceContext, id: number): AccountRuleRow {
  const row = stmt(
    ctx.sqlite,
    'SELECT id, model_id, status, proxy_id FROM accounts WHERE id = ?',
  ).get(id) as AccountRuleRow | undefined
  if (!row) throw notFound('account', id)
  return row
}

/**
 * The service's own check of whether `proxy` may take one more account of `modelId` now, so the
 * operator hears which rule refused; the database's triggers enforce the same rules underneath.
 */
export function assertProxyTakes(ctx: ServiceContext, proxy: ProxyRuleRow, modelId: number): void {
  const details = { proxyId: proxy.id }
  if (proxy.status !== 'active') {
    throw ruleViolation(
      'proxy_not_active',
      `Proxy ${proxy.id} is ${proxy.status}; only active proxies take accounts.`,
      { ...details, status: proxy.status },
    )
  }
  if (proxy.expires_at !== null && proxy.expires_at <= ctx.clock.now()) {
    throw ruleViolation('proxy_expired', `Proxy ${proxy.id} has expired.`, {
      ...details,
      expiresAt: proxy.expires_at,
    })
  }
  if (proxy.assigned_model_id !== null && proxy.assigned_model_id !== modelId) {
    throw ruleViolation(
      'proxy_model_mismatch',
      `Proxy ${proxy.id} serves another model (${modelWords(ctx, proxy.assigned_model_id)}); a proxy serves one model only.`,
      {
        ...details,
        assignedModelId: proxy.assigned_model_id,
        assignedModelName: modelName(ctx, proxy.assigned_model_id),
      },
    )
  }
  if (proxy.account_count >= proxy.max_accounts) {
    throw ruleViolation(
      'proxy_full',
      `Proxy ${proxy.id} already holds its maximum of ${proxy.max_accounts} accounts.`,
      { ...details, maxAccounts: proxy.max_accounts },
    )
  }
}

export function assertAccountActive(account: AccountRuleRow): void {
  if (account.status !== 'active') {
    throw ruleViolation(
      'account_not_active',
      `Account ${account.id} is ${account.status}; only active accounts get a proxy.`,
      { accountId: account.id, status: account.status },
    )
  }
}

export { getProxyRuleRow }

/**
 * Lowest-id proxy that can take an account of `modelId` now: one seek per branch on
 * `proxies_available_idx` (see src/main/db/README.md), whose WHERE terms both branches repeat.
 */
export function firstAvailableProxy(
  ctx: ServiceContext,
  modelId: number,
  exceptProxyId = 0,
  afterId = 0,
): number | undefined {
  const now = ctx.clock.now()
  const row = stmt(
    ctx.sqlite,
    `SELECT min(id) AS id FROM (
       SELECT min(id) AS id FROM proxies
        WHERE status = 'active' AND account_count < max_accounts AND assigned_model_id = ?
          AND (expires_at IS NULL OR expires_at > ?) AND id <> ? AND id > ?
       UNION ALL
       SELECT min(id) FROM proxies
        WHERE status = 'active' AND account_count < max_accounts AND assigned_model_id IS NULL
          AND (expires_at IS NULL OR expires_at > ?) AND id <> ? AND id > ?)`,
  ).get(modelId, now, exceptProxyId, afterId, now, exceptProxyId, afterId) as {
    id: number | null
  }
  return row.id ?? undefined
}

/**
 * The first available proxy (as above) whose recent exits collide with no proxy of another model;
 * when none is left, the first collision that kept a proxy with room out (null: there was none).
 */
export function firstProxyWithoutCollision(
  ctx: ServiceContext,
  guard: ExitGuard,
  modelId: number,
  exceptProxyId = 0,
): { proxyId: number } | { proxyId: undefined; collision: CollidingProxy | null } {
  let skipped: CollidingProxy | null = null
  for (let after = 0; ;) {
    const proxyId = firstAvailableProxy(ctx, modelId, exceptProxyId, after)
    if (proxyId === undefined) return { proxyId, collision: skipped }
    const collision = firstCollision(ctx, guard, proxyId, modelId)
    if (!collision) return { proxyId }
    skipped ??= collision
    after = proxyId
  }
}

/** "proxy #3 (…) and proxy #4 (…), which serves model "B", both left from 1.2.3.4 within 7 days" */
export function collisionWords(
  ctx: ServiceContext,
  guard: ExitGuard,
  collision: CollidingProxy,
): string {
  const days = guard.windowDays === 1 ? 'the last day' : `the last ${guard.windowDays} days`
  const shared = guard.column === 'ip' ? collision.address : `the network ${collision.address}`
  return `${proxyWords(ctx, collision.proxyId)} and ${proxyWords(ctx, collision.otherProxyId)}, which serves ${modelWords(ctx, collision.otherModelId)}, both left from ${shared} within ${days}`
}

/** The refusal of an assign that would put two models behind one exit. */
export function exitCollisionViolation(
  ctx: ServiceContext,
  guard: ExitGuard,
  modelId: number,
  collision: CollidingProxy,
) {
  return ruleViolation(
    'exit_collision',
    `Exit collision: ${collisionWords(ctx, guard, collision)}. An account of ${modelWords(ctx, modelId)} on proxy #${collision.proxyId} would link the two models. Choose another proxy, or assign anyway (force).`,
    {
      proxyId: collision.proxyId,
      otherProxyId: collision.otherProxyId,
      otherModelId: collision.otherModelId,
      address: collision.address,
      match: guard.column,
    },
  )
}

/** A model's name for a refusal's details, so the renderer can say which model; null if gone. */
function modelName(ctx: ServiceContext, modelId: number): string | null {
  const row = stmt(ctx.sqlite, 'SELECT name FROM models WHERE id = ?').get(modelId) as
    { name: string } | undefined
  return row?.name ?? null
}
