import type { ProxyDto } from '../../../../shared/contracts/dto'
import { endpointLabel, protocolLabel as sharedProtocolLabel } from '../../../../shared/endpoint'

/** `host:port`, brackets around an IPv6 host (the shared formatter main labels proxies with). */
export function proxyLabel(proxy: Pick<ProxyDto, 'host' | 'port'>): string {
  return endpointLabel(proxy.host, proxy.port)
}

/** The protocol as operators write it: socks5h when the proxy resolves names. */
export function protocolLabel(proxy: Pick<ProxyDto, 'protocol' | 'remoteDns'>): string {
  return sharedProtocolLabel(proxy)
}
