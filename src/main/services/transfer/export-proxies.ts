import type { ExportProxiesInput, ExportResult } from '../../../shared/contracts/export'
import {
  writeProxiesCsv,
  writeProxiesJson,
  writeProxiesTxt,
  type ExportOptions,
  type ReportedProxy,
} from '../../formats'
import { filterSelectionSql, passwordAad } from '../proxies'
import { columnSet, type RowOf } from '../../db/columns'
import { proxies } from '../../db/schema'
import { missingIds, notFound, stmt, type OperatorContext } from '../service-context'
import { deliverExport } from './deliver'
import { LINE_COLUMNS } from './line-columns'
import { CHUNK_ROWS, yieldToEventLoop } from './progress'

export type ExportContext = Pick<OperatorContext, 'sqlite' | 'vault' | 'clock' | 'dialogs'>

/** What an export line carries, plus the ciphertext and the id it is sealed to. */
const exported = columnSet(proxies, ['id', ...LINE_COLUMNS, 'passwordEncrypted'])
type ExportRow = Pick<RowOf<typeof proxies>, (typeof exported.keys)[number]> & {
  provider: string
} & Partial<ReportRow>

/** The CSV's report columns, read in the same query (ms epochs and cents as SQLite has them). */
interface ReportRow {
  r_status: string
  r_tested: number | null
  r_error: string | null
  r_exit: string | null
  r_latency: number | null
  r_cost: number
  r_model: string | null
}

/**
 * Writes the chosen proxies (a selection, a filter, or all) in id order as txt in a line shape,
 * CSV or JSON. Passwords are decrypted only when the input asked for them and confirmed it (the
 * contract refuses one without the other), in chunks that yield, so 100,000 rows do not stall main.
 */
export async function exportProxies(
  ctx: ExportContext,
  input: ExportProxiesInput,
): Promise<ExportResult> {
  const report = input.format === 'csv'
  const rows = selectRows(ctx, input.scope, report)
  const includePasswords = input.includePasswords && input.confirmPasswords
  const parsed: ReportedProxy[] = []
  for (let i = 0; i < rows.length; i++) {
    if (i > 0 && i % CHUNK_ROWS === 0) await yieldToEventLoop()
    parsed.push(toParsedProxy(ctx, rows[i] as ExportRow, includePasswords))
  }
  const options: ExportOptions = { includePasswords }
  const content =
    input.format === 'txt'
      ? writeProxiesTxt(parsed, input.lineShape, options)
      : input.format === 'csv'
        ? writeProxiesCsv(parsed, { ...options, report })
        : writeProxiesJson(parsed, options)
  return deliverExport(ctx, input.destination, {
    stem: 'proxies',
    kind: input.format,
    content,
    count: parsed.length,
    secret: includePasswords,
  })
}

const SELECT_EXPORT = `SELECT ${exported.select('p')}, pp.name AS "provider"
  FROM proxies p JOIN proxy_providers pp ON pp.id = p.provider_id`

const SELECT_REPORT = `SELECT ${exported.select('p')}, pp.name AS "provider",
    p.status AS r_status, p.last_tested_at AS r_tested, p.last_error_code AS r_error, p.exit_ip AS r_exit, p.response_time_ms AS r_latency,
    COALESCE(p.monthly_cost_override_cents, pp.monthly_cost_per_proxy_cents) AS r_cost,
    m.name AS r_model
  FROM proxies p JOIN proxy_providers pp ON pp.id = p.provider_id
  LEFT JOIN models m ON m.id = p.assigned_model_id`

function selectRows(
  ctx: ExportContext,
  scope: ExportProxiesInput['scope'],
  report: boolean,
): ExportRow[] {
  const select = report ? SELECT_REPORT : SELECT_EXPORT
  if (scope.kind === 'ids') {
    // A selection names rows the operator saw: if some are gone, say so rather than export less.
    const missing = missingIds(ctx.sqlite, 'proxies', scope.ids)
    if (missing.length) throw notFound('proxy', missing)
    return stmt(
      ctx.sqlite,
      `${select} WHERE p.id IN (SELECT value FROM json_each(?)) ORDER BY p.id`,
    ).all(JSON.stringify(scope.ids)) as ExportRow[]
  }
  const filter =
    scope.kind === 'filter'
      ? filterSelectionSql(ctx, scope.filter, scope.exceptIds)
      : { where: '', params: [] }
  return stmt(ctx.sqlite, `${select} ${filter.where} ORDER BY p.id`).all(
    ...filter.params,
  ) as ExportRow[]
}

function toParsedProxy(ctx: ExportContext, raw: ExportRow, withPassword: boolean): ReportedProxy {
  const row = exported.decode(raw)
  // Named one by one, not spread or rest-destructured: an export may hold 100,000 rows.
  return {
    protocol: row.protocol,
    remoteDns: row.remoteDns,
    host: row.host,
    port: row.port,
    username: row.username,
    password:
      withPassword && row.passwordEncrypted !== null
        ? ctx.vault.decrypt(row.passwordEncrypted, passwordAad(row.id))
        : null,
    rotationUrl: row.rotationUrl,
    location: row.location,
    country: row.country,
    tags: row.tags,
    notes: row.notes,
    provider: row.provider,
    report: raw.r_status === undefined ? undefined : reportOf(raw as ExportRow & ReportRow),
  }
}

function reportOf(raw: ReportRow) {
  // A successful check clears the error code (checks/check-recorder.ts); a failed one sets it.
  const lastResult = raw.r_tested === null ? null : (raw.r_error ?? 'ok')
  return {
    status: raw.r_status,
    lastResult,
    lastTestedAt: raw.r_tested,
    exitIp: raw.r_exit,
    latencyMs: raw.r_latency,
    monthlyCostCents: raw.r_cost,
    model: raw.r_model,
  }
}
