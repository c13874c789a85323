import type net from 'node:net'
// node:http's own binding of llhttp (the parser undici also runs, as wasm): the module node:http
// itself builds its client and server on. Used bare, without ClientRequest / IncomingMessage and
// their streams, which cost more CPU and garbage per check than the whole exchange on loopback.
import { HTTPParser } from 'node:_http_common'
import { JudgeBody } from './judge-body'

/** A judge's answer, whichever machinery carried the request: status line + body chunks. */
export interface JudgeResponse {
  statusCode: number
  body: AsyncIterable<Buffer>
  /** Drops the rest of the body (and its connection): the answer is already decided. */
  discard(): void
}

interface Parser {
  initialize(type: number, resource: object, maxHeaderSize: number, lenient: number): void
  execute(data: Buffer): number | Error
  finish(): undefined | Error
  close(): void
  [key: number]: unknown
}

const Parsers = HTTPParser as unknown as {
  new (): Parser
  RESPONSE: number
  kOnHeaders: number
  kOnHeadersComplete: number
  kOnBody: number
  kOnMessageComplete: number
  kOnExecute: number
}

const ignore = (): void => {}

/**
 * One GET over a socket the checker already holds (TCP to an HTTP proxy, or a SOCKS tunnel):
 * the request written in one piece, the answer parsed by llhttp (chunked, content-length or
 * close-delimited; interim 1xx answers skipped). No objects that build errors on the normal path:
 * a check that succeeds creates no Error at all. The socket stays registered with the attempt, so
 * the deadline ends the exchange by destroying it, which rejects here or ends the body with an
 * error (`closed`, classified as the deadline by requestFailure).
 */
export function exchangeOn(socket: net.Socket, request: string): Promise<JudgeResponse> {
  return new Promise((resolve, reject) => {
    const parser = new Parsers()
    // The async resource of the parser's callbacks: an object of its own each time, never frozen,
    // since an active AsyncLocalStorage writes its store onto it (a frozen one is a fatal error).
    parser.initialize(Parsers.RESPONSE, {}, 0, 0)
    let body: JudgeBody | null = null
    let interim = false
    let over = false
    let parsing = false
    let closed = false
    // Freed once, and never from inside the parser's own callbacks (execute / finish running).
    const closeParser = (): void => {
      if (closed || parsing) return
      closed = true
      parser.close()
    }

    const finish = (error: unknown): void => {
      if (over) return
      over = true
      socket.off('data', onData)
      socket.off('end', onEnd)
      socket.off('close', onEnd)
      socket.off('error', onError)
      closeParser()
      if (body) {
        if (error === null) body.end()
        else body.fail(error)
        // A whole answer read: the connection has nothing more to say (Connection: close).
        socket.destroy()
      } else reject(error ?? socketClosed())
    }

    parser[Parsers.kOnHeaders] = ignore
    parser[Parsers.kOnHeadersComplete] = (
      _major: number,
      _minor: number,
      _headers: unknown,
      _method: unknown,
      _url: unknown,
      statusCode: number,
    ): number => {
      // 100 Continue, 102, 103: the real answer follows on the same connection.
      interim = statusCode >= 100 && statusCode < 200 && statusCode !== 101
      if (interim) return 1 // no body
      // The reader stopped early (status, cap, keyword): close up as after a whole answer.
      body = new JudgeBody(() => finish(null))
      resolve({ statusCode, body, discard: () => body?.abandon() })
      return 0
    }
    // The binding hands each body piece over as a Buffer of its own (a copy).
    parser[Parsers.kOnBody] = (chunk: Buffer): void => body?.push(chunk)
    parser[Parsers.kOnMessageComplete] = (): void => {
      if (interim) {
        interim = false
        return
      }
      finish(null)
    }

    const onData = (chunk: Buffer): void => {
      parsing = true
      const parsed = parser.execute(chunk)
      parsing = false
      if (parsed instanceof Error) finish(Object.assign(parsed, { rawPacket: chunk }))
      if (over) closeParser()
    }
    const onEnd = (): void => {
      if (over) return
      // A close-delimited answer completes here (kOnMessageComplete); any other end is a
      // connection closed too soon, which undici called UND_ERR_SOCKET.
      parsing = true
      parser.finish()
      parsing = false
      if (over) closeParser()
      else finish(socketClosed())
    }
    const onError = (error: Error): void => finish(error)
    socket.on('data', onData)
    socket.on('end', onEnd)
    socket.on('close', onEnd)
    socket.on('error', onError)
    socket.resume() // whatever the SOCKS handshake left it in
    socket.write(request, 'latin1')
  })
}

/** The words undici used for a connection closed before its answer was complete. */
function socketClosed(): Error {
  return Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' })
}

/** The request as it goes on the wire: request line, headers, empty line. */
export function requestText(target: string, headers: Record<string, string>): string {
  let text = `GET ${target} HTTP/1.1\r\n`
  for (const name in headers) text += `${name}: ${headers[name]}\r\n`
  return `${text}connection: close\r\n\r\n`
}

/**
 * Parser errors in undici's words: llhttp's HPE_ code (undici runs llhttp too) with the bytes it
 * choked on as `data` (HTTPParserError.data, read by mismatch.ts), so requestFailure words every
 * failure the same whichever machinery carried the request. Only failures reach this; undici's
 * own errors pass unchanged.
 */
export function undiciShaped(error: unknown): unknown {
  if (!(error instanceof Error)) return error
  const code = (error as { code?: unknown }).code
  const raw = (error as { rawPacket?: unknown }).rawPacket
  if (typeof code === 'string' && code.startsWith('HPE_') && Buffer.isBuffer(raw)) {
    return Object.assign(error, { name: 'HTTPParserError', data: raw.toString('latin1') })
  }
  return error
}
