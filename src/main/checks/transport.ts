import { Client, ProxyAgent, type buildConnector, type Dispatcher } from 'undici'
import { backstopMs, type AttemptContext, type AttemptState } from './attempt-state'
import { tunnelRequestFailure, tunnelStatusFailure } from './failure'
import { exchangeOn, requestText, type JudgeResponse } from './http-exchange'
import { connectToProxy } from './proxy-socket'
import { proxyOrigin } from './proxy-url'
import { openSocksTunnel, socksConnector } from './socks-connect'
import type { CheckTarget } from './types'

/** One way to send the judge request through the proxy, built fresh per attempt. */
export interface Transport {
  /** Sends the one GET; `extraHeaders` replace or add to the check's own. */
  send(extraHeaders?: Readonly<Record<string, string>>): Promise<JudgeResponse>
  /** The undici dispatcher carrying the request (https judges), for the deadline to destroy. */
  dispatcher: Dispatcher | null
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

/** Sends `request` through undici's `dispatcher`, the check's headers plus `extra`. */
function undiciTransport(
  dispatcher: Dispatcher,
  request: Dispatcher.RequestOptions & { headers: Record<string, string> },
  judgeTls: boolean,
): Transport {
  return {
    dispatcher,
    judgeTls,
    forwarded: false,
    send: async (extra) => {
      const response = await dispatcher.request({
        ...request,
        headers: { ...request.headers, ...extra },
      })
      // Bodies abandoned early (status, size, keyword found) end in an AbortError that nothing
      // else listens to; the read loops still see real errors through the iterator.
      response.body.on('error', () => {})
      return {
        statusCode: response.statusCode,
        body: response.body,
        discard: () => response.body.destroy(),
      }
    },
  }
}

/**
 * Chooses how to reach `url` through the proxy:
 * - http judge (the bulk of checks): the checker's own socket, then one GET over it with
 *   node:http (http-exchange.ts): for an HTTP(S) proxy an absolute-form GET on the TCP (+TLS)
 *   connection to it (what HTTP proxies are for; many refuse CONNECT to port 80), for SOCKS the
 *   request on the tunnel its handshake opened;
 * - SOCKS, https judge: one undici Client for the judge's origin whose connector does the SOCKS
 *   handshake and the TLS with the judge;
 * - HTTP(S) proxy, https judge: undici ProxyAgent (CONNECT tunnel, then TLS with the judge).
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
  const socks = target.protocol === 'socks4' || target.protocol === 'socks5'

  if (!judgeTls) {
    const headers: Record<string, string> = { host: url.host, ...baseHeaders() }
    const token = socks ? undefined : basicToken(target)
    if (token) headers['proxy-authorization'] = token
    return {
      dispatcher: null,
      judgeTls,
      forwarded: !socks,
      send: async (extra) => {
        const socket = socks
          ? await openSocksTunnel(target, url, state, context)
          : await connectToProxy(target, state, context)
        return exchangeOn(socket, requestText(socks ? path : url.href, { ...headers, ...extra }))
      },
    }
  }

  if (socks) {
    const dispatcher = new Client(url.origin, {
      ...timeouts,
      connect: socksConnector(target, url, state, context),
    })
    return undiciTransport(
      dispatcher,
      { origin: url.origin, path, method: 'GET', headers: baseHeaders() },
      judgeTls,
    )
  }

  const token = basicToken(target)
  const proxyConnect: buildConnector.connector = (_options, callback) => {
    connectToProxy(target, state, context).then(
      (socket) => callback(null, socket),
      (error: Error) => callback(error, null),
    )
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
  return undiciTransport(
    dispatcher,
    { origin: url.origin, path, method: 'GET', headers: baseHeaders() },
    judgeTls,
  )
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
