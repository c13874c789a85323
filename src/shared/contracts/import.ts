import { z } from 'zod'
import { defineContract } from '../contract'
import {
  conflictChoices,
  proxySchemes,
  type ProxyScheme,
  type ImportErrorReason,
  type ImportFormat,
  type ImportPreviewRow,
} from '../import-types'
import type { ProxyProtocol } from '../domain'
import { id } from './common'
import type { Page } from './dto'
import { paging, text } from './fields'

/*
 * Import in two steps. `import:preview` parses the input in main and keeps the parsed batch there
 * under an `importId` (passwords never leave main); it answers a summary and the first page of rows.
 * `import:previewRows` pages through the batch; `import:commit` writes it in one transaction;
 * `import:discard` drops it. A batch expires on its own (see `expiresAt`).
 *
 * A large input reaches main in pieces first: `import:upload` appends a piece of at most
 * MAX_UPLOAD_CHUNK_CHARS to an upload main keeps, and `import:preview({ source: 'upload' })`
 * previews the joined text. One 5 MB message would be built, copied and parsed in a single task on
 * both sides; pieces let the renderer paint between them and show how far it got.
 */

/** Largest pasted or uploaded text: 100,000 lines are about 5 MB. */
export const MAX_IMPORT_TEXT_CHARS = 64 * 1024 * 1024

/** Largest piece of an upload (characters): five pieces for 100,000 lines. */
export const MAX_UPLOAD_CHUNK_CHARS = 1024 * 1024

/** An upload not added to for this long is dropped (the renderer still holds the text). */
export const UPLOAD_TTL_MS = 10 * 60_000

const previewOptions = {
  /** How to read the input; `auto` looks at its start (JSON array, CSV header, else lines). */
  format: z.enum(['auto', 'lines', 'csv', 'json']).default('auto'),
  /** For lines that name no protocol. `socks5h` is socks5 with remote DNS. */
  defaultProtocol: z.enum(proxySchemes).default('http'),
  /** Rows in the first page of the answer. */
  pageSize: paging.pageSize,
}

const uploadId = z.uuid({ error: 'Not an upload id' })

/** The uploaded file's name, shown back in the summary. */
const fileName = text().trim().max(255).optional()

export const importPreviewInput = z.discriminatedUnion('source', [
  /** Pasted text, or a file the bridge's renderer read and uploaded. */
  z.strictObject({
    source: z.literal('text'),
    text: text()
      .min(1, { error: 'Paste or upload at least one line' })
      .max(MAX_IMPORT_TEXT_CHARS, { error: 'The input is larger than 64 MB' }),
    fileName,
    ...previewOptions,
  }),
  /** Text sent before in pieces (`import:upload`); the preview uses the upload up. */
  z.strictObject({ source: z.literal('upload'), uploadId, fileName, ...previewOptions }),
  /** Desktop only: main asks the operator for a file with a native open dialog. */
  z.strictObject({ source: z.literal('dialog'), ...previewOptions }),
])

const importId = z.uuid({ error: 'Not an import id' })

export const importUploadInput = z.strictObject({
  /** Omitted for the first piece: main starts an upload and answers its id. */
  uploadId: uploadId.optional(),
  /**
   * Characters main holds before this piece (0 for the first): a piece sent twice, skipped or out
   * of order is refused instead of joined wrongly.
   */
  offset: z
    .int({ error: 'The offset is a whole number of characters' })
    .min(0, { error: 'The offset cannot be negative' })
    .max(MAX_IMPORT_TEXT_CHARS, { error: 'The input is larger than 64 MB' }),
  /** Cut between code points: a piece must be well-formed text on its own. */
  chunk: text()
    .min(1, { error: 'A piece of an upload cannot be empty' })
    .max(MAX_UPLOAD_CHUNK_CHARS, {
      error: `A piece of an upload is at most ${MAX_UPLOAD_CHUNK_CHARS.toLocaleString('en')} characters`,
    }),
})

export interface ImportUpload {
  uploadId: string
  /** Characters held so far: the next piece's offset. */
  receivedChars: number
  /** Epoch ms after which the upload is gone unless another piece arrives. */
  expiresAt: number
}

export const importRowFilters = ['all', 'new', 'duplicate', 'error', 'conflict'] as const
export type ImportRowFilter = (typeof importRowFilters)[number]

export const importPreviewRowsInput = z.strictObject({
  importId,
  filter: z.enum(importRowFilters).default('all'),
  ...paging,
})

