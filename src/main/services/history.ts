import type { HistoryListInput } from '../../shared/contracts/history'
import type { HistoryDto, Page } from '../../shared/contracts/dto'
import type { HistoryAction, HistoryActor, HistoryReason } from '../../shared/domain'
import { columnSet, columnsExcept, type RowOf, type SameKeys } from '../db/columns'
import { proxyAssignmentHistory } from '../db/schema'
import { endpointLabel, stmt, type ServiceContext } from './service-context'

export interface HistoryEntry {
  proxyId: number
  accountId: number
  modelId: number
  action: HistoryAction
  reason: HistoryReason
  actor: HistoryActor
  /** Why, in words, when the reason alone does not say it (a forced assign names its collision). */
  detail?: string | null
}

const written = columnSet(proxyAssignmentHistory, [
  'proxyId',
  'accountId',
  'modelId',
  'action',
  'reason',
  'assignedBy',
  'createdAt',
  'detail',
])
const INSERT_HISTORY = `INSERT INTO proxy_assignment_history (${written.names})
  VALUES (${written.keys.map(() => '?').join(', ')})`

/** Appends one audit row. Call it inside the transaction that made the change it records. */
export function recordHistory(ctx: ServiceContext, entry: HistoryEntry): void {
  const params: unknown[] = []
  // Named one by one, not spread: auto-assign writes thousands of these in one transaction.
  written.encodeInto(
    {
      proxyId: entry.proxyId,
      accountId: entry.accountId,
      modelId: entry.modelId,
      action: entry.action,
      reason: entry.reason,
      assignedBy: entry.actor,
      createdAt: ctx.clock.now(),
      detail: entry.detail,
    },
    params,
  )
  stmt(ctx.sqlite, INSERT_HISTORY).run(params)
}

// The DTO is the row plus display names: a column added to the schema must join HistoryDto too.
const storedColumns = columnsExcept(proxyAssignmentHistory, [])
type Labels = Pick<HistoryDto, 'proxyLabel' | 'accountUsername' | 'modelName'>
const dtoMatchesSchema: SameKeys<HistoryDto, RowOf<typeof proxyAssignmentHistory> & Labels> = true
void dtoMatchesSchema

type SelectedHistory = Omit<HistoryDto, 'proxyLabel'> & {
  proxyHost: string | null
  proxyPort: number | null
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
    `SELECT ${storedColumns.select('h')}, p.host AS "proxyHost", p.port AS "proxyPort",
            a.username AS "accountUsername", m.name AS "modelName"
       FROM proxy_assignment_history h
       LEFT JOIN proxies p ON p.id = h.proxy_id
       LEFT JOIN accounts a ON a.id = h.account_id
       LEFT JOIN models m ON m.id = h.model_id
       ${whereSql}
      ORDER BY h.created_at ${dir}, h.id ${dir}
      LIMIT ? OFFSET ?`,
  ).all(...params, input.pageSize, (input.page - 1) * input.pageSize) as SelectedHistory[]
  return {
    items: rows.map(({ proxyHost, proxyPort, ...row }) => ({
      ...row,
      proxyLabel: proxyHost === null ? null : endpointLabel(proxyHost, proxyPort ?? 0),
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
