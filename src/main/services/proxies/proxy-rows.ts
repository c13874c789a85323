import type { ProxyDto } from '../../../shared/contracts/dto'
import { columnsExcept, type RowOf, type SameKeys } from '../../db/columns'
import { proxies } from '../../db/schema'
import { collisionCounts, exitGuard } from '../assignment/exit-collisions'
import { notFound, stmt, type ServiceContext } from '../service-context'

/**
 * Every stored column but the ciphertext, named as the schema names it; `password_encrypted` is
 * only tested for NULL, so no query that feeds a DTO ever returns it.
 */
const storedColumns = columnsExcept(proxies, ['passwordEncrypted'])

/** What a DTO adds to the stored columns: names of the rows it points at, derived values. */
interface ProxyDtoExtras {
  providerName: string
  assignedModelName: string | null
  hasPassword: boolean
  monthlyCostCents: number
  exitCollisions: number
}

// The DTO is the stored row plus the extras, key for key: a column added to the schema must be
// added to ProxyDto too (or to the omitted list above, if the renderer must never see it).
const dtoMatchesSchema: SameKeys<
  ProxyDto,
  Omit<RowOf<typeof proxies>, 'passwordEncrypted'> & ProxyDtoExtras
> = true
void dtoMatchesSchema

export const PROXY_DTO_COLUMNS = `${storedColumns.select('p')},
  pp.name AS "providerName", m.name AS "assignedModelName",
  p.password_encrypted IS NOT NULL AS "hasPassword",
  coalesce(p.monthly_cost_override_cents, pp.monthly_cost_per_proxy_cents) AS "monthlyCostCents"`

/** What a DTO joins to `proxies p` (apart, so the list can name the index `p` is read through). */
export const PROXY_DTO_JOINS = `JOIN proxy_providers pp ON pp.id = p.provider_id
  LEFT JOIN models m ON m.id = p.assigned_model_id`

export const PROXY_DTO_FROM = `proxies p ${PROXY_DTO_JOINS}`

/** A row selected with PROXY_DTO_COLUMNS, before decoding. */
export type ProxyDtoRow = Record<string, unknown>

export function toProxyDto(raw: ProxyDtoRow): ProxyDto {
  // SQLite answers the IS NOT NULL test with 0 or 1.
  raw.hasPassword = raw.hasPassword === 1
  // Filled by withExitCollisions: one query for the whole page, not a subquery per sorted row.
  raw.exitCollisions = 0
  return storedColumns.decode(raw) as unknown as ProxyDto
}

/** Sets each DTO's `exitCollisions` (one index-served query over the page's proxies). */
export function withExitCollisions(ctx: ServiceContext, dtos: ProxyDto[]): ProxyDto[] {
  if (dtos.length === 0) return dtos
  const counts = collisionCounts(
    ctx,
    exitGuard(ctx),
    dtos.map((dto) => dto.id),
  )
  if (counts.size === 0) return dtos
  for (const dto of dtos) dto.exitCollisions = counts.get(dto.id) ?? 0
  return dtos
}

export function findProxyDto(ctx: ServiceContext, id: number): ProxyDto | undefined {
  const row = stmt(
    ctx.sqlite,
    `SELECT ${PROXY_DTO_COLUMNS} FROM ${PROXY_DTO_FROM} WHERE p.id = ?`,
  ).get(id) as ProxyDtoRow | undefined
  return row && withExitCollisions(ctx, [toProxyDto(row)])[0]
}

export function getProxyDto(ctx: ServiceContext, id: number): ProxyDto {
  const dto = findProxyDto(ctx, id)
  if (!dto) throw notFound('proxy', id)
  return dto
}

/** DTOs for ids, in the order given (unknown ids are skipped). */
export function proxyDtosByIds(ctx: ServiceContext, ids: readonly number[]): ProxyDto[] {
  if (ids.length === 0) return []
  const rows = stmt(
    ctx.sqlite,
    `SELECT ${PROXY_DTO_COLUMNS} FROM ${PROXY_DTO_FROM}
      WHERE p.id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids)) as ProxyDtoRow[]
  const byId = new Map(rows.map((row) => [row.id, toProxyDto(row)]))
  return withExitCollisions(
    ctx,
    ids.flatMap((id) => byId.get(id) ?? []),
  )
}

/** The columns the assignment rules look at. */
export interface ProxyRuleRow {
  id: number
  status: ProxyDto['status']
  expires_at: number | null
  account_count: number
  max_accounts: number
  assigned_model_id: number | null
}

export function getProxyRuleRow(ctx: ServiceContext, id: number): ProxyRuleRow {
  const row = stmt(
    ctx.sqlite,
    `SELECT id, status, expires_at, account_count, max_accounts, assigned_model_id
       FROM proxies WHERE id = ?`,
  ).get(id) as ProxyRuleRow | undefined
  if (!row) throw notFound('proxy', id)
  return row
}
