import http from 'node:http'
import type net from 'node:net'
import type { Readable } from 'node:stream'

/** A judge's answer, whichever machinery carried the request: status line + body stream. */
export interface JudgeResponse {
  statusCode: number
  body: Readable
}

const ignore = (): void => {}

/**
 * One GET over a socket the checker already holds (TCP to an HTTP proxy, or a SOCKS tunnel),
 * driven by node:http (its llhttp parser, its chunked / content-length / close-delimited framing,
 * interim 1xx answers skipped). No Agent, no pool, no dispatcher object per check: that machinery
 * (undici's Client) cost more CPU than the whole exchange on loopback, and an undici Client built
 * an InformationalError with its stack trace for every `Connection: close` answer. The socket
 * stays registered with the attempt, so the deadline still ends the exchange by destroying it.
 */
export function exchangeOn(
  socket: net.Socket,
  path: string,
  headers: Record<string, string>,
): Promise<JudgeResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request({
      createConnection: () => socket,
      method: 'GET',
      path,
      headers,
      setHost: false,
    })
    const onError = (error: Error): void => reject(error)
    request.once('error', onError)
    request.once('response', (response: http.IncomingMessage) => {
      request.off('error', onError)
      request.on('error', ignore) // the socket's later end is the body's business, not the request's
      resolve({ statusCode: response.statusCode ?? 0, body: response })
    })
    request.end()
  })
}

/**
 * node:http's errors in undici's words: a closed connection ('socket hang up', 'aborted') is
 * UND_ERR_SOCKET, and a parse error keeps llhttp's HPE_ code (undici runs llhttp too) with the
 * bytes it choked on as `data`, so requestFailure words every failure the same whichever
 * machinery carried the request. Only failures reach this; undici's own errors pass unchanged.
 */
export function undiciShaped(error: unknown): unknown {
  if (!(error instanceof Error)) return error
  const code = (error as { code?: unknown }).code
  const raw = (error as { rawPacket?: unknown }).rawPacket
  if (typeof code === 'string' && code.startsWith('HPE_') && Buffer.isBuffer(raw)) {
    return Object.assign(error, { name: 'HTTPParserError', data: raw.toString('latin1') })
  }
  if (code === 'ECONNRESET' && (error.message === 'socket hang up' || error.message === 'aborted')) {
    return Object.assign(error, { code: 'UND_ERR_SOCKET' })
  }
  return error
}
