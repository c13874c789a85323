import { Client, ProxyAgent, type buildConnector, type Dispatcher } from 'undici'
import { backstopMs, type AttemptContext, type AttemptState } from './attempt-state'
import { tunnelRequestFailure, tunnelStatusFailure } from './failure'
import { connectToProxy } from './proxy-socket'
import { proxyOrigin } from './proxy-url'
import { socksConnector } from './socks-connect'
import type { CheckTarget } from './types'

/** One way to send the judge request through the proxy, built fresh per attempt. */
export interface Transport {
  dispatcher: Dispatcher
  request: Dispatcher.RequestOptions
  /** The judge's answer is TLS-authenticated end to end, so the proxy cannot have forged it. */
  judgeTls: boolean
  /** Plain HTTP through an HTTP proxy: the proxy's own status codes arrive as the response. */
  forwarded: boolean
}

// A fresh object per request: ProxyAgent writes `host` into the headers object it is given.
function baseHeaders(): Record<string, string> {
  return {
    'user-agent': 'ProxyDeck-check/1',
    accept: 'application/json, text/plain;q=0.9, */*;q=0.5',
    'accept-encoding': 'identity',
  }
}

export function basicToken(target: CheckTarget): string | undefined {
  if (target.username === null) return undefined
  const pair = `${target.username}:${target.password ?? ''}`
  return `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`
}

/**
 * Chooses how to reach `url` through the proxy:
 * - SOCKS: one undici Client for the judge's origin whose connector does the SOCKS handshake;
 * - HTTP(S) proxy, https judge: undici ProxyAgent (CONNECT tunnel, then TLS with the judge);
 * - HTTP(S) proxy, http judge: an absolute-form GET sent to the proxy (what HTTP proxies are
 *   for; many refuse CONNECT to port 80). ProxyAgent's non-tunnel mode would work too but builds
 *   its proxy client without a hook for our socket-owning connector.
 */
export function openTransport(
  target: CheckTarget,
  url: URL,
  state: AttemptState,
  context: AttemptContext,
): Transport {
  const timeouts = { headersTimeout: backstopMs(context), bodyTimeout: backstopMs(context) }
  const path = `${url.pathname}${url.search}`
  const judgeTls = url.protocol === 'https:'

  if (target.protocol === 'socks4' || target.protocol === 'socks5') {
    const dispatcher = new Client(url.origin, {
      ...timeouts,
      connect: socksConnector(target, url, state, context),
    })
    return {
      dispatcher,
      request: { origin: url.origin, path, method: 'GET', headers: baseHeaders() },
      judgeTls,
      forwarded: false,
    }
  }

  const token = basicToken(target)
  const proxyConnect: buildConnector.connector = (_options, callback) => {
    connectToProxy(target, state, context).then(
      (socket) => callback(null, socket),
      (error: Error) => callback(error, null),
    )
  }

  if (!judgeTls) {
    const dispatcher = new Client(proxyOrigin(target), { ...timeouts, connect: proxyConnect })
    const headers: Record<string, string> = { ...baseHeaders(), host: url.host }
    if (token) headers['proxy-authorization'] = token
    return {
      dispatcher,
      request: { origin: proxyOrigin(target), path: url.href, method: 'GET', headers },
      judgeTls,
      forwarded: true,
    }
  }

  const dispatcher = new ProxyAgent({
    uri: proxyOrigin(target),
    token,
    ...timeouts,
    requestTls: {
      timeout: backstopMs(context),
      ALPNProtocols: ['http/1.1'],
      ...(context.secureContext ? { secureContext: context.secureContext } : {}),
    },
    clientFactory: (origin) => tunnelClient(origin, state, proxyConnect, timeouts),
    factory: (origin, options) => {
      const client = new Client(origin, options as Client.Options)
      client.once('connect', () => {
        state.stage = 'waiting for the judge'
      })
      return client
    },
  })
  return {
    dispatcher,
    request: { origin: url.origin, path, method: 'GET', headers: baseHeaders() },
    judgeTls,
    forwarded: false,
  }
}

type ConnectFn = (options: Dispatcher.ConnectOptions) => Promise<Dispatcher.ConnectData>

/**
 * The Client ProxyAgent sends CONNECT through. Its `connect` is wrapped so the proxy's answer is
 * classified here, where the status code is still a number, and so a closed connection does not
 * reach undici as a retryable socket error (which would make it reconnect until the deadline).
 */
function tunnelClient(
  origin: URL,
  state: AttemptState,
  connect: buildConnector.connector,
  timeouts: { headersTimeout: number; bodyTimeout: number },
): Client {
  const client = new Client(origin, { ...timeouts, connect })
  const sendConnect = client.connect.bind(client) as ConnectFn
  const classified: ConnectFn = async (options) => {
    let answer: Dispatcher.ConnectData
    try {
      answer = await sendConnect(options)
    } catch (error) {
      throw tunnelRequestFailure(error, state)
    }
    if (answer.statusCode !== 200) {
      answer.socket.destroy()
      throw tunnelStatusFailure(answer.statusCode)
    }
    state.stage = 'TLS with the judge'
    return answer
  }
  return Object.assign(client, { connect: classified })
}
