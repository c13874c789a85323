import type { AccountStatus } from '../../../shared/domain'
import { getProxyRuleRow, type ProxyRuleRow } from '../proxies/proxy-rows'
import { notFound, ruleViolation, stmt, type ServiceContext } from '../service-context'

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
      `Proxy ${proxy.id} serves another model; a proxy serves one model only.`,
      { ...details, assignedModelId: proxy.assigned_model_id },
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
): number | undefined {
  const row = stmt(
    ctx.sqlite,
    `SELECT min(id) AS id FROM (
       SELECT min(id) AS id FROM proxies
        WHERE status = 'active' AND account_count < max_accounts AND assigned_model_id = ?
          AND (expires_at IS NULL OR expires_at > ?) AND id <> ?
       UNION ALL
       SELECT min(id) FROM proxies
        WHERE status = 'active' AND account_count < max_accounts AND assigned_model_id IS NULL
          AND (expires_at IS NULL OR expires_at > ?) AND id <> ?)`,
  ).get(modelId, ctx.clock.now(), exceptProxyId, ctx.clock.now(), exceptProxyId) as {
    id: number | null
  }
  return row.id ?? undefined
}
