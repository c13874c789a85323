import { iterateCsvRecords, readCsvHeader } from './parse-csv'
import { iterateJsonRecords } from './parse-json'
import { parseLine } from './parse-line'
import { physicalLines, stripBom } from './physical-lines'
import type { InputFormat, ParsedLine, ParseOptions } from './types'

/**
 * JSON when the text starts with `[`; CSV when the first line that is not blank or a `#` comment
 * is a header naming known columns (host/ip, port, user, ...); a proxy per line otherwise.
 */
export function detectFormat(text: string): InputFormat {
  for (const { text: line } of physicalLines(stripBom(text))) {
    const trimmed = line.trim()
    if (trimmed === '' || trimmed.startsWith('#')) continue
    // `[2001:db8::1]:8080` starts with a bracket too, but an IPv6 address is not JSON.
    if (trimmed.startsWith('[') && !/^\[[0-9a-fA-F.]*:[0-9a-fA-F:.]*\]/.test(trimmed)) return 'json'
    return readCsvHeader(trimmed) ? 'csv' : 'lines'
  }
  return 'lines'
}

/**
 * Every proxy of the input, lazily, in input order: the caller can report progress, claim
 * duplicates and write in chunks without holding a result per line. Blank and comment lines
 * yield nothing.
 */
export function* iterateProxyLines(
  text: string,
  options: ParseOptions,
  format: InputFormat = detectFormat(text),
): Generator<ParsedLine> {
  const body = stripBom(text)
  if (format === 'json') return yield* iterateJsonRecords(body, options)
  if (format === 'csv') return yield* iterateCsvRecords(body, options)
  // Lines inline rather than through physicalLines: one object and one generator step fewer per line.
  let start = 0
  for (let number = 1; start < body.length; number++) {
    const newline = body.indexOf('\n', start)
    const end = newline < 0 ? body.length : newline
    const parsed = parseLine(body.slice(start, end), number, options)
    if (parsed) yield parsed
    start = end + 1
  }
}

export interface ParseResult {
  format: InputFormat
  lines: ParsedLine[]
}

export function parseText(text: string, options: ParseOptions): ParseResult {
  const format = detectFormat(text)
  return { format, lines: [...iterateProxyLines(text, options, format)] }
}
