import net from 'node:net'
import tls from 'node:tls'
import { elapsed, type AttemptContext, type AttemptState } from './attempt-state'
import { CheckFailure, proxyConnectFailure, proxyTlsFailure } from './failure'
import type { CheckTarget } from './types'

const ignore = (): void => {}

/** Registers a socket for the deadline; a late error on it must never crash the process. */
export function track<T extends net.Socket>(state: AttemptState, socket: T): T {
  state.sockets.add(socket)
  socket.on('error', ignore)
  if (state.closed) socket.destroy()
  return socket
}

/**
 * Residential gateways put thousands of proxies behind one host name; resolving it once per
 * checker (not once per check, through libuv's four-thread pool) keeps bulk runs off the resolver.
 */
function cachedLookup(context: AttemptContext): net.LookupFunction {
  return (hostname, options, callback) => {
    context.resolveHost(hostname, 0).then(
      (address) => {
        const family = net.isIP(address)
        if (options.all) callback(null, [{ address, family }])
        else callback(null, address, family)
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    )
  }
}

/**
 * Opens the connection to the proxy (TCP, plus TLS for `https` proxies), records the TCP connect
 * time and registers the socket for the deadline. Rejects with a classified CheckFailure.
 */
export function connectToProxy(
  target: CheckTarget,
  state: AttemptState,
  context: AttemptContext,
): Promise<net.Socket> {
  if (state.closed) {
    return Promise.reject(new CheckFailure('timeout', 'proxy', 'check already over'))
  }
  state.stage = 'connecting to the proxy'
  return new Promise((resolve, reject) => {
    const socket = track(
      state,
      net.connect({
        host: target.host,
        port: target.port,
        noDelay: true,
        lookup: cachedLookup(context),
      }),
    )
    const onTcpError = (error: Error): void => reject(proxyConnectFailure(error))
    const onClose = (): void => reject(new CheckFailure('timeout', 'proxy', 'connection closed'))
    // Detached once the socket is handed on: every successful check closes it later, and building
    // an unused CheckFailure (stack trace included) each time is measurable in bulk runs.
    const handOver = (ready: net.Socket): void => {
      socket.off('close', onClose)
      resolve(ready)
    }
    socket.once('error', onTcpError)
    socket.once('close', onClose)
    socket.once('connect', () => {
      socket.off('error', onTcpError)
      state.connectMs = elapsed(state)
      state.stage = 'proxy handshake'
      if (target.protocol !== 'https') {
        handOver(socket)
        return
      }
      const secure = track(
        state,
        tls.connect({
          socket,
          host: target.host,
          servername: net.isIP(target.host) ? undefined : target.host,
          secureContext: context.secureContext,
          ALPNProtocols: ['http/1.1'],
        }),
      )
      const onTlsError = (error: Error): void => reject(proxyTlsFailure(error))
      secure.once('error', onTlsError)
      secure.once('secureConnect', () => {
        secure.off('error', onTlsError)
        handOver(secure)
      })
    })
  })
}
