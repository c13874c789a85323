import type { Page, ProxyDto } from '../../../shared/contracts/dto'
import type { LastCheckState } from '../../../shared/domain'
import type {
  ProxyListFilters,
  ProxyListInput,
  ProxySortColumn,
} from '../../../shared/contracts/proxies'
import { likeContains, stmt, type ServiceContext } from '../service-context'
import { collisionFilterTerm, exitGuard, type ExitGuard } from '../assignment/exit-collisions'
import {
  PROXY_DTO_COLUMNS,
  PROXY_DTO_FROM,
  toProxyDto,
  withExitCollisions,
  type ProxyDtoRow,
} from './proxy-rows'

/** The whitelist `sortBy` maps through: user input never reaches the SQL text. */
const sortExpressions: Record<ProxySortColumn, string> = {
  id: 'p.id',
  host: 'p.host',
  port: 'p.port',
  protocol: 'p.protocol',
  status: 'p.status',
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
    const pattern = likeContains(filters.search)
    add(
      `(p.host LIKE ? ESCAPE '\\' OR p.username LIKE ? ESCAPE '\\' OR p.notes LIKE ? ESCAPE '\\')`,
      pattern,
      pattern,
      pattern,
    )
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

/** The page query: also what the `list` benchmark runs raw as its baseline. */
export function proxyPageSql(
  input: ProxyListInput,
  guard: ExitGuard | null = null,
): { sql: string; params: unknown[] } {
  const filter = proxyFilterSql(input, guard)
  const dir = input.sortDir === 'desc' ? 'DESC' : 'ASC'
  const order =
    input.sortBy === 'id' ? `p.id ${dir}` : `${sortExpressions[input.sortBy]} ${dir}, p.id ${dir}`
  return {
    sql: `SELECT ${PROXY_DTO_COLUMNS} FROM ${PROXY_DTO_FROM} ${filter.where}
             ORDER BY ${order} LIMIT ? OFFSET ?`,
    params: [...filter.params, input.pageSize, (input.page - 1) * input.pageSize],
  }
}

/**
 * One page of proxies with the total that match. Filters are on indexed columns where the data
 * allows (provider, status, country, host, model through the assignable index); text search and
 * tags scan, which stays in the tens of milliseconds at 100,000 rows.
 */
export function listProxies(ctx: ServiceContext, input: ProxyListInput): Page<ProxyDto> {
  const guard = input.collision === undefined ? null : exitGuard(ctx)
  const filter = proxyFilterSql(input, guard)
  const total = (
    stmt(ctx.sqlite, `SELECT count(*) AS n FROM proxies p ${filter.where}`).get(
      ...filter.params,
    ) as { n: number }
  ).n
  const page = proxyPageSql(input, guard)
  const rows = stmt(ctx.sqlite, page.sql).all(...page.params) as ProxyDtoRow[]
  const items = withExitCollisions(ctx, rows.map(toProxyDto))
  return { items, total, page: input.page, pageSize: input.pageSize }
}
