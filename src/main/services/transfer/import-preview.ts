import { randomUUID } from 'node:crypto'
import type { Page } from '../../../shared/contracts/dto'
import type {
  ImportCounts,
  ImportPreview,
  ImportPreviewInput,
  ImportPreviewRowsInput,
  ImportRowFilter,
} from '../../../shared/contracts/import'
import { AppError } from '../../../shared/errors'
import type { ImportErrorReason, ImportPreviewRow } from '../../../shared/import-types'
import type { OperatorContext } from '../service-context'
import {
  countLines,
  detectFormat,
  iterateProxyLines,
  maskPassword,
  proxyKey,
  type ParsedLine,
} from '../../formats'
import { readChosenFile, type FileFilter } from './file-dialogs'
import {
  BATCH_TTL_MS,
  batchStore,
  MAX_BATCH_ROWS,
  RowStatus,
  type ImportBatch,
} from './import-batches'
import { loadProviders, loadStoredKeys, type ProviderLookup } from './import-lookup'
import { progressReporter, TimeSlice } from './progress'

export type ImportContext = OperatorContext

const IMPORT_FILE_FILTERS: FileFilter[] = [
  { name: 'Proxy lists', extensions: ['txt', 'csv', 'json', 'list'] },
  { name: 'All files', extensions: ['*'] },
]

/**
 * Reads the input (pasted/uploaded text, or a file the operator picks in a native dialog), parses
 * it in chunks that yield to the event loop, judges every row against the stored proxies and the
 * earlier lines, and keeps the batch in main for `import:commit`. Stores nothing in the database.
 */
export async function previewImport(
  ctx: ImportContext,
  input: ImportPreviewInput,
): Promise<ImportPreview> {
  const { text, fileName } =
    input.source === 'text'
      ? { text: input.text, fileName: input.fileName ?? null }
      : await readChosenFile(ctx.dialogs, IMPORT_FILE_FILTERS).then((file) => ({
          text: file.text,
          fileName: file.name,
        }))
  const format = input.format === 'auto' ? detectFormat(text) : input.format
  const batch: ImportBatch = {
    id: randomUUID(),
    format,
    fileName,
    expiresAt: ctx.clock.now() + BATCH_TTL_MS,
    state: 'ready',
    lines: [],
    statuses: [],
    refs: [],
    proxies: [],
    providerIds: [],
    errors: new Map(),
    indexes: new Map(),
    conflicts: new Map(),
  }
  const judge = rowJudge(ctx)
  const progress = progressReporter(ctx.events, batch.id)
  const total = format === 'json' ? null : countLines(text)
  const lines = iterateProxyLines(text, { defaultProtocol: input.defaultProtocol }, format)
  let row = 0
  // By the clock, not every N rows: main is never held longer than a slice (progress.ts).
  const slice = new TimeSlice()
  for (const parsed of lines) {
    if (row === MAX_BATCH_ROWS) {
      throw new AppError(
        'VALIDATION',
        `The input holds more than ${MAX_BATCH_ROWS.toLocaleString('en')} proxies; split it into smaller files.`,
      )
    }
    judge(batch, parsed)
    row++
    if ((row & 63) === 0 && slice.due()) {
      progress.report({ phase: 'parsing', done: parsed.line, total, parsed: row, stored: 0 })
      await slice.yield()
    }
  }
  progress.flush({
    phase: 'parsing',
    done: total ?? row,
    total: total ?? row,
    parsed: row,
    stored: 0,
  })
  batchStore(ctx).add(batch)
  return {
    importId: batch.id,
    format,
    fileName,
    ...summarize(batch),
    rows: pageOfRows(batch, 'all', 1, input.pageSize),
    expiresAt: batch.expiresAt,
  }
}

/** Judges one parsed line into the batch: error, unknown provider, repeat, stored, or new. */
function rowJudge(ctx: ImportContext): (batch: ImportBatch, parsed: ParsedLine) => void {
  // Read once per preview: the database is the reference, and the commit checks again.
  const stored = loadStoredKeys(ctx.sqlite)
  const providers: ProviderLookup = loadProviders(ctx.sqlite)
  // Row index of the first line of each key (what DuplicateIndex keeps), the key built once per row.
  const seen = new Map<string, number>()
  return (batch, parsed) => {
    const index = batch.lines.length
    batch.lines.push(parsed.line)
    if (!parsed.ok) {
      batch.statuses.push(RowStatus.error)
      batch.refs.push(0)
      batch.proxies.push(null)
      batch.providerIds.push(0)
      batch.errors.set(index, {
        reason: parsed.reason,
        message: parsed.message,
        raw: parsed.raw ?? null,
      })
      return
    }
    const proxy = parsed.proxy
    batch.proxies.push(proxy)
    const providerId = proxy.provider === null ? 0 : (providers.resolve(proxy.provider) ?? -1)
    if (providerId === -1) {
      batch.statuses.push(RowStatus.error)
      batch.refs.push(0)
      batch.providerIds.push(0)
      batch.errors.set(index, {
        reason: 'unknown_provider',
        message: 'the line names a provider that does not exist; create it first',
        raw: null,
      })
      return
    }
    batch.providerIds.push(providerId)
    const key = proxyKey(proxy)
    const earlier = seen.get(key)
    if (earlier === undefined) {
      seen.set(key, index)
      const storedId = stored.get(key)
      batch.statuses.push(storedId === undefined ? RowStatus.new : RowStatus.duplicateStored)
      batch.refs.push(storedId ?? 0)
      return
    }
    const firstLine = batch.lines[earlier] ?? 0
    batch.refs.push(firstLine)
    // A repeat with the same password is harmless; another password means one of the two lines
    // is wrong, and only the operator knows which: never settle that silently.
    const group = batch.conflicts.get(firstLine)
    if (group) group.last = index
    if (batch.proxies[earlier]?.password === proxy.password) {
      batch.statuses.push(RowStatus.duplicateLine)
      return
    }
    batch.statuses.push(RowStatus.conflict)
    if (!group) batch.conflicts.set(firstLine, { first: earlier, last: index })
  }
}

