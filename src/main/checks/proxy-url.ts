import net from 'node:net'
import type { CheckTarget } from './types'

function hostForUrl(host: string): string {
  return net.isIPv6(host) ? `[${host}]` : host
}

/** `http://host:port` (IPv6 bracketed) without credentials: what undici dispatchers are given. */
export function proxyOrigin(target: Pick<CheckTarget, 'protocol' | 'host' | 'port'>): string {
  const scheme = target.protocol === 'https' ? 'https' : 'http'
  return `${scheme}://${hostForUrl(target.host)}:${target.port}`
}

/**
 * The proxy as a URL for other tools (curl, exports): socks5h / socks4a for remote DNS, and the
 * credentials URL-encoded when asked for. Never log the result with credentials in it.
 */
export function buildProxyUrl(target: CheckTarget, options: { credentials: boolean }): string {
  const scheme =
    target.protocol === 'socks5'
      ? target.remoteDns
        ? 'socks5h'
        : 'socks5'
      : target.protocol === 'socks4'
        ? target.remoteDns
          ? 'socks4a'
          : 'socks4'
        : target.protocol
  let auth = ''
  if (options.credentials && target.username !== null) {
    auth = encodeURIComponent(target.username)
    if (target.password !== null) auth += `:${encodeURIComponent(target.password)}`
    auth += '@'
  }
  return `${scheme}://${auth}${hostForUrl(target.host)}:${target.port}`
}
