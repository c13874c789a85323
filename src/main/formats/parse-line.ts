import { isIP } from 'node:net'
import { isWellFormedText } from '../../shared/contracts/fields'
import { normalizeHost, normalizeIPv6, readPort, type PortError } from './host-port'
import { redactLine } from './redact'
import { schemeLength, toProxyScheme, validRotationUrl } from './scheme'
import { fail, type Failure, type Step } from './step'
import type { ParsedLine, ParsedProxy, ParseOptions, ProxyScheme } from './types'
import { decodeUserinfo } from './userinfo-encoding'

/**
 * One line of a proxy list, in any of the shapes operators receive, detected per line:
 *   host:port  host:port:user:pass  user:pass@host:port  host:port@user:pass
 *   scheme://[user:pass@]host:port  scheme://host:port:user:pass
 *   [IPv6]:port[:user:pass]  ...[https://rotation-link]
 * Colon forms split at the first three separators: a password keeps every later `:`. Forms with
 * `@` split at the last `@` and percent-decode the user and password, as a URL does.
 *
 * This runs once per line of 100,000-line files, so the plain forms are read by index, without
 * regular expressions, URL objects or object spread (which costs microseconds a call in V8).
 */

interface Endpoint {
  ok: true
  host: string
  port: number
  username: string | null
  password: string | null
}

/** Beyond this a line is not a proxy, and scanning it would only cost time. */
export const MAX_LINE_LENGTH = 4096

/** Null for a blank or `#` comment line, which the import skips silently. */
export function parseLine(
  text: string,
  lineNumber: number,
  options: ParseOptions,
): ParsedLine | null {
  const line = text.trim()
  if (line.length === 0 || line.charCodeAt(0) === 35 /* # */) return null
  const result = readProxy(line, options)
  if (result.ok === false) {
    const { reason, message } = result
    return { line: lineNumber, ok: false, reason, message, raw: redactLine(line) }
  }
  return { line: lineNumber, ok: true, proxy: result }
}

/** A trimmed, non-comment line to a proxy with the option defaults for what the line omits. */
export function parseProxyText(line: string, options: ParseOptions): Step<ParsedProxy> {
  const result = readProxy(line, options)
  return result.ok === false ? result : { ok: true, value: result }
}

// ParsedProxy has no `ok`: a result with `ok === false` is the failure, and no wrapper is allocated.
function readProxy(line: string, options: ParseOptions): (ParsedProxy & { ok?: never }) | Failure {
  if (line.length > MAX_LINE_LENGTH) {
    return fail('malformed_line', `the line is longer than ${MAX_LINE_LENGTH} characters`)
  }
  let body = line
  let rotationUrl: string | null = null
  if (line.charCodeAt(line.length - 1) === 93 /* ] */) {
    const split = splitRotationUrl(line)
    if (split && !split.ok) return split
    if (split) ({ body, url: rotationUrl } = split.value)
  }

  let scheme: ProxyScheme = options.defaultProtocol
  let endpoint: Endpoint | Failure
  const schemeEnd = schemeLength(body)
  if (schemeEnd > 0) {
    const named = toProxyScheme(body.slice(0, schemeEnd))
    if (!named) {
      return fail('unsupported_scheme', 'the scheme is not http, https, socks4, socks5 or socks5h')
    }
    scheme = named
    const end = body.endsWith('/') ? body.length - 1 : body.length
    endpoint = parseEndpoint(body.slice(schemeEnd + 3, end), true)
  } else {
    endpoint = parseEndpoint(body, false)
  }
  if (!endpoint.ok) return endpoint

  return {
    protocol: scheme === 'socks5h' ? 'socks5' : scheme,
    remoteDns: scheme === 'socks5h',
    host: endpoint.host,
    port: endpoint.port,
    username: endpoint.username,
    password: endpoint.password,
    rotationUrl,
    location: null,
    country: null,
    tags: [],
    notes: null,
    provider: options.defaultProvider ?? null,
  }
}

/** A trailing `[scheme://...]` is a rotation link; other brackets belong to the line. */
function splitRotationUrl(line: string): Step<{ body: string; url: string }> | null {
  let open = line.lastIndexOf('[')
  while (open > 0) {
    let start = open + 1
    while (line.charCodeAt(start) === 32) start++
    if (schemeLength(line, start) > 0) {
      const url = validRotationUrl(line.slice(start, -1).trim())
      if (!url) return fail('invalid_rotation_url', 'the rotation link is not an http(s) URL')
      return { ok: true, value: { body: line.slice(0, open).trimEnd(), url } }
    }
    open = line.lastIndexOf('[', open - 1)
  }
  return null
}

function parseEndpoint(text: string, isUrl: boolean): Endpoint | Failure {
  const at = text.lastIndexOf('@')
  // `host:port:user:p@ss` starts with a valid host and port: the `@` belongs to the credentials.
  if (at < 0 || startsWithHostAndPort(text)) return parseHostFirst(text, true)
  return parseUserinfoForm(text, at, isUrl)
}

