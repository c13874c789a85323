import { parse } from 'csv-parse/sync'
import { columnForName, recordToProxy, type Column, type RecordFields } from './parse-record'
import { physicalLines, type PhysicalLine } from './physical-lines'
import { redactCell } from './redact'
import type { ParsedLine, ParseOptions } from './types'

/**
 * CSV with a header row, read in batches: records are found by a small quote scanner (a quoted
 * cell may span lines), then each batch goes through csv-parse. A 100,000-row file never becomes
 * one array of rows, and a broken record spoils only itself.
 */

export interface CsvHeader {
  delimiter: string
  columns: (Column | null)[]
}

const BATCH_SIZE = 500
/** Longer than any honest multi-line cell (notes); a quote open longer than this was a stray one. */
const MAX_RECORD_LINES = 50
const MAX_RAW_LENGTH = 160

/** The header's columns when the line names at least two known ones (host, port, user, ...). */
export function readCsvHeader(line: string): CsvHeader | null {
  const delimiter = pickDelimiter(line)
  if (!delimiter) return null
  let names: string[]
  try {
    names = parse(line, { delimiter, trim: true, relax_quotes: true })[0] ?? []
  } catch {
    return null
  }
  const columns = names.map(columnForName)
  return columns.filter((column) => column !== null).length >= 2 ? { delimiter, columns } : null
}

function pickDelimiter(line: string): string | null {
  let best: string | null = null
  let bestCount = 0
  for (const delimiter of [',', ';', '\t']) {
    const count = line.split(delimiter).length - 1
    if (count > bestCount) [best, bestCount] = [delimiter, count]
  }
  return best
}

/** A record's physical lines; `broken` when its quote never closed within MAX_RECORD_LINES. */
interface PendingRecord {
  line: number
  lines: PhysicalLine[]
  broken?: true
}

export function* iterateCsvRecords(text: string, options: ParseOptions): Generator<ParsedLine> {
  const source = physicalLines(text)
  let next = source.next()
  while (!next.done && isSkipped(next.value.text)) next = source.next()
  if (next.done) return
  const header = readCsvHeader(next.value.text.trim())
  if (!header?.columns.includes('host') || !header.columns.includes('port')) {
    const message = `the CSV header has no ${header?.columns.includes('host') ? 'port' : 'host'} column`
    return yield { line: next.value.number, ok: false, reason: 'missing_column', message }
  }

  const delimiterCode = header.delimiter.charCodeAt(0)
  // Lines of an abandoned record, read again: a stray quote must not swallow the rest of the file.
  const again: PhysicalLine[] = []
  let batch: PendingRecord[] = []
  let open: PendingRecord | null = null
  for (;;) {
    const physical = again.length > 0 ? again.shift() : source.next().value
    if (!physical) break
    const continuing = open !== null
    if (open) open.lines.push(physical)
    else if (isSkipped(physical.text)) continue
    else open = { line: physical.number, lines: [physical] }

    if (endsInsideQuotes(physical.text, delimiterCode, continuing)) {
      if (open.lines.length <= MAX_RECORD_LINES) continue
      again.unshift(...open.lines.slice(1))
      open = { line: open.line, lines: [], broken: true }
    }
    batch.push(open)
    open = null
    if (batch.length >= BATCH_SIZE) {
      yield* readBatch(batch, header, options)
      batch = []
    }
  }
  // A quote still open at the end of the file: csv-parse rejects that record alone.
  if (open) batch.push(open)
  yield* readBatch(batch, header, options)
}

function isSkipped(line: string): boolean {
  const trimmed = line.trim()
  return trimmed === '' || trimmed.startsWith('#')
}

/**
 * Whether a line ends inside a quoted cell. A quote opens a cell only at the cell's start (after
 * spaces); inside, `""` is an escaped quote. Quotes in the middle of a bare cell are literal, as
 * csv-parse reads them with `relax_quotes`.
 */
function endsInsideQuotes(line: string, delimiterCode: number, startsInside: boolean): boolean {
  let inside = startsInside
  let cellStart = !inside
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i)
    if (inside) {
      if (code !== 34) continue
      if (line.charCodeAt(i + 1) === 34) i++
      else inside = false
    } else if (code === 34 && cellStart) {
      inside = true
      cellStart = false
    } else if (code === delimiterCode) {
      cellStart = true
    } else if (code !== 32 && code !== 9) {
      cellStart = false
    }
  }
  return inside
}

function parseCsv(text: string, delimiter: string): string[][] {
  return parse(text, { delimiter, trim: true, relax_quotes: true, relax_column_count: true })
}

function* readBatch(
  batch: PendingRecord[],
  header: CsvHeader,
  options: ParseOptions,
): Generator<ParsedLine> {
  const whole = batch.filter((record) => !record.broken)
  const texts = whole.map((record) => record.lines.map((l) => l.text).join('\n'))
  const rows = new Map<PendingRecord, string[] | null>()
  try {
    const parsed = parseCsv(texts.join('\n'), header.delimiter)
    if (parsed.length !== whole.length) throw new Error('record count differs from the scan')
    whole.forEach((record, i) => rows.set(record, parsed[i] ?? null))
  } catch {
    // Find the broken record(s) one by one; the rest of the batch still imports.
    whole.forEach((record, i) => rows.set(record, parseOne(texts[i] ?? '', header.delimiter)))
  }
  for (const record of batch) {
    const { line } = record
    const row = rows.get(record)
    if (!row) {
      const message = record.broken
        ? `a quoted cell opened here does not close within ${MAX_RECORD_LINES} lines`
        : 'the CSV record is not valid CSV'
      yield { line, ok: false, reason: 'malformed_line', message }
      continue
    }
    const result = recordToProxy(rowFields(row, header.columns), options)
    if (result.ok) yield { line, ok: true, proxy: result.value }
    else
      yield {
        line,
        ok: false,
        reason: result.reason,
        message: result.message,
        raw: redactRow(row, header),
      }
  }
}

function parseOne(text: string, delimiter: string): string[] | null {
  try {
    return parseCsv(text, delimiter)[0] ?? null
  } catch {
    return null
  }
}

function rowFields(row: string[], columns: (Column | null)[]): RecordFields {
  const fields: RecordFields = {}
  columns.forEach((column, index) => {
    // The first of two columns with one meaning wins (an `ip` and a `host` column, say).
    if (column && index < row.length && !(column in fields)) fields[column] = row[index]
  })
  return fields
}

function redactRow(row: string[], header: CsvHeader): string {
  const cells = row.map((cell, index) =>
    header.columns[index] === 'password' ? '***' : redactCell(cell),
  )
  const raw = cells.join(header.delimiter)
  return raw.length > MAX_RAW_LENGTH ? `${raw.slice(0, MAX_RAW_LENGTH)}…` : raw
}
