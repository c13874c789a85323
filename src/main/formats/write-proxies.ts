import { stringify } from 'csv-stringify/sync'
import { formatProxyLine } from './format-line'
import { protocolToScheme } from './scheme'
import type {
  ExportOptions,
  ExportLineShape,
  ParsedProxy,
  ProxyReport,
  ReportedProxy,
} from './types'

/**
 * Export files. CSV and JSON use the importer's column names, and the protocol column carries
 * remote DNS as `socks5h`, so both read back to the same proxies. Without passwords the password
 * column is left out altogether.
 */

const proxyColumns = [
  'protocol',
  'host',
  'port',
  'username',
  'password',
  'rotation_url',
  'location',
  'country',
  'tags',
  'notes',
  'provider',
] as const

type ProxyColumn = (typeof proxyColumns)[number]

function exportColumns(options: ExportOptions): ProxyColumn[] {
  return proxyColumns.filter((column) => options.includePasswords || column !== 'password')
}

/**
 * `auto` keeps every proxy's protocol: plain http (no remote DNS) in the colon shape, everything
 * else as a URL, so a mixed list reads back the same whatever the import's default protocol.
 */
export function writeProxiesTxt(
  rows: Iterable<ParsedProxy>,
  shape: ExportLineShape,
  options: ExportOptions,
): string {
  let out = ''
  for (const p of rows) {
    const lineShape =
      shape !== 'auto'
        ? shape
        : protocolToScheme(p) === 'http'
          ? 'host:port:user:pass'
          : 'protocol://user:pass@host:port'
    out += `${formatProxyLine(p, lineShape, options)}\n`
  }
  return out
}

/** Report columns, after the importer's: a re-import ignores them. */
const reportColumns = [
  'status',
  'last_result',
  'last_tested_at',
  'exit_ip',
  'latency_ms',
  'monthly_cost',
  'model',
] as const

function reportValues(r: ProxyReport): string[] {
  const cost = `${Math.floor(r.monthlyCostCents / 100)}.${String(r.monthlyCostCents % 100).padStart(2, '0')}`
  return [
    r.status,
    r.lastResult ?? '',
    r.lastTestedAt === null ? '' : new Date(r.lastTestedAt).toISOString(),
    r.exitIp ?? '',
    r.latencyMs === null ? '' : String(r.latencyMs),
    cost,
    // A model name is the operator's free text, not read back: never let a spreadsheet run it.
    r.model !== null && /^[=+\-@]/.test(r.model) ? `'${r.model}` : (r.model ?? ''),
  ]
}

/**
 * Tags are joined with `,` in one cell (a tag containing a comma comes back split). Cells with
 * leading or trailing spaces are quoted, since the importer trims bare cells.
 */
export function writeProxiesCsv(
  rows: Iterable<ReportedProxy>,
  options: ExportOptions & { report?: boolean },
): string {
  const columns = exportColumns(options)
  const records = Array.from(rows, (p) => {
    const values = exportValues(p)
    const cells = columns.map((column) => {
      const value = values[column]
      return Array.isArray(value) ? value.join(',') : value === null ? '' : String(value)
    })
    if (options.report)
      cells.push(...(p.report ? reportValues(p.report) : reportColumns.map(() => '')))
    return cells
  })
  const header = options.report ? [...columns, ...reportColumns] : columns
  return stringify(records, { header: true, columns: header, quoted_match: /^\s|\s$/, eof: true })
}

export function writeProxiesJson(rows: Iterable<ParsedProxy>, options: ExportOptions): string {
  const columns = exportColumns(options)
  const items = Array.from(rows, (p) => {
    const values = exportValues(p)
    return Object.fromEntries(columns.map((column) => [column, values[column]]))
  })
  return `${JSON.stringify(items, null, 2)}\n`
}

function exportValues(p: ParsedProxy): Record<ProxyColumn, string | number | string[] | null> {
  return {
    protocol: protocolToScheme(p),
    host: p.host,
    port: p.port,
    username: p.username,
    password: p.password,
    rotation_url: p.rotationUrl,
    location: p.location,
    country: p.country,
    tags: p.tags,
    notes: p.notes,
    provider: p.provider,
  }
}