/** `host:port[:user:pass]`, the host possibly a bracketed IPv6 address. */
function parseHostFirst(text: string, allowCredentials: boolean): Endpoint | Failure {
  let host: string | null
  let portStart: number
  if (text.charCodeAt(0) === 91 /* [ */) {
    const close = text.indexOf(']')
    if (close < 0) return fail('invalid_host', 'an IPv6 address opens "[" but never closes it')
    host = normalizeIPv6(text.slice(1, close))
    if (!host) return fail('invalid_host', 'the bracketed host is not an IPv6 address')
    if (close + 1 === text.length) return fail('missing_port', portMessage.missing_port)
    if (text.charCodeAt(close + 1) !== 58 /* : */) {
      return fail('malformed_line', 'expected ":" and a port after the IPv6 address')
    }
    portStart = close + 2
  } else {
    const colon = text.indexOf(':')
    host = normalizeHost(colon < 0 ? text : text.slice(0, colon))
    if (!host) return invalidHost(text)
    if (colon < 0) return fail('missing_port', portMessage.missing_port)
    portStart = colon + 1
  }

  const portEnd = text.indexOf(':', portStart)
  const port = readPort(text, portStart, portEnd < 0 ? text.length : portEnd)
  if (typeof port !== 'number') return fail(port, portMessage[port])
  if (portEnd < 0 || portEnd === text.length - 1) return endpoint(host, port, '', '')
  if (!allowCredentials) return fail('malformed_line', 'unexpected text after the port')

  const split = text.indexOf(':', portEnd + 1)
  if (split < 0) {
    return fail(
      'missing_password',
      'a username without a password: write host:port:user:pass, or host:port:user: for none',
    )
  }
  return endpoint(host, port, text.slice(portEnd + 1, split), text.slice(split + 1))
}

/** `user:pass@host:port`; the reversed `host:port@user:pass` when the first reading fails. */
function parseUserinfoForm(text: string, at: number, isUrl: boolean): Endpoint | Failure {
  const hostPart = text.slice(at + 1)
  if (isUrl && /[/?#]/.test(hostPart)) {
    return fail('malformed_line', 'a proxy URL has no path, query or fragment')
  }
  const address = parseHostFirst(hostPart, false)
  if (!address.ok) return (isUrl ? null : parseReversed(text)) ?? address
  const colon = text.indexOf(':')
  const hasPassword = colon >= 0 && colon < at
  const username = decodeUserinfo(text.slice(0, hasPassword ? colon : at))
  const password = hasPassword ? decodeUserinfo(text.slice(colon + 1, at)) : ''
  return endpoint(address.host, address.port, username, password)
}

function parseReversed(text: string): Endpoint | Failure | null {
  const at = text.indexOf('@')
  const address = parseHostFirst(text.slice(0, at), false)
  if (!address.ok) return null
  const colon = text.indexOf(':', at + 1)
  const username = colon < 0 ? text.slice(at + 1) : text.slice(at + 1, colon)
  const password = colon < 0 ? '' : text.slice(colon + 1)
  return endpoint(address.host, address.port, username, password)
}

/** Empty strings are no value; a password needs a username to go with it. */
function endpoint(host: string, port: number, username: string, password: string) {
  if (username === '' && password !== '') {
    return fail('malformed_line', 'a password without a username')
  }
  // The text passed the contract's rule; percent-decoding (`%00`) can still make a NUL.
  if (!isWellFormedText(username) || !isWellFormedText(password)) {
    return fail('invalid_field', 'the username or password contains a NUL character')
  }
  return {
    ok: true as const,
    host,
    port,
    username: username === '' ? null : username,
    password: password === '' ? null : password,
  }
}

function startsWithHostAndPort(text: string): boolean {
  let hostEnd: number
  let host: string | null
  if (text.charCodeAt(0) === 91 /* [ */) {
    hostEnd = text.indexOf(']') + 1
    if (hostEnd === 0 || text.charCodeAt(hostEnd) !== 58) return false
    host = normalizeIPv6(text.slice(1, hostEnd - 1))
  } else {
    hostEnd = text.indexOf(':')
    if (hostEnd <= 0) return false
    host = normalizeHost(text.slice(0, hostEnd))
  }
  const portEnd = text.indexOf(':', hostEnd + 1)
  const port = readPort(text, hostEnd + 1, portEnd < 0 ? text.length : portEnd)
  // An out-of-range port still marks the host-first shape, so the line is rejected for its port.
  return host !== null && (typeof port === 'number' || port === 'port_out_of_range')
}

function invalidHost(text: string): Failure {
  const looksLikeIPv6 = isIP(text) === 6 || text.includes('::')
  return fail(
    'invalid_host',
    looksLikeIPv6
      ? 'an IPv6 address needs brackets: [2001:db8::1]:8080'
      : 'the host is not an IPv4 address, a bracketed IPv6 address or a DNS name',
  )
}

const portMessage: Record<PortError, string> = {
  missing_port: 'no port after the host',
  invalid_port: 'the port is not a number',
  port_out_of_range: 'the port is outside 1..65535',
}
