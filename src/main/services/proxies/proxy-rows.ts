import type { ProxyDto } from '../../../shared/contracts/dto'
import { notFound, stmt, type ServiceContext } from '../service-context'

/**
 * The one SELECT list every proxy DTO is read with. It names `password_encrypted` only to test it
 * for NULL: no query that feeds a DTO ever returns the ciphertext.
 */
export const PROXY_DTO_COLUMNS = `
  p.id, p.provider_id, pp.name AS provider_name, p.protocol, p.remote_dns, p.host, p.port,
  p.username, p.password_encrypted IS NOT NULL AS has_password, p.location, p.country, p.status,
  p.assigned_model_id, m.name AS model_name, p.account_count, p.max_accounts,
  p.monthly_cost_override_cents,
  coalesce(p.monthly_cost_override_cents, pp.monthly_cost_per_proxy_cents) AS monthly_cost_cents,
  p.tags, p.notes, p.expires_at, p.rotation_url, p.sticky, p.last_tested_at, p.last_success_at,
  p.last_error_code, p.last_error_message, p.response_time_ms, p.exit_ip, p.consecutive_failures,
  p.created_at, p.updated_at`

export const PROXY_DTO_FROM = `proxies p
  JOIN proxy_providers pp ON pp.id = p.provider_id
  LEFT JOIN models m ON m.id = p.assigned_model_id`

export interface ProxyDtoRow {
  id: number
  provider_id: number
  provider_name: string
  protocol: ProxyDto['protocol']
  remote_dns: number
  host: string
  port: number
  username: string | null
  has_password: number
  location: string | null
  country: string | null
  status: ProxyDto['status']
  assigned_model_id: number | null
  model_name: string | null
  account_count: number
  max_accounts: number
  monthly_cost_override_cents: number | null
  monthly_cost_cents: number
  tags: string
  notes: string | null
  expires_at: number | null
  rotation_url: string | null
  sticky: number
  last_tested_at: number | null
  last_success_at: number | null
  last_error_code: ProxyDto['lastErrorCode']
  last_error_message: string | null
  response_time_ms: number | null
  exit_ip: string | null
  consecutive_failures: number
  created_at: number
  updated_at: number
}

export function toProxyDto(row: ProxyDtoRow): ProxyDto {
  return {
    id: row.id,
    providerId: row.provider_id,
    providerName: row.provider_name,
    protocol: row.protocol,
    remoteDns: row.remote_dns === 1,
    host: row.host,
    port: row.port,
    username: row.username,
    hasPassword: row.has_password === 1,
    location: row.location,
    country: row.country,
    status: row.status,
    assignedModelId: row.assigned_model_id,
    assignedModelName: row.model_name,
    accountCount: row.account_count,
    maxAccounts: row.max_accounts,
    monthlyCostOverrideCents: row.monthly_cost_override_cents,
    monthlyCostCents: row.monthly_cost_cents,
    tags: JSON.parse(row.tags) as string[],
    notes: row.notes,
    expiresAt: row.expires_at,
    rotationUrl: row.rotation_url,
    sticky: row.sticky === 1,
    lastTestedAt: row.last_tested_at,
    lastSuccessAt: row.last_success_at,
    lastErrorCode: row.last_error_code,
    lastErrorMessage: row.last_error_message,
    responseTimeMs: row.response_time_ms,
    exitIp: row.exit_ip,
    consecutiveFailures: row.consecutive_failures,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

export function findProxyDto(ctx: ServiceContext, id: number): ProxyDto | undefined {
  const row = stmt(
    ctx.sqlite,
    `SELECT ${PROXY_DTO_COLUMNS} FROM ${PROXY_DTO_FROM} WHERE p.id = ?`,
  ).get(id) as ProxyDtoRow | undefined
  return row && toProxyDto(row)
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
  return ids.flatMap((id) => byId.get(id) ?? [])
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
