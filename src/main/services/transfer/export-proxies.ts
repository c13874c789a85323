import type { ExportProxiesInput, ExportResult } from '../../../shared/contracts/export'
import {
  writeProxiesCsv,
  writeProxiesJson,
  writeProxiesTxt,
  type ExportOptions,
  type ParsedProxy,
} from '../../formats'
import { passwordAad, proxyFilterSql } from '../proxies'
import { missingIds, notFound, stmt, type OperatorContext } from '../service-context'
import { deliverExport } from './deliver'
import { CHUNK_ROWS, yieldToEventLoop } from './progress'

export type ExportContext = Pick<OperatorContext, 'sqlite' | 'vault' | 'clock' | 'dialogs'>

interface ExportRow {
  id: number
  protocol: ParsedProxy['protocol']
  remote_dns: number
  host: string
  port: number
  username: string | null
  password_encrypted: string | null
  rotation_url: string | null
  location: string | null
  country: string | null
  tags: string
  notes: string | null
  provider: string
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
  const rows = selectRows(ctx, input.scope)
  const includePasswords = input.includePasswords && input.confirmPasswords
  const proxies: ParsedProxy[] = []
  for (let i = 0; i < rows.length; i++) {
    if (i > 0 && i % CHUNK_ROWS === 0) await yieldToEventLoop()
    proxies.push(toParsedProxy(ctx, rows[i] as ExportRow, includePasswords))
  }
  const options: ExportOptions = { includePasswords }
  const content =
    input.format === 'txt'
      ? writeProxiesTxt(proxies, input.lineShape, options)
      : input.format === 'csv'
        ? writeProxiesCsv(proxies, options)
        : writeProxiesJson(proxies, options)
  return deliverExport(ctx, input.destination, {
    stem: 'proxies',
    kind: input.format,
    content,
    count: proxies.length,
    secret: includePasswords,
  })
}

const SELECT_EXPORT = `SELECT p.id, p.protocol, p.remote_dns, p.host, p.port, p.username,
  p.password_encrypted, p.rotation_url, p.location, p.country, p.tags, p.notes,
  pp.name AS provider
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
  const filter = scope.kind === 'filter' ? proxyFilterSql(scope.filter) : { where: '', params: [] }
  return stmt(ctx.sqlite, `${SELECT_EXPORT} ${filter.where} ORDER BY p.id`).all(
    ...filter.params,
  ) as ExportRow[]
}

function toParsedProxy(ctx: ExportContext, row: ExportRow, withPassword: boolean): ParsedProxy {
  return {
    protocol: row.protocol,
    remoteDns: row.remote_dns === 1,
    host: row.host,
    port: row.port,
    username: row.username,
    password:
      withPassword && row.password_encrypted !== null
        ? ctx.vault.decrypt(row.password_encrypted, passwordAad(row.id))
        : null,
    rotationUrl: row.rotation_url,
    location: row.location,
    country: row.country,
    tags: JSON.parse(row.tags) as string[],
    notes: row.notes,
    provider: row.provider,
  }
}
