import type { ImportParseLineInput, ImportParseLineResult } from '../../../shared/contracts/import'
import { detectFormat, iterateProxyLines } from '../../formats'

/**
 * `import:parseLine`: the first proxy of a paste, read exactly as an import reads it (one parser
 * for the import and the single-proxy form), or why it could not be read. Stores nothing.
 */
export function parseOneProxy(input: ImportParseLineInput): ImportParseLineResult {
  const lines = iterateProxyLines(
    input.text,
    { defaultProtocol: input.defaultProtocol },
    detectFormat(input.text),
  )
  let first: ImportParseLineResult | null = null
  let more = 0
  for (const parsed of lines) {
    if (first) {
      more++
      continue
    }
    first = parsed.ok
      ? { ok: true, proxy: parsed.proxy, more: 0 }
      : { ok: false, reason: parsed.reason, message: parsed.message }
  }
  if (!first) return { ok: false, reason: 'malformed_line', message: 'no proxy in the text' }
  return first.ok ? { ...first, more } : first
}
