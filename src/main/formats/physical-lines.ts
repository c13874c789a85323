export interface PhysicalLine {
  /** 1-based. */
  number: number
  /** Without its line break (LF or CRLF). */
  text: string
}

/** Lines of a string without splitting it into an array first: a 100,000-line file stays one string. */
export function* physicalLines(text: string): Generator<PhysicalLine> {
  let start = 0
  let number = 1
  while (start < text.length) {
    const newline = text.indexOf('\n', start)
    const end = newline < 0 ? text.length : newline
    const last = end > start && text.charCodeAt(end - 1) === 13 /* \r */ ? end - 1 : end
    yield { number, text: text.slice(start, last) }
    if (newline < 0) return
    start = newline + 1
    number++
  }
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/** Physical lines in the text, for a progress total. */
export function countLines(text: string): number {
  if (text.length === 0) return 0
  let count = 1
  for (let i = text.indexOf('\n'); i >= 0 && i < text.length - 1; i = text.indexOf('\n', i + 1)) {
    count++
  }
  return count
}
