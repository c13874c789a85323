import { stringify } from 'csv-stringify/sync'
import { formatProxyLine } from './format-line'
import { protocolToScheme } from './scheme'
import type { ExportOptions, LineShape, ParsedProxy } from './types'

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

export function writeProxiesTxt(
  rows: Iterable<ParsedProxy>,
  shape: LineShape,
  options: ExportOptions,
): string {
  let out = ''
  for (const p of rows) out += `${formatProxyLine(p, shape, options)}\n`
  return out
}

/**
 * Tags are joined with `,` in one cell (a tag containing a comma comes back split). Cells with
 * leading or trailing spaces are quoted, since the importer trims bare cells.
 */
export function writeProxiesCsv(rows: Iterable<ParsedProxy>, options: ExportOptions): string {
  const columns = exportColumns(options)
  const records = Array.from(rows, (p) => {
    const values = exportValues(p)
    return columns.map((column) => {
      const value = values[column]
      return Array.isArray(value) ? value.join(',') : value === null ? '' : String(value)
    })
  })
  return stringify(records, { header: true, columns, quoted_match: /^\s|\s$/, eof: true })
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
