import type { ExportProxiesInput, ExportResult } from '../../../shared/contracts/export'
import {
  writeProxiesCsv,
  writeProxiesJson,
  writeProxiesTxt,
  type ExportOptions,
  type ParsedProxy,
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
type ExportRow = Pick<RowOf<typeof proxies>, (typeof exported.keys)[number]> & { provider: string }

/**
 * Writes the chosen proxies (a selection, a filter, or all) in id order as txt in a line shape,
 * CSV or JSON. Passwords are decrypted only when the input asked for them and confirmed it (the
 * contract refuses one without the other), in chunks that yield, so 100,000 rows do not stall main.
 */
export async function exportProxies(
  ctx: ExportContext,
  input: ExportProxiesInput,
): Promise<ExportResult> {
  const rows = selectRows(ctx, input.scope)
  const includePasswords = input.includePasswords && input.confirmPasswords
  const parsed: ParsedProxy[] = []
  for (let i = 0; i < rows.length; i++) {
    if (i > 0 && i % CHUNK_ROWS === 0) await yieldToEventLoop()
    parsed.push(toParsedProxy(ctx, rows[i] as ExportRow, includePasswords))
  }
  const options: ExportOptions = { includePasswords }
  const content =
    input.format === 'txt'
      ? writeProxiesTxt(parsed, input.lineShape, options)
      : input.format === 'csv'
        ? writeProxiesCsv(parsed, options)
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

function selectRows(ctx: ExportContext, scope: ExportProxiesInput['scope']): ExportRow[] {
  if (scope.kind === 'ids') {
    // A selection names rows the operator saw: if some are gone, say so rather than export less.
    const missing = missingIds(ctx.sqlite, 'proxies', scope.ids)
    if (missing.length) throw notFound('proxy', missing)
    return stmt(
      ctx.sqlite,
      `${SELECT_EXPORT} WHERE p.id IN (SELECT value FROM json_each(?)) ORDER BY p.id`,
    ).all(JSON.stringify(scope.ids)) as ExportRow[]
  }
  const filter =
    scope.kind === 'filter'
      ? filterSelectionSql(ctx, scope.filter, scope.exceptIds)
      : { where: '', params: [] }
  return stmt(ctx.sqlite, `${SELECT_EXPORT} ${filter.where} ORDER BY p.id`).all(
    ...filter.params,
  ) as ExportRow[]
}

function toParsedProxy(ctx: ExportContext, raw: ExportRow, withPassword: boolean): ParsedProxy {
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
  }
}
