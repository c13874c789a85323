import { isIPv4, isIPv6 } from 'node:net'

export type PortError = 'missing_port' | 'invalid_port' | 'port_out_of_range'

export type PortResult = { ok: true; port: number } | { ok: false; reason: PortError }

/** Digits only, 1..65535. Leading zeros are tolerated; signs, spaces and hex are not. */
export function parsePort(text: string): PortResult {
  const port = readPort(text, 0, text.length)
  return typeof port === 'number' ? { ok: true, port } : { ok: false, reason: port }
}

/** `parsePort` over `text[start, end)`, allocating nothing: it runs once per imported line. */
export function readPort(text: string, start: number, end: number): number | PortError {
  if (end <= start) return 'missing_port'
  let value = 0
  for (let i = start; i < end; i++) {
    const digit = text.charCodeAt(i) - 48
    if (digit < 0 || digit > 9) return 'invalid_port'
    // Cap instead of overflowing: a 40-digit "port" is out of range, not NaN.
    if (value <= 65535) value = value * 10 + digit
  }
  return value < 1 || value > 65535 ? 'port_out_of_range' : value
}

/**
 * The stored form of a host, or null when it is neither an IP address nor a DNS name.
 * Accepts an IPv6 address with or without brackets.
 */
export function normalizeHost(text: string): string | null {
  if (text.length > 1 && text.charCodeAt(0) === 91 /* [ */) {
    return text.charCodeAt(text.length - 1) === 93 ? normalizeIPv6(text.slice(1, -1)) : null
  }
  if (isIPv4(text)) return text
  // Only an IPv6 address has a colon: most hosts skip that (much longer) check.
  if (text.includes(':')) return normalizeIPv6(text)
  return normalizeDnsName(text)
}

/**
 * RFC 5952 form (lowercase, zeros compressed) through the WHATWG host serializer, so one address
 * written two ways is one proxy. Zone ids (`fe80::1%eth0`) are refused: they mean nothing off-box.
 */
export function normalizeIPv6(text: string): string | null {
  if (!isIPv6(text) || text.includes('%')) return null
  try {
    return new URL(`http://[${text}]/`).hostname.slice(1, -1)
  } catch {
    return null
  }
}

/**
 * Lowercase LDH labels of 1..63 characters, 253 in all, one trailing dot dropped. Underscores
 * are allowed (gateways use them in per-session names). A name whose last label is all digits is
 * refused: it is a malformed IPv4 address (`999.1.1.1`), not a name.
 */
export function normalizeDnsName(text: string): string | null {
  const name = text.endsWith('.') ? text.slice(0, -1) : text
  if (name.length === 0 || name.length > 253) return null
  let labelStart = 0
  let labelAllDigits = true
  for (let i = 0; i <= name.length; i++) {
    const code = i < name.length ? name.charCodeAt(i) : 46
    if (code === 46 /* . */) {
      const length = i - labelStart
      if (length === 0 || length > 63) return null
      if (name.charCodeAt(labelStart) === 45 || name.charCodeAt(i - 1) === 45) return null
      if (i === name.length && labelAllDigits) return null
      labelStart = i + 1
      labelAllDigits = true
      continue
    }
    const isDigit = code >= 48 && code <= 57
    const isLetter = (code >= 97 && code <= 122) || (code >= 65 && code <= 90)
    if (!isDigit) labelAllDigits = false
    if (!isDigit && !isLetter && code !== 45 /* - */ && code !== 95 /* _ */) return null
  }
  return name.toLowerCase()
}

/** Brackets around IPv6 so `host:port` stays unambiguous. */
export function hostForAddress(host: string): string {
  return host.includes(':') ? `[${host}]` : host
}
