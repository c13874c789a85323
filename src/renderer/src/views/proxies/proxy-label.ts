import type { ProxyDto } from '../../../../shared/contracts/dto'

/** `host:port`, brackets around an IPv6 host (as main labels proxies). */
export function proxyLabel(proxy: Pick<ProxyDto, 'host' | 'port'>): string {
  return proxy.host.includes(':') ? `[${proxy.host}]:${proxy.port}` : `${proxy.host}:${proxy.port}`
}

/** The protocol as operators write it: socks5h when the proxy resolves names. */
export function protocolLabel(proxy: Pick<ProxyDto, 'protocol' | 'remoteDns'>): string {
  return proxy.protocol === 'socks5' && proxy.remoteDns ? 'socks5h' : proxy.protocol
}
