import type { AnalyticsSummary, CapacityFigures } from '../../shared/contracts/analytics'
import { proxyStatuses, type ProxyStatus } from '../../shared/domain'
import { endpointLabel, stmt, type ServiceContext } from './service-context'

const DAY_MS = 86_400_000
const EXPIRY_WINDOW_DAYS = 7
const EXPIRING_LISTED = 100

const COST = 'coalesce(p.monthly_cost_override_cents, pp.monthly_cost_per_proxy_cents)'

interface CapacityRow {
  proxies: number
  capacity: number | null
  used: number | null
}

function capacityFigures(row: CapacityRow): CapacityFigures {
  const capacity = row.capacity ?? 0
  const used = row.used ?? 0
  return {
    proxies: row.proxies,
    capacity,
    used,
    free: capacity - used,
    utilization: capacity === 0 ? 0 : used / capacity,
  }
}

function perAccount(costCents: number, accounts: number): number | null {
  return accounts === 0 ? null : Math.round(costCents / accounts)
}

/**
 * The dashboard's figures, read in a handful of aggregate queries. Capacity counts every proxy's
 * slots; `assignableFree` only those an account could take now (active, not expired).
 */
export function analyticsSummary(ctx: ServiceContext): AnalyticsSummary {
  const now = ctx.clock.now()
  const sqlite = ctx.sqlite
  const overall = stmt(
    sqlite,
    `SELECT count(*) AS proxies, sum(max_accounts) AS capacity, sum(account_count) AS used,
            sum(CASE WHEN status = 'active' AND (expires_at IS NULL OR expires_at > ?)
                     THEN max_accounts - account_count ELSE 0 END) AS assignable_free,
            sum(consecutive_failures > 0) AS failing, sum(last_tested_at IS NULL) AS never_tested
       FROM proxies`,
  ).get(now) as CapacityRow & {
    assignable_free: number | null
    failing: number | null
    never_tested: number | null
  }

  const providerRows = stmt(
    sqlite,
    `SELECT pp.id, pp.name, count(p.id) AS proxies, sum(p.max_accounts) AS capacity,
            sum(p.account_count) AS used,
            -- The LEFT JOIN's null row of a provider without proxies would cost its price once.
            coalesce(sum(CASE WHEN p.id IS NOT NULL THEN ${COST} END), 0) AS cost,
            coalesce(sum(CASE WHEN p.account_count = 0 THEN ${COST} ELSE 0 END), 0) AS idle
       FROM proxy_providers pp LEFT JOIN proxies p ON p.provider_id = pp.id
      GROUP BY pp.id ORDER BY pp.name COLLATE NOCASE, pp.id`,
  ).all() as (CapacityRow & { id: number; name: string; cost: number; idle: number })[]

  const modelRows = stmt(
    sqlite,
    `SELECT m.id, m.name,
            coalesce(s.proxies, 0) AS proxies, coalesce(s.capacity, 0) AS capacity,
            coalesce(s.used, 0) AS used, coalesce(s.cost, 0) AS cost,
            (SELECT count(*) FROM accounts a
              WHERE a.model_id = m.id AND a.status = 'active' AND a.proxy_id IS NULL) AS waiting
       FROM models m
       LEFT JOIN (SELECT p.assigned_model_id AS model_id, count(*) AS proxies,
                         sum(p.max_accounts) AS capacity, sum(p.account_count) AS used,
                         sum(${COST}) AS cost
                    FROM proxies p JOIN proxy_providers pp ON pp.id = p.provider_id
                   WHERE p.assigned_model_id IS NOT NULL
                   GROUP BY p.assigned_model_id) s ON s.model_id = m.id
      ORDER BY m.name, m.id`,
  ).all() as {
    id: number
    name: string
    proxies: number
    capacity: number
    used: number
    cost: number
    waiting: number
  }[]

  const statusRows = stmt(
    sqlite,
    'SELECT status, count(*) AS n FROM proxies GROUP BY status',
  ).all() as { status: ProxyStatus; n: number }[]
  const byStatus = Object.fromEntries(proxyStatuses.map((s) => [s, 0])) as Record<
    ProxyStatus,
    number
  >
  for (const row of statusRows) byStatus[row.status] = row.n

  const horizon = now + EXPIRY_WINDOW_DAYS * DAY_MS
  const expiring = stmt(
    sqlite,
    `SELECT p.id, p.host, p.port, pp.name AS provider_name, p.expires_at
       FROM proxies p JOIN proxy_providers pp ON pp.id = p.provider_id
      WHERE p.expires_at > ? AND p.expires_at <= ?
      ORDER BY p.expires_at, p.id LIMIT ${EXPIRING_LISTED}`,
  ).all(now, horizon) as {
    id: number
    host: string
    port: number
    provider_name: string
    expires_at: number
  }[]
  const expiringCount = stmt(
    sqlite,
    'SELECT count(*) AS n FROM proxies WHERE expires_at > ? AND expires_at <= ?',
  ).get(now, horizon) as { n: number }
  const expired = stmt(sqlite, 'SELECT count(*) AS n FROM proxies WHERE expires_at <= ?').get(
    now,
  ) as { n: number }

  const monthlyTotalCents = providerRows.reduce((sum, row) => sum + row.cost, 0)
  const idleCents = providerRows.reduce((sum, row) => sum + row.idle, 0)
  const assignedAccounts = overall.used ?? 0
  const idleProxies = (
    stmt(sqlite, 'SELECT count(*) AS n FROM proxies WHERE account_count = 0').get() as { n: number }
  ).n

  return {
    generatedAt: now,
    capacity: { ...capacityFigures(overall), assignableFree: overall.assignable_free ?? 0 },
    byProvider: providerRows.map((row) => ({
      providerId: row.id,
      name: row.name,
      ...capacityFigures(row),
      monthlyCostCents: row.cost,
      idleCostCents: row.idle,
    })),
    byModel: modelRows.map((row) => ({
      modelId: row.id,
      name: row.name,
      proxies: row.proxies,
      capacity: row.capacity,
      assignedAccounts: row.used,
      unassignedAccounts: row.waiting,
      utilization: row.capacity === 0 ? 0 : row.used / row.capacity,
      monthlyCostCents: row.cost,
      costPerAccountCents: perAccount(row.cost, row.used),
    })),
    cost: {
      monthlyTotalCents,
      assignedAccounts,
      perAssignedAccountCents: perAccount(monthlyTotalCents, assignedAccounts),
      idleCents,
      idleProxies,
    },
    expiring: {
      withinDays: EXPIRY_WINDOW_DAYS,
      count: expiringCount.n,
      items: expiring.map((row) => ({
        id: row.id,
        label: endpointLabel(row.host, row.port),
        providerName: row.provider_name,
        expiresAt: row.expires_at,
      })),
      alreadyExpired: expired.n,
    },
    health: { byStatus, failing: overall.failing ?? 0, neverTested: overall.never_tested ?? 0 },
  }
}
