import type { ParsedLine, ParsedProxy } from './types'

type KeyFields = Pick<ParsedProxy, 'protocol' | 'host' | 'port' | 'username'>

/**
 * The unique key of a stored proxy: protocol, host, port, username (no username is ''). Remote
 * DNS is not part of it: socks5 and socks5h to one endpoint are one proxy. The username comes
 * last, so a `|` inside it cannot make two keys collide.
 */
export function proxyKey(p: KeyFields): string {
  return `${p.protocol}|${p.host}|${p.port}|${p.username ?? ''}`
}

/**
 * Remembers the first line of each key, for streaming imports: `claim` answers the line that
 * already holds the key, or null when this line is the first.
 */
export class DuplicateIndex {
  private readonly firstLine = new Map<string, number>()

  claim(p: KeyFields, line: number): number | null {
    const key = proxyKey(p)
    const earlier = this.firstLine.get(key)
    if (earlier !== undefined) return earlier
    this.firstLine.set(key, line)
    return null
  }

  get size(): number {
    return this.firstLine.size
  }
}

/** For each parsed line that repeats an earlier one: its line number → the earlier line number. */
export function findDuplicatesWithin(lines: Iterable<ParsedLine>): Map<number, number> {
  const index = new DuplicateIndex()
  const duplicates = new Map<number, number>()
  for (const parsed of lines) {
    if (!parsed.ok) continue
    const earlier = index.claim(parsed.proxy, parsed.line)
    if (earlier !== null) duplicates.set(parsed.line, earlier)
  }
  return duplicates
}
