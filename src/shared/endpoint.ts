/*
 * How a proxy's endpoint is written everywhere (main's labels, the table, the picker, the import
 * preview, failure lists) and what the list's search matches: an IPv6 host in brackets, so the
 * port after it stays readable (`[::1]:8080`), and `user@` in front when it has a username.
 */

/** `host:port`, or `[v6]:port`. */
export function endpointLabel(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`
}

/** The protocol as operators write it: socks5h when the proxy resolves names. */
export function protocolLabel(proxy: { protocol: string; remoteDns: boolean }): string {
  return proxy.protocol === 'socks5' && proxy.remoteDns ? 'socks5h' : proxy.protocol
}

export interface EndpointParts {
  protocol: string
  remoteDns: boolean
  host: string
  port: number
  username: string | null
}

/** `user@host:port` (no user: `host:port`), IPv6 bracketed. */
export function userEndpointLabel(
  proxy: Pick<EndpointParts, 'host' | 'port' | 'username'>,
): string {
  const at = proxy.username ? `${proxy.username}@` : ''
  return `${at}${endpointLabel(proxy.host, proxy.port)}`
}

/** `socks5h://user@[::1]:1080`: the proxy named fully, never its password. */
export function fullEndpointLabel(proxy: EndpointParts): string {
  return `${protocolLabel(proxy)}://${userEndpointLabel(proxy)}`
}
