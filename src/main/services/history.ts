import type { HistoryListInput } from '../../shared/contracts/history'
import type { HistoryDto, Page } from '../../shared/contracts/dto'
import type { HistoryAction, HistoryActor, HistoryReason } from '../../shared/domain'
import { endpointLabel, stmt, type ServiceContext } from './service-context'

export interface HistoryEntry {
  proxyId: number
  accountId: number
  modelId: number
  action: HistoryAction
  reason: HistoryReason
  actor: HistoryActor
}

const INSERT_HISTORY = `INSERT INTO proxy_assignment_history
  (proxy_id, account_id, model_id, action, reason, assigned_by, created_at)
  VALUES (?, ?, ?, ?, ?, ?, ?)`

/** Appends one audit row. Call it inside the transaction that made the change it records. */
export function recordHistory(ctx: ServiceContext, entry: HistoryEntry): void {
  stmt(ctx.sqlite, INSERT_HISTORY).run(
    entry.proxyId,
    entry.accountId,
    entry.modelId,
    entry.action,
    entry.reason,
    entry.actor,
    ctx.clock.now(),
  )
}

interface HistoryRow {
  id: number
  proxy_id: number
  account_id: number
  model_id: number
  action: HistoryDto['action']
  reason: HistoryDto['reason']
  assigned_by: HistoryDto['assignedBy']
  created_at: number
  host: string | null
  port: number | null
  username: string | null
  model_name: string | null
}

export function listHistory(ctx: ServiceContext, input: HistoryListInput): Page<HistoryDto> {
  const { where: whereSql, params } = historyFilterSql(input)
  const total = (
    stmt(ctx.sqlite, `SELECT count(*) AS n FROM proxy_assignment_history h ${whereSql}`).get(
      ...params,
    ) as { n: number }
  ).n
  const dir = input.sortDir === 'asc' ? 'ASC' : 'DESC'
  // Rows share a millisecond within a batch; id keeps the order of writing.
  const rows = stmt(
    ctx.sqlite,
    `SELECT h.id, h.proxy_id, h.account_id, h.model_id, h.action, h.reason, h.assigned_by,
            h.created_at, p.host, p.port, a.username, m.name AS model_name
       FROM proxy_assignment_history h
       LEFT JOIN proxies p ON p.id = h.proxy_id
       LEFT JOIN accounts a ON a.id = h.account_id
       LEFT JOIN models m ON m.id = h.model_id
       ${whereSql}
      ORDER BY h.created_at ${dir}, h.id ${dir}
      LIMIT ? OFFSET ?`,
  ).all(...params, input.pageSize, (input.page - 1) * input.pageSize) as HistoryRow[]
  return {
    items: rows.map((row) => ({
      id: row.id,
      proxyId: row.proxy_id,
      accountId: row.account_id,
      modelId: row.model_id,
      action: row.action,
      reason: row.reason,
      assignedBy: row.assigned_by,
      createdAt: row.created_at,
      proxyLabel: row.host === null ? null : endpointLabel(row.host, row.port ?? 0),
      accountUsername: row.username,
      modelName: row.model_name,
    })),
    total,
    page: input.page,
    pageSize: input.pageSize,
  }
}

/** The history filters both `history:list` and `export:history` take, as a WHERE clause over `h`. */
export type HistoryFilters = Pick<
  HistoryListInput,
  'proxyId' | 'accountId' | 'modelId' | 'assignedBy' | 'action' | 'reason' | 'from' | 'to'
>

export function historyFilterSql(input: HistoryFilters): { where: string; params: unknown[] } {
  const terms: string[] = []
  const params: unknown[] = []
  const equal = (column: string, value: unknown) => {
    if (value === undefined) return
    terms.push(`${column} = ?`)
    params.push(value)
  }
  const among = (column: string, values: readonly string[] | undefined) => {
    if (!values) return
    terms.push(`${column} IN (SELECT value FROM json_each(?))`)
    params.push(JSON.stringify(values))
  }
  equal('h.proxy_id', input.proxyId)
  equal('h.account_id', input.accountId)
  equal('h.model_id', input.modelId)
  equal('h.assigned_by', input.assignedBy)
  among('h.action', input.action)
  among('h.reason', input.reason)
  if (input.from !== undefined) {
    terms.push('h.created_at >= ?')
    params.push(input.from)
  }
  if (input.to !== undefined) {
    terms.push('h.created_at < ?')
    params.push(input.to)
  }
  return { where: terms.length ? `WHERE ${terms.join(' AND ')}` : '', params }
}
