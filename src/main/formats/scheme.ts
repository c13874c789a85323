import type { ProxyProtocol } from '../../shared/domain'
import type { ProxyScheme } from './types'

/**
 * The length of a `scheme` in `scheme://...` starting at `from`, or -1. Checked by hand (a
 * letter, then letters, digits, `+ - .`, at most 16 characters), so a colon-form password holding
 * `://` is never taken for one, and the check costs the same on any line length.
 */
export function schemeLength(text: string, from = 0): number {
  const limit = Math.min(text.length, from + 17)
  for (let i = from; i < limit; i++) {
    const code = text.charCodeAt(i)
    const lower = code | 0x20
    if (lower >= 97 && lower <= 122) continue
    if (i > from && ((code >= 48 && code <= 57) || code === 43 || code === 45 || code === 46)) {
      continue
    }
    return i > from && code === 58 /* : */ && text.startsWith('//', i + 1) ? i - from : -1
  }
  return -1
}

/** `socks5h` and friends, case-insensitively; null for anything ProxyDeck cannot dial. */
export function toProxyScheme(text: string): ProxyScheme | null {
  const name = text.toLowerCase()
  return name === 'http' ||
    name === 'https' ||
    name === 'socks4' ||
    name === 'socks5' ||
    name === 'socks5h'
    ? name
    : null
}

export function schemeToProtocol(scheme: ProxyScheme): {
  protocol: ProxyProtocol
  remoteDns: boolean
} {
  return scheme === 'socks5h'
    ? { protocol: 'socks5', remoteDns: true }
    : { protocol: scheme, remoteDns: false }
}

/** The scheme that carries both protocol and remote DNS, for URLs and protocol columns. */
export function protocolToScheme(p: { protocol: ProxyProtocol; remoteDns: boolean }): ProxyScheme {
  return p.protocol === 'socks5' && p.remoteDns ? 'socks5h' : p.protocol
}

/**
 * Only web links are accepted as rotation URLs: ProxyDeck calls them with an HTTP client. The
 * text is kept as written; whitespace is refused because URL parsing would silently drop it.
 */
export function validRotationUrl(text: string): string | null {
  if (/\s/.test(text)) return null
  try {
    const url = new URL(text)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== ''
      ? text
      : null
  } catch {
    return null
  }
}
