import type { Page, ProxyDto } from '../../../shared/contracts/dto'
import type { LastCheckState } from '../../../shared/domain'
import type {
  ProxyListFilters,
  ProxyListInput,
  ProxySortColumn,
} from '../../../shared/contracts/proxies'
import { likeContains, stmt, type ServiceContext } from '../service-context'
import { collisionFilterTerm, exitGuard, type ExitGuard } from '../assignment/exit-collisions'
import { cachedCount } from './proxy-count'
import { searchSql } from './proxy-search'
import {
  PROXY_DTO_COLUMNS,
  PROXY_DTO_FROM,
  PROXY_DTO_JOINS,
  toProxyDto,
  withExitCollisions,
  type ProxyDtoRow,
} from './proxy-rows'

/** The whitelist `sortBy` maps through: user input never reaches the SQL text. */
const sortExpressions: Record<ProxySortColumn, string> = {
  id: 'p.id',
  host: 'p.host',
  port: 'p.port',
  protocol: "(p.protocol || '')",
  // `|| ''`: the expression proxies_status_sort_idx / proxies_protocol_sort_idx hold, same order.
  status: "(p.status || '')",
  provider: 'pp.name',
  country: 'p.country',
  location: 'p.location',
  model: 'm.name',
  accountCount: 'p.account_count',
  freeSlots: '(p.max_accounts - p.account_count)',
  monthlyCost: 'coalesce(p.monthly_cost_override_cents, pp.monthly_cost_per_proxy_cents)',
  expiresAt: 'p.expires_at',
  lastTestedAt: 'p.last_tested_at',
  responseTimeMs: 'p.response_time_ms',
  createdAt: 'p.created_at',
  updatedAt: 'p.updated_at',
}

/**
 * The index whose order is a sort's order, id tie-break included (every index ends in the rowid):
 * walking it, a page stops after offset + limit matches instead of sorting all of them. The
 * provider sort walks proxy_providers by name and each provider's proxies by id. Model, monthly
 * cost and free slots sort joined names or expressions no index holds; the rest are not offered
 * by the table.
 */
const sortIndexes: Partial<Record<ProxySortColumn, string | null>> = {
  provider: null, // walkFrom
  id: 'NOT INDEXED',
  host: 'INDEXED BY proxies_host_idx',
  status: 'INDEXED BY proxies_status_sort_idx',
  protocol: 'INDEXED BY proxies_protocol_sort_idx',
  country: 'INDEXED BY proxies_country_idx',
  accountCount: 'INDEXED BY proxies_account_count_idx',
  expiresAt: 'INDEXED BY proxies_expires_idx',
  lastTestedAt: 'INDEXED BY proxies_last_tested_idx',
  responseTimeMs: 'INDEXED BY proxies_response_time_idx',
}

/**
 * What the page reads when it walks the sort's index. For the provider sort, CROSS JOIN keeps
 * proxy_providers the outer loop (by name), each provider's proxies read in id order.
 */
function walkFrom(sortBy: ProxySortColumn): string {
  if (sortBy === 'provider') {
    return `proxy_providers pp INDEXED BY proxy_providers_name_unique
      CROSS JOIN proxies p INDEXED BY proxies_provider_idx ON pp.id = p.provider_id
      LEFT JOIN models m ON m.id = p.assigned_model_id`
  }
  return `proxies p ${sortIndexes[sortBy] ?? ''} ${PROXY_DTO_JOINS}`
}

/**
 * WHERE clause over `proxies p` only, so the count needs no join. `guard` (exitGuard(ctx)): the
 * window and match mode the `collision` filter uses; without it that filter is refused.
 */
