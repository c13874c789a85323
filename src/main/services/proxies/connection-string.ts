import type { LineShape } from '../../../shared/import-types'
import { formatProxyLine } from '../../formats'
import { notFound, stmt, type ServiceContext } from '../service-context'
import { revealProxyPassword } from './proxy-write'

interface EndpointRow {
  protocol: 'http' | 'https' | 'socks4' | 'socks5'
  remote_dns: number
  host: string
  port: number
  username: string | null
}

/**
 * The proxy with its password in one of the export's line shapes, for a browser profile. The
 * export's writer makes it (IPv6 bracketed, credentials percent-encoded where the shape needs
 * it; a colon line that could not be read back falls back to `user:pass@host:port`), without the
 * rotation link: a profile wants the endpoint only. The password is opened like
 * `proxies:revealPassword` opens it, on this one request.
 */
export function proxyConnectionString(
  ctx: ServiceContext,
  id: number,
  format: LineShape,
): { value: string } {
  const row = stmt(
    ctx.sqlite,
    'SELECT protocol, remote_dns, host, port, username FROM proxies WHERE id = ?',
  ).get(id) as EndpointRow | undefined
  if (!row) throw notFound('proxy', id)
  const { password } = revealProxyPassword(ctx, id)
  const value = formatProxyLine(
    {
      protocol: row.protocol,
      remoteDns: row.remote_dns === 1,
      host: row.host,
      port: row.port,
      username: row.username,
      password,
      rotationUrl: null,
      location: null,
      country: null,
      tags: [],
      notes: null,
      provider: null,
    },
    format,
    { includePasswords: true },
  )
  return { value }
}
