import { parseLine } from './parse-line'
import { columnForName, recordToProxy, type RecordFields } from './parse-record'
import type { ParsedLine, ParseOptions } from './types'

/**
 * A JSON array of objects with the CSV column names (`rotation_url` or `rotationUrl` alike). A
 * string item is read as a text line, since provider APIs often return `["host:port:user:pass"]`.
 * `line` is the item's 1-based position in the array.
 */
export function* iterateJsonRecords(text: string, options: ParseOptions): Generator<ParsedLine> {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    const line = errorLine(error, text)
    return yield { line, ok: false, reason: 'invalid_json', message: 'the file is not valid JSON' }
  }
  if (!Array.isArray(data)) {
    return yield {
      line: 1,
      ok: false,
      reason: 'invalid_json',
      message: 'expected an array of proxies',
    }
  }
  for (let index = 0; index < data.length; index++) {
    const item: unknown = data[index]
    const line = index + 1
    if (typeof item === 'string') {
      const parsed = parseLine(item, line, options)
      if (parsed) yield parsed
      continue
    }
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      yield { line, ok: false, reason: 'not_an_object', message: 'the item is not an object' }
      continue
    }
    const fields: RecordFields = {}
    for (const [key, value] of Object.entries(item)) {
      const column = columnForName(key)
      if (column && !(column in fields)) fields[column] = value
    }
    const result = recordToProxy(fields, options)
    yield result.ok ? { line, ok: true, proxy: result.value } : { line, ...result }
  }
}

/** The physical line of a syntax error when V8 names a position; line 1 otherwise. */
function errorLine(error: unknown, text: string): number {
  const position = /position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1]
  if (position === undefined) return 1
  let line = 1
  const end = Math.min(Number(position), text.length)
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) line++
  return line
}
