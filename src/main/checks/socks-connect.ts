import net from 'node:net'
import tls from 'node:tls'
import type { buildConnector } from 'undici'
import { backstopMs, type AttemptContext, type AttemptState } from './attempt-state'
import { CheckFailure, judgeFailure, judgeTlsFailure, socksFailure } from './failure'
import { connectToProxy, track } from './proxy-socket'
import { SocksHandshakeError, socksHandshake } from './socks-handshake'
import type { CheckTarget } from './types'

export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1')
}

export function portOf(url: URL): number {
  return Number(url.port) || (url.protocol === 'https:' ? 443 : 80)
}

/**
 * The undici connector for SOCKS proxies: TCP to the proxy, the SOCKS handshake on that socket
 * (socks-handshake.ts), then TLS with the judge for https URLs. With `remoteDns` the
 * judge's hostname goes to the proxy (socks5h / socks4a); otherwise it is resolved here first.
 */
export function socksConnector(
  target: CheckTarget,
  url: URL,
  state: AttemptState,
  context: AttemptContext,
): buildConnector.connector {
  return (_options, callback) => {
    openSocksTunnel(target, url, state, context).then(
      (socket) => callback(null, socket),
      (error: unknown) => callback(error as Error, null),
    )
  }
}

/**
 * TCP to the proxy and the SOCKS handshake on it (plus TLS with the judge for https URLs): the
 * socket the judge request goes over, registered with the attempt. Rejects with a CheckFailure.
 */
export async function openSocksTunnel(
  target: CheckTarget,
  url: URL,
  state: AttemptState,
  context: AttemptContext,
): Promise<net.Socket> {
  const hostname = hostOf(url)
  const socks4 = target.protocol === 'socks4'
  let destination = hostname
  if (!target.remoteDns && net.isIP(hostname) === 0) {
    state.stage = 'resolving the judge name'
    try {
      destination = await context.resolveHost(hostname, socks4 ? 4 : 0)
    } catch (error) {
      const code = (error as { code?: string }).code ?? 'error'
      throw new CheckFailure('dns_failed', 'judge', `judge name does not resolve here (${code})`)
    }
  }
  if (socks4 && net.isIPv6(destination)) {
    throw judgeFailure('SOCKS4 cannot reach an IPv6 judge')
  }

  const tunnel = await connectToProxy(target, state, context)
  try {
    await socksHandshake(tunnel, {
      version: socks4 ? 4 : 5,
      userId: target.username,
      password: target.password,
      host: destination,
      port: portOf(url),
      timeoutMs: backstopMs(context),
    })
  } catch (error) {
    const reply = error instanceof SocksHandshakeError ? error.reply : null
    throw socksFailure(error, reply, socks4 ? 4 : 5)
  }
  if (url.protocol !== 'https:') {
    state.stage = 'waiting for the judge'
    return tunnel
  }

  state.stage = 'TLS with the judge'
  return new Promise((resolve, reject) => {
    const secure = track(
      state,
      tls.connect({
        socket: tunnel,
        host: hostname,
        servername: net.isIP(hostname) ? undefined : hostname,
        secureContext: context.secureContext,
        ALPNProtocols: ['http/1.1'],
      }),
    )
    tunnel.resume() // the handshake left it paused
    const onError = (error: Error): void => reject(judgeTlsFailure(error))
    secure.once('error', onError)
    secure.once('close', () => reject(judgeTlsFailure(new Error('closed'))))
    secure.once('secureConnect', () => {
      secure.off('error', onError)
      state.stage = 'waiting for the judge'
      resolve(secure)
    })
  })
}
