import { columnsExcept, type RowOf, type SameKeys } from '../db/columns'
import { proxyProviders } from '../db/schema'
import type { Page, ProviderDto, ProviderListItem, ProxyDto } from '../../shared/contracts/dto'
import type {
  ProviderCreateInput,
  ProviderProxiesInput,
  ProviderRemoveResult,
  ProviderUpdateInput,
} from '../../shared/contracts/providers'
import { AppError } from '../../shared/errors'
import {
  proxyStatuses,
  type LastCheckState,
  type ProviderStatus,
  type ProxyStatus,
} from '../../shared/domain'
import { LAST_CHECK_CASE, listProxies, removeProxies } from './proxies'
import {
  insertRow,
  patchRow,
  inTransaction,
  statusAndNameWhere,
  notFound,
  ruleViolation,
  stmt,
  type ServiceContext,
} from './service-context'

// A provider's DTO is its row, key for key: a column added to the schema must join ProviderDto.
const providerColumns = columnsExcept(proxyProviders, [])
const dtoMatchesSchema: SameKeys<ProviderDto, RowOf<typeof proxyProviders>> = true
void dtoMatchesSchema

const PROVIDER_SELECT = `SELECT ${providerColumns.select('pp')} FROM proxy_providers pp`

function toProviderDto(row: Record<string, unknown>): ProviderDto {
  return providerColumns.decode(row) as ProviderDto
}

export function getProvider(ctx: ServiceContext, id: number): ProviderDto {
  const row = stmt(ctx.sqlite, `${PROVIDER_SELECT} WHERE pp.id = ?`).get(id) as
    Record<string, unknown> | undefined
  if (!row) throw notFound('provider', id)
  return toProviderDto(row)
}

/** Providers by name, each with its proxies' counts, capacity and monthly spend (one GROUP BY). */
export function listProviders(
  ctx: ServiceContext,
  filter: { status?: ProviderStatus; search?: string } = {},
): ProviderListItem[] {
  const { sql: whereSql, params } = statusAndNameWhere('pp.', filter)
  const rows = stmt(
    ctx.sqlite,
    `${PROVIDER_SELECT} ${whereSql} ORDER BY pp.name COLLATE NOCASE, pp.id`,
  ).all(...params) as Record<string, unknown>[]
  const groups = stmt(
    ctx.sqlite,
    `SELECT p.provider_id, p.status, ${LAST_CHECK_CASE} AS last_check, count(*) AS proxies, sum(p.account_count) AS used,
            sum(p.max_accounts) AS capacity,
            sum(coalesce(p.monthly_cost_override_cents, pp.monthly_cost_per_proxy_cents)) AS cost
       FROM proxies p JOIN proxy_providers pp ON pp.id = p.provider_id
      GROUP BY p.provider_id, p.status, last_check`,
  ).all() as {
    provider_id: number
    status: ProxyStatus
    last_check: LastCheckState
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
    entry.proxiesByLastCheck[group.last_check] += group.proxies
    entry.assignedAccounts += group.used
    entry.capacity += group.capacity
    entry.monthlySpendCents += group.cost
  }
  return rows.map((row) => {
    const dto = toProviderDto(row)
    return { ...dto, stats: stats.get(dto.id) ?? emptyStats() }
  })
}

function emptyStats(): ProviderListItem['stats'] {
  return {
    proxyCount: 0,
    proxiesByStatus: Object.fromEntries(proxyStatuses.map((s) => [s, 0])) as Record<
      ProxyStatus,
      number
    >,
    proxiesByLastCheck: { passed: 0, failed: 0, untested: 0 },
    assignedAccounts: 0,
    capacity: 0,
    monthlySpendCents: 0,
  }
}

export function createProvider(ctx: ServiceContext, input: ProviderCreateInput): ProviderDto {
  const id = inTransaction(ctx, () => {
    assertNameFree(ctx, input.name, null)
    const now = ctx.clock.now()
    return insertRow(ctx, proxyProviders, { ...input, createdAt: now, updatedAt: now })
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
