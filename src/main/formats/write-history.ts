import { stringify } from 'csv-stringify/sync'
import type { HistoryAction, HistoryActor, HistoryReason } from '../../shared/domain'

/** One audit-trail row, already joined to readable names (null when the row was deleted). */
export interface HistoryExportRow {
  /** A Date or epoch milliseconds; written as ISO 8601 UTC. */
  createdAt: Date | number
  action: HistoryAction
  reason: HistoryReason
  assignedBy: HistoryActor
  proxy: string | null
  account: string | null
  model: string | null
}

const historyColumns = [
  'created_at',
  'action',
  'reason',
  'assigned_by',
  'proxy',
  'account',
  'model',
]

/**
 * The audit trail as CSV. It is only ever opened in spreadsheets, never imported, so text cells
 * that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) get a `'` prefix.
 */
export function writeHistoryCsv(rows: Iterable<HistoryExportRow>): string {
  const records = Array.from(rows, (row) => [
    new Date(row.createdAt).toISOString(),
    row.action,
    row.reason,
    row.assignedBy,
    neutralizeFormula(row.proxy),
    neutralizeFormula(row.account),
    neutralizeFormula(row.model),
  ])
  return stringify(records, { header: true, columns: historyColumns, eof: true })
}

function neutralizeFormula(value: string | null): string {
  if (value === null) return ''
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}
