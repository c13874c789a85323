import type { ProxyProtocol } from './domain'

/*
 * The import/export vocabulary both sides of the boundary use: the reasons a line is refused, the
 * txt line shapes, and the masked proxy a preview shows. `src/main/formats/types.ts` re-exports these,
 * so the parsers and the renderer cannot drift apart.
 */

/**
 * A protocol as written in a URL scheme or chosen as the import default. `socks5h` is not a stored
 * protocol: it is socks5 with remote DNS.
 */
export type ProxyScheme = ProxyProtocol | 'socks5h'

export const proxySchemes = [
  'http',
  'https',
  'socks4',
  'socks5',
  'socks5h',
] as const satisfies readonly ProxyScheme[]

export const importErrorReasons = [
  'missing_port',
  'port_out_of_range',
  'invalid_port',
  'invalid_host',
  'unsupported_scheme',
  'missing_password',
  'malformed_line',
  'invalid_rotation_url',
  'missing_column',
  'invalid_field',
  'invalid_country',
  'invalid_json',
  'not_an_object',
  // Set by the import service, not the parsers: the line names a provider that does not exist.
  'unknown_provider',
] as const

export type ImportErrorReason = (typeof importErrorReasons)[number]

/** Which line of a conflicting key the commit stores. */
export const conflictChoices = ['first', 'last'] as const
export type ConflictChoice = (typeof conflictChoices)[number]

/** The three txt line shapes an export can write (and the import reads, among others). */
export const lineShapes = [
  'host:port:user:pass',
  'user:pass@host:port',
  'protocol://user:pass@host:port',
] as const

export type LineShape = (typeof lineShapes)[number]

/**
 * What a text export may ask for: a shape, or `auto` (the default), which keeps each proxy's
 * protocol: the colon shape for plain http, the URL shape for anything else.
 */
export const exportLineShapes = ['auto', ...lineShapes] as const
export type ExportLineShape = (typeof exportLineShapes)[number]

export const importFormats = ['lines', 'csv', 'json'] as const
export type ImportFormat = (typeof importFormats)[number]

/**
 * A proxy as an import preview shows it: no password, only whether there is one. The mask has a
 * fixed length, so it does not tell the password's length either.
 */
export interface PreviewProxy {
  protocol: ProxyProtocol
  remoteDns: boolean
  host: string
  port: number
  username: string | null
  hasPassword: boolean
  passwordMask: string | null
  rotationUrl: string | null
  location: string | null
  country: string | null
  tags: string[]
  /** The provider the line names, if any; lines naming none go to the commit's provider. */
  provider: string | null
  notes: string | null
}

/** What a line already exists as: a stored proxy, or an earlier line of the same input. */
export type DuplicateOf = { kind: 'stored'; proxyId: number } | { kind: 'line'; line: number }

/**
 * One proxy of the input, as the preview judged it. `line` is the 1-based physical line (text,
 * CSV) or array position (JSON). Error messages never quote the input; `raw` is the line with its
 * password masked, truncated, when the parser could show it.
 */
export type ImportPreviewRow =
  | { line: number; status: 'new'; proxy: PreviewProxy }
  | { line: number; status: 'duplicate'; duplicateOf: DuplicateOf; proxy: PreviewProxy }
  /**
   * Same key as an earlier line (`conflictOf.line`, the first line of that key) but another
   * password: the commit keeps the first or the last line of the key, as the operator chooses.
   */
  | { line: number; status: 'conflict'; conflictOf: { line: number }; proxy: PreviewProxy }
  | {
      line: number
      status: 'error'
      reason: ImportErrorReason
      message: string
      raw: string | null
      /** Present when the line parsed but cannot be stored (e.g. `unknown_provider`). */
      proxy: PreviewProxy | null
    }

/**
 * Pushed on `import:progress`, throttled. `done` counts within the phase; `total` is what the
 * phase expects (null while unknown: a JSON array's length before it is read).
 * - parsing: records read (`parsed`) out of the input's physical lines (text, CSV);
 * - encrypting: passwords sealed before the write (outside the transaction);
 * - storing: rows written inside the one transaction (`stored`).
 */
export interface ImportProgress {
  importId: string
  phase: 'parsing' | 'encrypting' | 'storing'
  done: number
  total: number | null
  parsed: number
  stored: number
}
