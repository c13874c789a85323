import type net from 'node:net'
import type { AttemptState } from './attempt-state'

/*
 * Words for a protocol mismatch, read from what the proxy sent back. Only called on failure paths:
 * a check that succeeds never builds any of this. Measured answers (checks/README.md): microsocks
 * answers an HTTP request with 05 FF and closes; dante closes without a byte; tinyproxy and squid
 * say nothing to a SOCKS greeting (they wait for a request line); Node's HTTP server answers
 * "HTTP/1.1 400 Bad Request" to one at once.
 */

/** `data` of undici's HTTPParserError (the unparsed answer as text) or a SOCKS reply chunk. */
type Reply = string | Buffer | null | undefined

function byteAt(reply: Reply, index: number): number {
  if (reply === null || reply === undefined || reply.length <= index) return -1
  return typeof reply === 'string' ? reply.charCodeAt(index) : (reply[index] as number)
}

function hexByte(code: number): string {
  return `0x${code.toString(16).padStart(2, '0').toUpperCase()}`
}

/** An HTTP request answered with SOCKS bytes; '' when the answer does not show it. */
export function socksAnswerHint(reply: Reply): string {
  const first = byteAt(reply, 0)
  // SOCKS5 replies start with the version 5; SOCKS4 replies with a null version byte.
  if (first === 5)
    return `: this looks like a SOCKS proxy (its answer starts with ${hexByte(5)}, as SOCKS5 replies do)`
  if (first === 0 || first === 4) {
    return `: this looks like a SOCKS proxy (its answer starts with ${hexByte(first)}, as SOCKS4 replies do)`
  }
  return ''
}

/** The error undici raised, when it carries the unparsed answer (HTTPParserError.data). */
export function parserData(error: unknown): string | undefined {
  const data = (error as { data?: unknown } | null)?.data
  return typeof data === 'string' ? data : undefined
}

/** True when not one byte came back on any connection of the attempt. */
export function nothingRead(state: AttemptState): boolean {
  for (const socket of state.sockets) if ((socket as net.Socket).bytesRead > 0) return false
  return true
}

/** An HTTP request the proxy closed without a byte of answer. */
export const CLOSED_SILENTLY_HINT =
  ': it closed without an HTTP answer, which is what SOCKS proxies (dante) do with an HTTP request; it may be a SOCKS proxy'

/** A SOCKS greeting answered with HTTP ("HTTP/1.1 400 Bad Request"); '' otherwise. */
export function httpAnswerHint(reply: Reply): string {
  if (byteAt(reply, 0) !== 0x48 /* H */) return ''
  const text = typeof reply === 'string' ? reply : (reply as Buffer).toString('latin1', 0, 64)
  if (!text.startsWith('HTTP/')) return ''
  const statusLine = (text.split('\r')[0] ?? '').replace(/[^\x20-\x7e]/g, '')
  return `: this looks like an HTTP proxy (it answered "${statusLine}")`
}

/** Another SOCKS version's reply to our greeting (SOCKS4 asked, SOCKS5 answered, or back). */
export function otherSocksHint(asked: 4 | 5, reply: Reply): string {
  const first = byteAt(reply, 0)
  if (asked === 4 && first === 5) {
    return `: this looks like a SOCKS5 proxy (its answer starts with ${hexByte(5)})`
  }
  if (asked === 5 && first === 0) {
    return `: this looks like a SOCKS4 proxy (its answer starts with ${hexByte(0)})`
  }
  return ''
}

/** A SOCKS greeting that got no byte back before the deadline. */
export const SILENT_TO_SOCKS_HINT =
  '; the proxy said nothing to the SOCKS greeting, which is what HTTP proxies (tinyproxy, squid) do: it may be an HTTP proxy'
