import { hostForAddress } from './host-port'
import { protocolToScheme } from './scheme'
import type { ExportOptions, LineShape, ParsedProxy } from './types'
import { encodeUserinfo } from './userinfo-encoding'

/**
 * One proxy as a txt line that the importer reads back to the same proxy:
 * - `host:port:user:pass` writes credentials as they are. A proxy it cannot carry (a `:` in the
 *   username; a password ending in whitespace or `]`, or holding a line break) is written as
 *   `user:pass@host:port` instead, which needs the same default protocol on import.
 * - `user:pass@host:port` and the URL shape percent-encode user and password (`:`, `@`, `%`, `/`,
 *   brackets, spaces, ...; `+ _ - .` stay). Neither of the first two carries the protocol: the
 *   import applies its default one.
 * - A password without a username is not written (no shape has room for it); without passwords,
 *   the colon shape ends in `user:`, which reads back as a username with no password.
 * - IPv6 hosts are bracketed; a rotation link follows in brackets.
 */
export function formatProxyLine(p: ParsedProxy, shape: LineShape, options: ExportOptions): string {
  const username = p.username === '' ? null : p.username
  const password = options.includePasswords && p.password !== '' ? p.password : null
  const address = `${hostForAddress(p.host)}:${p.port}`
  let line: string
  if (shape === 'host:port:user:pass' && colonShapeCarries(username, password)) {
    line = username === null ? address : `${address}:${username}:${password ?? ''}`
  } else {
    const userinfo =
      username === null
        ? ''
        : `${encodeUserinfo(username)}${password === null ? '' : `:${encodeUserinfo(password)}`}@`
    line =
      shape === 'protocol://user:pass@host:port'
        ? `${protocolToScheme(p)}://${userinfo}${address}`
        : `${userinfo}${address}`
  }
  return p.rotationUrl ? `${line}[${p.rotationUrl}]` : line
}

// Line breaks and control characters would end or corrupt the line; trailing whitespace would be
// trimmed on import; a trailing `]` could pass for a rotation link.
function colonShapeCarries(username: string | null, password: string | null): boolean {
  if (username === null) return true
  if (username.includes(':') || hasControl(username)) return false
  if (password === null) return true
  return !hasControl(password) && !/[\s\]]$/.test(password)
}

function hasControl(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i)
    if (code < 32 || code === 127) return true
  }
  return false
}