function summarize(
  batch: ImportBatch,
): Pick<ImportPreview, 'counts' | 'errorsByReason' | 'conflicts'> {
  const counts: ImportCounts = {
    total: batch.lines.length,
    new: 0,
    duplicate: 0,
    error: 0,
    duplicateOfStored: 0,
    duplicateOfLine: 0,
  }
  let conflicts = 0
  for (const status of batch.statuses) {
    if (status === RowStatus.new) counts.new++
    else if (status === RowStatus.duplicateStored) counts.duplicateOfStored++
    else if (status === RowStatus.duplicateLine) counts.duplicateOfLine++
    else if (status === RowStatus.conflict) conflicts++
    else counts.error++
  }
  counts.duplicate = counts.duplicateOfStored + counts.duplicateOfLine
  const errorsByReason: Partial<Record<ImportErrorReason, number>> = {}
  for (const { reason } of batch.errors.values()) {
    errorsByReason[reason] = (errorsByReason[reason] ?? 0) + 1
  }
  return { counts, errorsByReason, conflicts }
}

const filterStatuses: Record<Exclude<ImportRowFilter, 'all'>, readonly RowStatus[]> = {
  new: [RowStatus.new],
  duplicate: [RowStatus.duplicateStored, RowStatus.duplicateLine],
  error: [RowStatus.error],
  conflict: [RowStatus.conflict],
}

function rowIndexes(batch: ImportBatch, filter: ImportRowFilter): number[] | null {
  if (filter === 'all') return null
  let indexes = batch.indexes.get(filter)
  if (!indexes) {
    const wanted = filterStatuses[filter]
    indexes = []
    batch.statuses.forEach((status, index) => {
      if (wanted.includes(status)) indexes?.push(index)
    })
    batch.indexes.set(filter, indexes)
  }
  return indexes
}

function pageOfRows(
  batch: ImportBatch,
  filter: ImportRowFilter,
  page: number,
  pageSize: number,
): Page<ImportPreviewRow> {
  const indexes = rowIndexes(batch, filter)
  const total = indexes ? indexes.length : batch.lines.length
  const start = (page - 1) * pageSize
  const end = Math.min(total, start + pageSize)
  const items: ImportPreviewRow[] = []
  for (let i = start; i < end; i++) items.push(previewRow(batch, indexes ? (indexes[i] ?? 0) : i))
  return { items, total, page, pageSize }
}

function previewRow(batch: ImportBatch, index: number): ImportPreviewRow {
  const line = batch.lines[index] ?? 0
  const ref = batch.refs[index] ?? 0
  const proxy = batch.proxies[index]
  const masked = proxy ? maskPassword(proxy) : null
  const status = batch.statuses[index]
  if (status === RowStatus.error) {
    const error = batch.errors.get(index)
    return {
      line,
      status: 'error',
      reason: error?.reason ?? 'malformed_line',
      message: error?.message ?? 'the line could not be read',
      raw: error?.raw ?? null,
      proxy: masked,
    }
  }
  if (!masked) throw new AppError('INTERNAL', `Import row ${line} lost its proxy.`)
  if (status === RowStatus.new) return { line, status: 'new', proxy: masked }
  if (status === RowStatus.conflict) {
    return { line, status: 'conflict', conflictOf: { line: ref }, proxy: masked }
  }
  return {
    line,
    status: 'duplicate',
    duplicateOf:
      status === RowStatus.duplicateStored
        ? { kind: 'stored', proxyId: ref }
        : { kind: 'line', line: ref },
    proxy: masked,
  }
}

export function previewImportRows(
  ctx: ImportContext,
  input: ImportPreviewRowsInput,
): Page<ImportPreviewRow> {
  const batch = batchStore(ctx).get(input.importId)
  return pageOfRows(batch, input.filter, input.page, input.pageSize)
}

export function discardImport(ctx: ImportContext, importId: string): { discarded: boolean } {
  const store = batchStore(ctx)
  const batch = (() => {
    try {
      return store.get(importId)
    } catch {
      return null
    }
  })()
  if (batch?.state === 'committing') {
    throw new AppError('CONFLICT', 'This import is being stored right now; it cannot be discarded.')
  }
  return { discarded: store.delete(importId) }
}
