import { isIPv4 } from 'node:net'
import { normalizeHost } from './host-port'
import { schemeLength } from './scheme'

const MAX_RAW_LENGTH = 160
const MASK = '***'
/** A field this long that is not a host is an API key or session token more often than a name. */
const LONG_FIELD = 20

// Where operators' lines split: colons, `@`, and the spaces, commas, semicolons and pipes of
// lists that are not in ProxyDeck's shapes (those are the lines that fail to parse).
const SEPARATORS = /[:@\s,;|]+/y

/**
 * A line that could not be read, as it may be shown back to the operator: the parts that look
 * like a host and port stay (so the operator can find and fix the line), and what may be a secret
 * is `***`: the fields between the line's start and its host (`user:pass:host:port`, `user:pass@`),
 * everything after the fourth field when the line starts with the host (`host:port:user:pass`),
 * every field but ports when no host is recognisable, and any long field that is not a host.
 * The result is truncated.
 */
export function redactLine(line: string): string {
  const scheme = schemeLength(line)
  const start = scheme > 0 ? scheme + 3 : 0
  const masked = line.slice(0, start) + maskFields(line.slice(start))
  return masked.length > MAX_RAW_LENGTH ? `${masked.slice(0, MAX_RAW_LENGTH)}…` : masked
}

/** One cell of a CSV row (its column is not the password): masked only when it looks like a key. */
export function redactCell(cell: string): string {
  return cell.length >= LONG_FIELD && !looksLikeHost(cell.trim()) ? MASK : cell
}

interface Field {
  text: string
  /** The separator run after the field ('' at the end). */
  separator: string
}

function maskFields(body: string): string {
  const fields = splitFields(body)
  const host = hostIndex(fields)
  const secret = fields.map((field, index) => {
    if (field.text === '') return false
    if (field.text.length >= LONG_FIELD && !looksLikeHost(field.text)) return true
    if (host < 0) return !isPortLike(field.text)
    // host:port:user:pass... keeps the user; user:pass[:@]host:port keeps the first field.
    if (host === 0) return index >= 3
    return (index > 0 && index < host) || index > host + 1
  })
  let out = ''
  fields.forEach((field, index) => {
    if (!secret[index]) out += field.text + field.separator
    else {
      if (!secret[index - 1]) out += MASK
      if (!secret[index + 1]) out += field.separator
    }
  })
  return out
}

/** The fields of a line; a bracketed IPv6 address is one field. */
function splitFields(body: string): Field[] {
  const fields: Field[] = []
  let at = 0
  while (at < body.length) {
    let end = at
    const close = body.charCodeAt(at) === 91 /* [ */ ? body.indexOf(']', at) : -1
    if (close > at) end = close + 1
    while (end < body.length && !isSeparator(body, end)) end++
    SEPARATORS.lastIndex = end
    const separator = SEPARATORS.exec(body)?.[0] ?? ''
    fields.push({ text: body.slice(at, end), separator })
    at = end + separator.length
  }
  return fields
}

function isSeparator(body: string, index: number): boolean {
  SEPARATORS.lastIndex = index
  return SEPARATORS.test(body)
}

/**
 * Where the host is: field 0 when it looks like one or a port follows it (`host:port:user:pass`);
 * otherwise the last field that looks like a host, since a password with a dot (`pass.word`)
 * looks like a host name too and comes before the real one (`user:pass:host:port`); failing
 * that, the first field a port follows. -1 when none does.
 */
function hostIndex(fields: Field[]): number {
  const portAfter = (index: number): boolean => isPortLike(fields[index + 1]?.text ?? '')
  if (looksLikeHost(fields[0]?.text ?? '') || portAfter(0)) return 0
  const lastHost = fields.findLastIndex((field) => looksLikeHost(field.text))
  if (lastHost >= 0) return lastHost
  return fields.findIndex((_, index) => portAfter(index))
}

/**
 * An IP address, a bracketed IPv6 address, `localhost`, or a dotted name ending in letters. A
 * bare word is not a host here: usernames and passwords are bare words too.
 */
function looksLikeHost(text: string): boolean {
  if (isIPv4(text) || text === 'localhost') return true
  if (text.startsWith('[')) return normalizeHost(text) !== null
  return /\.[a-z]{2,63}\.?$/i.test(text) && normalizeHost(text) !== null
}

function isPortLike(text: string): boolean {
  return /^\d{1,5}$/.test(text)
}

/**
 * Masks known credentials (raw and URL-encoded) in a message, e.g. a check's error text. Secrets
 * shorter than 3 characters are left alone: masking every "a" would garble messages and reveal
 * nothing.
 */
export function redactCredentials(
  message: string,
  credentials: { username: string | null; password: string | null },
): string {
  let result = message
  for (const secret of [credentials.password, credentials.username]) {
    if (secret === null || secret.length < 3) continue
    for (const form of new Set([secret, encodeURIComponent(secret)])) {
      result = result.split(form).join(MASK)
    }
  }
  return result
}
