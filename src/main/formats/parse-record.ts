import { isWellFormedText } from '../../shared/contracts/fields'
import { normalizeHost, parsePort } from './host-port'
import { fail, type Step } from './step'
import { schemeToProtocol, toProxyScheme, validRotationUrl } from './scheme'
import type { ImportErrorReason, ParsedProxy, ParseOptions } from './types'

/**
 * CSV rows and JSON objects: named fields to a proxy. Both formats share the column names, so an
 * export in either reads back the same.
 */

export type Column =
  | 'host'
  | 'port'
  | 'username'
  | 'password'
  | 'protocol'
  | 'remoteDns'
  | 'rotationUrl'
  | 'location'
  | 'country'
  | 'tags'
  | 'notes'
  | 'provider'

export type RecordFields = Partial<Record<Column, unknown>>

// Keys are names lowercased with everything but letters and digits removed: `Rotation URL`,
// `rotation_url` and `rotationUrl` are one column.
const columnAliases: Record<string, Column> = {
  host: 'host',
  ip: 'host',
  hostname: 'host',
  address: 'host',
  port: 'port',
  username: 'username',
  user: 'username',
  login: 'username',
  password: 'password',
  pass: 'password',
  protocol: 'protocol',
  type: 'protocol',
  scheme: 'protocol',
  remotedns: 'remoteDns',
  rotationurl: 'rotationUrl',
  rotationlink: 'rotationUrl',
  location: 'location',
  country: 'country',
  tags: 'tags',
  notes: 'notes',
  provider: 'provider',
}

export function columnForName(name: string): Column | null {
  return columnAliases[name.toLowerCase().replace(/[^a-z0-9]/g, '')] ?? null
}

class FieldError extends Error {
  constructor(
    readonly reason: ImportErrorReason,
    message: string,
  ) {
    super(message)
  }
}

/** Fields absent from the record (as opposed to empty) are `undefined`. */
export function recordToProxy(fields: RecordFields, options: ParseOptions): Step<ParsedProxy> {
  try {
    return { ok: true, value: readRecord(fields, options) }
  } catch (error) {
    if (error instanceof FieldError) return fail(error.reason, error.message)
    throw error
  }
}

function readRecord(fields: RecordFields, options: ParseOptions): ParsedProxy {
  if (fields.host === undefined) throw new FieldError('missing_column', 'the record has no host')
  if (fields.port === undefined) throw new FieldError('missing_column', 'the record has no port')
  const hostText = text(fields.host, 'host')?.trim() ?? ''
  const host = normalizeHost(hostText)
  if (!host) {
    throw new FieldError(
      'invalid_host',
      hostText === '' ? 'the host is empty' : 'the host is not an IP address or a DNS name',
    )
  }
  const port = readPort(fields.port)

  const schemeText = text(fields.protocol, 'protocol')?.trim() ?? ''
  const scheme = schemeText === '' ? options.defaultProtocol : toProxyScheme(schemeText)
  if (!scheme) {
    throw new FieldError(
      'unsupported_scheme',
      'the protocol is not http, https, socks4, socks5 or socks5h',
    )
  }
  const { protocol, remoteDns } = schemeToProtocol(scheme)

  const username = nonEmpty(text(fields.username, 'username'))
  const password = nonEmpty(text(fields.password, 'password'))
  if (username === null && password !== null) {
    throw new FieldError('malformed_line', 'a password without a username')
  }

  const rotationText = nonEmpty(text(fields.rotationUrl, 'rotation_url')?.trim() ?? null)
  const rotationUrl = rotationText === null ? null : validRotationUrl(rotationText)
  if (rotationText !== null && rotationUrl === null) {
    throw new FieldError('invalid_rotation_url', 'the rotation link is not an http(s) URL')
  }

  const countryText = nonEmpty(text(fields.country, 'country')?.trim() ?? null)
  if (countryText !== null && !/^[A-Za-z]{2}$/.test(countryText)) {
    throw new FieldError('invalid_country', 'the country is not a two-letter ISO code')
  }

  return {
    protocol,
    remoteDns: remoteDns || (protocol === 'socks5' && readFlag(fields.remoteDns)),
    host,
    port,
    username,
    password,
    rotationUrl,
    location: trimmed(fields.location, 'location'),
    country: countryText?.toUpperCase() ?? null,
    tags: readTags(fields.tags),
    notes: trimmed(fields.notes, 'notes'),
    provider: trimmed(fields.provider, 'provider') ?? options.defaultProvider ?? null,
  }
}

function readPort(value: unknown): number {
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw new FieldError('invalid_port', 'the port is not a number')
    if (value < 1 || value > 65535) {
      throw new FieldError('port_out_of_range', 'the port is outside 1..65535')
    }
    return value
  }
  const result = parsePort(text(value, 'port')?.trim() ?? '')
  if (result.ok) return result.port
  const messages = {
    missing_port: 'the port is empty',
    invalid_port: 'the port is not a number',
    port_out_of_range: 'the port is outside 1..65535',
  }
  throw new FieldError(result.reason, messages[result.reason])
}

function text(value: unknown, column: string): string | null {
  if (value === undefined || value === null) return null
  if (typeof value === 'string') {
    // JSON escapes (`\u0000`, `\ud800`) can carry what the contract refused in the raw text.
    if (!isWellFormedText(value)) {
      throw new FieldError('invalid_field', `${column} contains a NUL character or broken Unicode`)
    }
    return value
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  throw new FieldError('invalid_field', `${column} is not text`)
}

function nonEmpty(value: string | null): string | null {
  return value === null || value === '' ? null : value
}

function trimmed(value: unknown, column: string): string | null {
  return nonEmpty(text(value, column)?.trim() ?? null)
}

function readFlag(value: unknown): boolean {
  if (typeof value === 'boolean') return value
  if (typeof value === 'number') return value === 1
  if (typeof value === 'string') return ['1', 'true', 'yes'].includes(value.trim().toLowerCase())
  return false
}

/** A JSON array, or one text cell of comma-separated tags; empties dropped, order kept, no repeats. */
function readTags(value: unknown): string[] {
  let items: string[]
  if (Array.isArray(value)) {
    items = value.map((item) => {
      const tag = text(item, 'a tag')
      if (tag === null) throw new FieldError('invalid_field', 'a tag is empty')
      return tag
    })
  } else {
    items = (text(value, 'tags') ?? '').split(',')
  }
  return [...new Set(items.map((tag) => tag.trim()).filter((tag) => tag !== ''))]
}
