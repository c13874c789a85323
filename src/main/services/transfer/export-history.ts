import type { ExportHistoryInput, ExportResult } from '../../../shared/contracts/export'
import type { HistoryAction, HistoryActor, HistoryReason } from '../../../shared/domain'
import { writeHistoryCsv, type HistoryExportRow } from '../../formats'
import { historyFilterSql } from '../history'
import { endpointLabel, stmt } from '../service-context'
import { deliverExport } from './deliver'
import type { ExportContext } from './export-proxies'

interface HistoryRow {
  proxy_id: number
  account_id: number
  model_id: number
  action: HistoryAction
  reason: HistoryReason
  assigned_by: HistoryActor
  created_at: number
  host: string | null
  port: number | null
  username: string | null
  model_name: string | null
}

/**
 * The audit trail as CSV, oldest first, with the same filters as `history:list`. Rows name what
 * they involve by its current label; history outlives what it names, so a deleted proxy, account
 * or model is written as `#<id> (deleted)` rather than left blank.
 */
export async function exportHistory(
  ctx: ExportContext,
  input: ExportHistoryInput,
): Promise<ExportResult> {
  const { where, params } = historyFilterSql(input)
  const rows = stmt(
    ctx.sqlite,
    `SELECT h.proxy_id, h.account_id, h.model_id, h.action, h.reason, h.assigned_by,
            h.created_at, p.host, p.port, a.username, m.name AS model_name
       FROM proxy_assignment_history h
       LEFT JOIN proxies p ON p.id = h.proxy_id
       LEFT JOIN accounts a ON a.id = h.account_id
       LEFT JOIN models m ON m.id = h.model_id
       ${where}
      ORDER BY h.created_at, h.id`,
  ).all(...params) as HistoryRow[]
  const content = writeHistoryCsv(rows.map(toExportRow))
  return deliverExport(ctx, input.destination, {
    stem: 'history',
    kind: 'csv',
    content,
    count: rows.length,
    secret: false,
  })
}

function toExportRow(row: HistoryRow): HistoryExportRow {
  const deleted = (id: number) => `#${id} (deleted)`
  return {
    createdAt: row.created_at,
    action: row.action,
    reason: row.reason,
    assignedBy: row.assigned_by,
    proxy:
      row.host === null || row.port === null
        ? deleted(row.proxy_id)
        : endpointLabel(row.host, row.port),
    account: row.username ?? deleted(row.account_id),
    model: row.model_name ?? deleted(row.model_id),
  }
}