export function proxyFilterSql(
  filters: ProxyListFilters,
  guard: ExitGuard | null = null,
): { where: string; params: unknown[] } {
  const terms: string[] = []
  const params: unknown[] = []
  const add = (term: string, ...values: unknown[]) => {
    terms.push(term)
    params.push(...values)
  }
  if (filters.providerId !== undefined) add('p.provider_id = ?', filters.providerId)
  // A single value as `=` lets the planner use the status/provider indexes.
  for (const [column, values] of [
    ['p.status', filters.status],
    ['p.protocol', filters.protocol],
    ['p.last_error_code', filters.errorCode],
    ['p.anonymity', filters.anonymity],
  ] as const) {
    if (!values) continue
    if (values.length === 1) add(`${column} = ?`, values[0])
    else add(`${column} IN (SELECT value FROM json_each(?))`, JSON.stringify(values))
  }
  if (filters.country !== undefined) add('p.country = ?', filters.country)
  if (filters.location !== undefined) {
    add(`p.location LIKE ? ESCAPE '\\'`, likeContains(filters.location))
  }
  if (filters.modelId === null) add('p.assigned_model_id IS NULL')
  else if (filters.modelId !== undefined) add('p.assigned_model_id = ?', filters.modelId)
  if (filters.tag !== undefined) {
    add('EXISTS (SELECT 1 FROM json_each(p.tags) AS t WHERE t.value = ?)', filters.tag)
  }
  if (filters.hasFreeSlots === true) add('p.account_count < p.max_accounts')
  if (filters.hasFreeSlots === false) add('p.account_count >= p.max_accounts')
  if (filters.collision !== undefined) addCollisionTerm(add, filters.collision, guard)
  if (filters.search) {
    const search = searchSql(filters.search)
    add(search.term, ...search.params)
  }
  if (filters.lastCheck !== undefined) add(lastCheckSql[filters.lastCheck])
  if (filters.network !== undefined) {
    const asn = /^(?:AS)?(\d{1,10})$/i.exec(filters.network)
    if (asn) add('p.exit_asn = ?', Number(asn[1]))
    else add(`p.exit_org LIKE ? ESCAPE '\\'`, likeContains(filters.network))
  }
  return { where: terms.length ? `WHERE ${terms.join(' AND ')}` : '', params }
}

/** `collision: true`: proxies sharing a recent exit with a proxy of another model; false: the rest. */
function addCollisionTerm(
  add: (term: string, ...values: unknown[]) => void,
  collision: boolean,
  guard: ExitGuard | null,
): void {
  if (!guard) throw new Error('The collision filter needs the exit guard (exitGuard(ctx)).')
  const { term, params } = collisionFilterTerm(guard)
  add(collision ? term : `NOT ${term}`, ...params)
}

/**
 * How the last check ended, over `proxies p`: the list filter and the providers' counts agree on
 * it. A failure of the judges counts as failed here (the proxy's last check did not pass), though
 * not against its status.
 */
export const lastCheckSql: Record<LastCheckState, string> = {
  passed: 'p.last_tested_at IS NOT NULL AND p.last_error_code IS NULL',
  failed: 'p.last_error_code IS NOT NULL',
  untested: 'p.last_tested_at IS NULL AND p.last_error_code IS NULL',
}

/** The same three states as one expression, for a GROUP BY. */
export const LAST_CHECK_CASE = `CASE WHEN p.last_error_code IS NOT NULL THEN 'failed'
  WHEN p.last_tested_at IS NULL THEN 'untested' ELSE 'passed' END`

/**
 * How the page reads `proxies p`. 'walk': through the sort's index (sortIndexes), reading rows in
 * order until the page is full, whatever indexes the filters could use; 'planner': as SQLite
 * chooses (for a selective filter: its index, then a sort of the few matches). listProxies picks
 * from the counts.
 */
export type PageRead = 'walk' | 'planner'

