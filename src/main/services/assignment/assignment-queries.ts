import type { AssignmentListInput } from '../../../shared/contracts/assignments'
import type { AssignmentDto, Page, ProxyDto } from '../../../shared/contracts/dto'
import { proxyDtosByIds } from '../proxies/proxy-rows'
import { endpointLabel, missingIds, notFound, stmt, type ServiceContext } from '../service-context'

const ASSIGNED_AT = `(SELECT max(h.created_at) FROM proxy_assignment_history h
   WHERE h.account_id = a.id AND h.proxy_id = a.proxy_id AND h.action IN ('assigned', 'reassigned'))`

const sortColumns: Record<AssignmentListInput['sortBy'], string> = {
  proxy: 'p.id',
  model: 'm.name',
  account: 'a.username',
  assignedAt: 'assigned_at',
}

interface AssignmentRow {
  account_id: number
  username: string
  platform: AssignmentDto['platform']
  model_id: number
  model_name: string
  proxy_id: number
  host: string
  port: number
  protocol: AssignmentDto['proxyProtocol']
  proxy_status: AssignmentDto['proxyStatus']
  provider_id: number
  provider_name: string
  assigned_at: number | null
}

function assignmentQuery(where: string, order: string): string {
  return `SELECT a.id AS account_id, a.username, a.platform, a.model_id, m.name AS model_name,
                 p.id AS proxy_id, p.host, p.port, p.protocol, p.status AS proxy_status,
                 pp.id AS provider_id, pp.name AS provider_name, ${ASSIGNED_AT} AS assigned_at
            FROM accounts a
            JOIN proxies p ON p.id = a.proxy_id
            JOIN models m ON m.id = a.model_id
            JOIN proxy_providers pp ON pp.id = p.provider_id
           WHERE a.status = 'active' ${where}
           ${order}`
}

function toAssignmentDto(row: AssignmentRow): AssignmentDto {
  return {
    accountId: row.account_id,
    accountUsername: row.username,
    platform: row.platform,
    modelId: row.model_id,
    modelName: row.model_name,
    proxyId: row.proxy_id,
    proxyLabel: endpointLabel(row.host, row.port),
    proxyProtocol: row.protocol,
    proxyStatus: row.proxy_status,
    providerId: row.provider_id,
    providerName: row.provider_name,
    assignedAt: row.assigned_at,
  }
}

/** The current assignment of one account (it must have a proxy). */
export function getAssignment(ctx: ServiceContext, accountId: number): AssignmentDto {
  const row = stmt(ctx.sqlite, assignmentQuery('AND a.id = ?', '')).get(accountId) as
    AssignmentRow | undefined
  if (!row) throw notFound('assignment of account', accountId)
  return toAssignmentDto(row)
}

export function listAssignments(
  ctx: ServiceContext,
  input: AssignmentListInput,
): Page<AssignmentDto> {
  const where: string[] = []
  const params: unknown[] = []
  for (const [column, value] of [
    ['a.proxy_id', input.proxyId],
    ['a.model_id', input.modelId],
    ['p.provider_id', input.providerId],
  ] as const) {
    if (value === undefined) continue
    where.push(`AND ${column} = ?`)
    params.push(value)
  }
  const whereSql = where.join(' ')
  const total = (
    stmt(
      ctx.sqlite,
      `SELECT count(*) AS n FROM accounts a JOIN proxies p ON p.id = a.proxy_id
        WHERE a.status = 'active' ${whereSql}`,
    ).get(...params) as { n: number }
  ).n
  const dir = input.sortDir === 'desc' ? 'DESC' : 'ASC'
  const order = `ORDER BY ${sortColumns[input.sortBy]} ${dir}, a.id ${dir} LIMIT ? OFFSET ?`
  const rows = stmt(ctx.sqlite, assignmentQuery(whereSql, order)).all(
    ...params,
    input.pageSize,
    (input.page - 1) * input.pageSize,
  ) as AssignmentRow[]
  return { items: rows.map(toAssignmentDto), total, page: input.page, pageSize: input.pageSize }
}

/**
 * Proxies that could take an account of the model now, in the order auto-assign would pick them:
 * each branch walks `proxies_available_idx` in id order and stops at `limit`.
 */
export function availableProxies(ctx: ServiceContext, modelId: number, limit: number): ProxyDto[] {
  if (missingIds(ctx.sqlite, 'models', [modelId]).length) throw notFound('model', modelId)
  const now = ctx.clock.now()
  const branch = (modelTerm: string) => `SELECT id FROM (SELECT id FROM proxies
      WHERE status = 'active' AND account_count < max_accounts AND ${modelTerm}
        AND (expires_at IS NULL OR expires_at > ?)
      ORDER BY id LIMIT ?)`
  const ids = (
    stmt(
      ctx.sqlite,
      `SELECT id FROM (${branch('assigned_model_id = ?')} UNION ALL ${branch('assigned_model_id IS NULL')})
        ORDER BY id LIMIT ?`,
    ).all(modelId, now, limit, now, limit, limit) as { id: number }[]
  ).map((row) => row.id)
  return proxyDtosByIds(ctx, ids)
}
