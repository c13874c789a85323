import type { ProxyProtocol } from '../../shared/domain'
import type { ImportErrorReason, ProxyScheme } from '../../shared/import-types'

// Shared with the renderer (it shows reasons and offers shapes), so defined in src/shared.
export {
  exportLineShapes,
  importErrorReasons,
  lineShapes,
  proxySchemes,
  type ImportErrorReason,
  type ExportLineShape,
  type LineShape,
  type ProxyScheme,
} from '../../shared/import-types'

/** One proxy read from an import, or one row handed to an export writer. */
export interface ParsedProxy {
  protocol: ProxyProtocol
  /** The socks5h form: the proxy resolves target names. Only ever true for socks5. */
  remoteDns: boolean
  /** IPv4, IPv6 without brackets (canonical, lowercase), or a lowercase DNS name. */
  host: string
  port: number
  /** Never the empty string: no username is null. */
  username: string | null
  /** Never the empty string: no password is null. */
  password: string | null
  rotationUrl: string | null
  location: string | null
  /** ISO 3166-1 alpha-2, upper case. */
  country: string | null
  tags: string[]
  notes: string | null
  provider: string | null
}

/**
 * The outcome for one proxy of the input. `line` is the 1-based physical line for text and CSV
 * (the first line of a multi-line CSV record), and the 1-based array position for JSON.
 * `message` never contains input text; `raw` is the line with anything that may be a password
 * replaced by `***`, truncated.
 */
export type ParsedLine =
  | { line: number; ok: true; proxy: ParsedProxy }
  | { line: number; ok: false; reason: ImportErrorReason; message: string; raw?: string }

export interface ParseOptions {
  /** For lines that name no protocol. `socks5h` means socks5 with remote DNS. */
  defaultProtocol: ProxyScheme
  /** For lines and rows that name no provider. */
  defaultProvider?: string | null
}

export type InputFormat = 'lines' | 'csv' | 'json'

export interface ExportOptions {
  includePasswords: boolean
}

/**
 * What a CSV export says about a proxy beyond what an import reads back (the importer ignores
 * these columns): its state, last check, cost and model, for a spreadsheet.
 */
export interface ProxyReport {
  status: string
  /** `ok`, the last check's error code, or null when never checked. */
  lastResult: string | null
  lastTestedAt: number | null
  exitIp: string | null
  latencyMs: number | null
  /** Per month, in cents: the proxy's override, else its provider's price. */
  monthlyCostCents: number
  model: string | null
}

/** A row for the CSV writer: a proxy, with its report when the export has one. */
export type ReportedProxy = ParsedProxy & { report?: ProxyReport }
