import { proxyProviders } from '../db/schema'
import type { Page, ProviderDto, ProviderListItem, ProxyDto } from '../../shared/contracts/dto'
import type {
  ProviderCreateInput,
  ProviderProxiesInput,
  ProviderRemoveResult,
  ProviderUpdateInput,
} from '../../shared/contracts/providers'
import { AppError } from '../../shared/errors'
import { proxyStatuses, type ProviderStatus, type ProxyStatus } from '../../shared/domain'
import { listProxies, removeProxies } from './proxies'
import {
  patchRow,
  inTransaction,
  statusAndNameWhere,
  notFound,
  ruleViolation,
  stmt,
  type ServiceContext,
} from './service-context'

interface ProviderRow {
  id: number
  name: string
  monthly_cost_per_proxy_cents: number
  contact_email: string | null
  website: string | null
  service_type: ProviderDto['serviceType']
  status: ProviderStatus
  notes: string | null
  created_at: number
  updated_at: number
}

function toProviderDto(row: ProviderRow): ProviderDto {
  return {
    id: row.id,
    name: row.name,
    monthlyCostPerProxyCents: row.monthly_cost_per_proxy_cents,
    contactEmail: row.contact_email,
    website: row.website,
    serviceType: row.service_type,
    status: row.status,
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

export function getProvider(ctx: ServiceContext, id: number): ProviderDto {
  const row = stmt(ctx.sqlite, 'SELECT * FROM proxy_providers WHERE id = ?').get(id) as
    ProviderRow | undefined
  if (!row) throw notFound('provider', id)
  return toProviderDto(row)
}

/** Providers by name, each with its proxies' counts, capacity and monthly spend (one GROUP BY). */
export function listProviders(
  ctx: ServiceContext,
  filter: { status?: ProviderStatus; search?: string } = {},
): ProviderListItem[] {
  const { sql: whereSql, params } = statusAndNameWhere('', filter)
  const rows = stmt(
    ctx.sqlite,
    `SELECT * FROM proxy_providers ${whereSql}
      ORDER BY name COLLATE NOCASE, id`,
  ).all(...params) as ProviderRow[]
  const groups = stmt(
    ctx.sqlite,
    `SELECT p.provider_id, p.status, count(*) AS proxies, sum(p.account_count) AS used,
            sum(p.max_accounts) AS capacity,
            sum(coalesce(p.monthly_cost_override_cents, pp.monthly_cost_per_proxy_cents)) AS cost
       FROM proxies p JOIN proxy_providers pp ON pp.id = p.provider_id
      GROUP BY p.provider_id, p.status`,
  ).all() as {
    provider_id: number
    status: ProxyStatus
    proxies: number
    used: number
    capacity: number
    cost: number
  }[]
  const stats = new Map<number, ProviderListItem['stats']>()
  for (const group of groups) {
    let entry = stats.get(group.provider_id)
    if (!entry) stats.set(group.provider_id, (entry = emptyStats()))
    entry.proxyCount += group.proxies
    entry.proxiesByStatus[group.status] += group.proxies
    entry.assignedAccounts += group.used
    entry.capacity += group.capacity
    entry.monthlySpendCents += group.cost
  }
  return rows.map((row) => ({ ...toProviderDto(row), stats: stats.get(row.id) ?? emptyStats() }))
}

function emptyStats(): ProviderListItem['stats'] {
  return {
    proxyCount: 0,
    proxiesByStatus: Object.fromEntries(proxyStatuses.map((s) => [s, 0])) as Record<
      ProxyStatus,
      number
    >,
    assignedAccounts: 0,
    capacity: 0,
    monthlySpendCents: 0,
  }
}

export function createProvider(ctx: ServiceContext, input: ProviderCreateInput): ProviderDto {
  const id = inTransaction(ctx, () => {
    assertNameFree(ctx, input.name, null)
    const now = ctx.clock.now()
    return Number(
      stmt(
        ctx.sqlite,
        `INSERT INTO proxy_providers (name, monthly_cost_per_proxy_cents, contact_email, website,
           service_type, status, notes, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        input.name,
        input.monthlyCostPerProxyCents,
        input.contactEmail ?? null,
        input.website ?? null,
        input.serviceType ?? null,
        input.status ?? 'active',
        input.notes ?? null,
        now,
        now,
      ).lastInsertRowid,
    )
  })
  return getProvider(ctx, id)
}

export function updateProvider(ctx: ServiceContext, input: ProviderUpdateInput): ProviderDto {
  inTransaction(ctx, () => {
    getProvider(ctx, input.id)
    if (input.name !== undefined) assertNameFree(ctx, input.name, input.id)
    const { id, ...fields } = input
    patchRow(ctx, proxyProviders, id, fields)
  })
  return getProvider(ctx, input.id)
}

/**
 * Refused while the provider has proxies, unless `withProxies`: then its proxies go first (their
 * accounts released with reason `proxy_removed`), all in one transaction.
 */
export function removeProvider(
  ctx: ServiceContext,
  id: number,
  withProxies: boolean,
): ProviderRemoveResult {
  return inTransaction(ctx, () => {
    const provider = getProvider(ctx, id)
    const proxyIds = (
      stmt(ctx.sqlite, 'SELECT id FROM proxies WHERE provider_id = ? ORDER BY id').all(id) as {
        id: number
      }[]
    ).map((row) => row.id)
    if (proxyIds.length > 0 && !withProxies) {
      throw ruleViolation(
        'provider_has_proxies',
        `Provider "${provider.name}" still has ${proxyIds.length} proxies; delete them with it or move them first.`,
        { providerId: id, proxies: proxyIds.length },
      )
    }
    const removed = proxyIds.length
      ? removeProxies(ctx, proxyIds)
      : { removed: 0, releasedAccounts: 0 }
    stmt(ctx.sqlite, 'DELETE FROM proxy_providers WHERE id = ?').run(id)
    return { removedProxies: removed.removed, releasedAccounts: removed.releasedAccounts }
  })
}

/** One page of a provider's proxies (same DTO and sorting as `proxies:list`). */
export function providerProxies(ctx: ServiceContext, input: ProviderProxiesInput): Page<ProxyDto> {
  getProvider(ctx, input.id)
  const { id, ...rest } = input
  return listProxies(ctx, { ...rest, providerId: id })
}

function assertNameFree(ctx: ServiceContext, name: string, exceptId: number | null): void {
  const clash = stmt(ctx.sqlite, 'SELECT id FROM proxy_providers WHERE name = ?').get(name) as
    { id: number } | undefined
  if (clash && clash.id !== exceptId) {
    throw new AppError('CONFLICT', `A provider named "${name}" already exists.`, {
      constraint: 'proxy_providers_name_unique',
      existingId: clash.id,
    })
  }
}