export const importCommitInput = z.strictObject({
  importId,
  /** For rows that name no provider; required when any row to store names none. */
  providerId: id.optional(),
  /**
   * A row whose key (protocol, host, port, username) is already stored: `skip` leaves the stored
   * proxy alone; `update` writes the row's password, remote DNS and every field the row fills in
   * (empty fields keep the stored value; the provider changes only when the row names one).
   * A repeat of an earlier line with the same password is always skipped.
   */
  duplicates: z.enum(['skip', 'update']).default('skip'),
  /**
   * Lines repeating an earlier line's key with another password (preview status `conflict`):
   * `first` stores the first line of the key, `last` the last line of the key (all its fields).
   * Applies to every conflict `conflictChoices` does not name; `first` when absent.
   */
  conflicts: z.enum(conflictChoices).optional(),
  /** Per conflicting key, by the first line of the key (a conflict row's `conflictOf.line`). */
  conflictChoices: z
    .array(
      z.strictObject({
        line: z.int({ error: 'A line number' }).min(1, { error: 'Lines start at 1' }),
        keep: z.enum(conflictChoices),
      }),
    )
    .max(250_000, { error: 'More choices than an import holds rows' })
    .optional(),
  /**
   * Before writing, check each new row for real (its own protocol first, then http, socks5,
   * socks4) and store the protocol that works; a row nothing works for is stored as it reads.
   * Rows already stored are left alone. At most MAX_DETECT_ROWS new rows.
   */
  detectProtocol: z.boolean().optional(),
})

/** New rows an import with `detectProtocol` may check (a few real checks each). */
export const MAX_DETECT_ROWS = 1_000

/** A row whose protocol detection changed before it was stored (schemes: socks5h = remote DNS). */
export interface ImportProtocolChange {
  line: number
  from: ProxyScheme
  to: ProxyScheme
}

export const importDiscardInput = z.strictObject({ importId })

/**
 * One pasted proxy for the single-proxy form, read by the import's parser (any shape an import
 * takes: a line, a CSV header and row, a JSON object or array). The answer carries the password
 * back: it is the operator's own paste, going into the form it came from.
 */
export const importParseLineInput = z.strictObject({
  text: text()
    .min(1, { error: 'Paste a proxy line' })
    .max(16_384, { error: 'Paste one proxy, not a list' }),
  defaultProtocol: z.enum(proxySchemes).default('http'),
})

export interface ParsedProxyFields {
  protocol: ProxyProtocol
  remoteDns: boolean
  host: string
  port: number
  username: string | null
  password: string | null
  rotationUrl: string | null
  location: string | null
  country: string | null
  tags: string[]
  notes: string | null
  provider: string | null
}

export type ImportParseLineResult =
  | { ok: true; proxy: ParsedProxyFields; /** Proxies after the first, ignored. */ more: number }
  | { ok: false; reason: ImportErrorReason; message: string }

export interface ImportCounts {
  /** Proxies read from the input (blank and comment lines are not proxies). */
  total: number
  new: number
  /** Rows whose key is stored already or appears on an earlier line. */
  duplicate: number
  error: number
  duplicateOfStored: number
  duplicateOfLine: number
}

export interface ImportPreview {
  importId: string
  format: ImportFormat
  /** The file's base name (dialog or upload); null for pasted text. */
  fileName: string | null
  counts: ImportCounts
  errorsByReason: Partial<Record<ImportErrorReason, number>>
  /** Rows with status `conflict` (not counted in `counts.duplicate`). */
  conflicts: number
  /** The first page of all rows, in input order. */
  rows: Page<ImportPreviewRow>
  /** Epoch ms after which the batch is gone and must be previewed again. */
  expiresAt: number
}

export interface ImportCommitResult {
  importId: string
  inserted: number
  updated: number
  /** Stored already, with `duplicates: 'skip'`. */
  skippedStored: number
  /** Repeats of an earlier line. */
  skippedLines: number
  /** Lines that could not be read or name an unknown provider. */
  errors: number
  /** Present when the input had conflicting keys: how many kept their first or last line. */
  conflicts?: { keptFirst: number; keptLast: number }
  /** With `detectProtocol`: what it did. */
  detection?: {
    /** New rows checked. */
    checked: number
    changed: ImportProtocolChange[]
    /** Lines no protocol worked for, stored as they read. */
    noneWorked: number[]
  }
}

export const importContracts = {
  'import:upload': defineContract<ImportUpload>()('import:upload', importUploadInput),
  'import:preview': defineContract<ImportPreview>()('import:preview', importPreviewInput),
  'import:previewRows': defineContract<Page<ImportPreviewRow>>()(
    'import:previewRows',
    importPreviewRowsInput,
  ),
  'import:commit': defineContract<ImportCommitResult>()('import:commit', importCommitInput),
  'import:discard': defineContract<{ discarded: boolean }>()('import:discard', importDiscardInput),
  'import:parseLine': defineContract<ImportParseLineResult>()(
    'import:parseLine',
    importParseLineInput,
  ),
}

export type ImportPreviewRequest = z.output<typeof importPreviewInput>
/** What `previewImport` reads: the handler joins an upload into text first. */
export type ImportPreviewInput = Exclude<ImportPreviewRequest, { source: 'upload' }>
export type ImportUploadInput = z.output<typeof importUploadInput>
export type ImportPreviewRowsInput = z.output<typeof importPreviewRowsInput>
export type ImportCommitInput = z.output<typeof importCommitInput>
export type ImportParseLineInput = z.output<typeof importParseLineInput>