/** The page query: also what the `list` benchmark runs raw as its baseline. */
export function proxyPageSql(
  input: ProxyListInput,
  guard: ExitGuard | null = null,
  read: PageRead = 'planner',
): { sql: string; params: unknown[] } {
  const filter = proxyFilterSql(input, guard)
  const dir = input.sortDir === 'desc' ? 'DESC' : 'ASC'
  const sortBy = effectiveSort(input)
  const order = sortBy === 'id' ? `p.id ${dir}` : `${sortExpressions[sortBy]} ${dir}, p.id ${dir}`
  const from = read === 'walk' && sortBy in sortIndexes ? walkFrom(sortBy) : PROXY_DTO_FROM
  return {
    sql: `SELECT ${PROXY_DTO_COLUMNS} FROM ${from} ${filter.where}
             ORDER BY ${order} LIMIT ? OFFSET ?`,
    params: [...filter.params, input.pageSize, (input.page - 1) * input.pageSize],
  }
}

/**
 * The sort as it orders the matches: a column the filter pins to one value orders nothing, so the
 * page is in id order (the tie-break) and walks the table, not the pinned value's stretch of the
 * sort index, which starts wherever that value sorts (status = 'error' after every active proxy).
 */
function effectiveSort(input: ProxyListInput): ProxySortColumn {
  const pinned: Partial<Record<ProxySortColumn, boolean>> = {
    status: input.status?.length === 1,
    protocol: input.protocol?.length === 1,
    country: input.country !== undefined,
    provider: input.providerId !== undefined,
    model: input.modelId !== undefined,
  }
  return pinned[input.sortBy] ? 'id' : input.sortBy
}

/**
 * Walk the sort's index when that reads fewer rows than the filter matches: with `total` of
 * `rows` proxies matching, spread through the order, the page's last row lies about
 * (offset + limit) * rows / total rows into the walk; the planner's way reads every match.
 */
export function pageRead(input: ProxyListInput, total: number, rows: number): PageRead {
  const sortBy = effectiveSort(input)
  if (!(sortBy in sortIndexes) || total === 0) return 'planner'
  // A filter on the sort's own column (several statuses, by status) sits in stretches of the
  // index, not spread through it.
  if (sortBy !== 'id' && sortBy === input.sortBy && filtersColumn(input, sortBy)) return 'planner'
  const reach = input.page * input.pageSize
  return reach * rows <= total * total ? 'walk' : 'planner'
}

function filtersColumn(input: ProxyListInput, sortBy: ProxySortColumn): boolean {
  const filtered: Partial<Record<ProxySortColumn, unknown>> = {
    status: input.status,
    protocol: input.protocol,
    country: input.country,
    provider: input.providerId,
    model: input.modelId,
  }
  return filtered[sortBy] !== undefined
}

/**
 * One page of proxies with the total that match. The count is remembered until the next write
 * (proxy-count.ts); the page walks the sort's index unless the filter is so selective that its
 * matches are fewer than the rows the walk would read (pageRead). Text search and tags scan.
 */
export function listProxies(ctx: ServiceContext, input: ProxyListInput): Page<ProxyDto> {
  const guard = input.collision === undefined ? null : exitGuard(ctx)
  const filter = proxyFilterSql(input, guard)
  // The collision filter's window moves with the clock: its count is never remembered.
  const total = countMatches(ctx, filter, guard === null)
  const pageOf = { items: [], total, page: input.page, pageSize: input.pageSize }
  // Past the last match: nothing to read.
  if ((input.page - 1) * input.pageSize >= total) return pageOf
  const rows = filter.where ? countMatches(ctx, { where: '', params: [] }, true) : total
  const page = proxyPageSql(input, guard, pageRead(input, total, rows))
  const found = stmt(ctx.sqlite, page.sql).all(...page.params) as ProxyDtoRow[]
  return { ...pageOf, items: withExitCollisions(ctx, found.map(toProxyDto)) }
}

function countMatches(
  ctx: ServiceContext,
  filter: { where: string; params: unknown[] },
  remember: boolean,
): number {
  const sql = `SELECT count(*) AS n FROM proxies p ${filter.where}`
  const key = remember ? `${sql}\u0000${JSON.stringify(filter.params)}` : null
  return cachedCount(
    ctx.sqlite,
    key,
    () => (stmt(ctx.sqlite, sql).get(...filter.params) as { n: number }).n,
  )
}
