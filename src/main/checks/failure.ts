import type { CheckErrorCode } from '../../shared/domain'
import type { AttemptState } from './attempt-state'
import {
  CLOSED_SILENTLY_HINT,
  httpAnswerHint,
  nothingRead,
  otherSocksHint,
  parserData,
  socksAnswerHint,
} from './mismatch'

/**
 * Whose fault a failed attempt is, which decides whether another judge is worth trying:
 * - `proxy`: the proxy refused, rejected our credentials, spoke garbage or stalled. Final.
 * - `judge`: the proxy worked but could not get an answer from this judge (it is down, refuses the
 *   proxy's connection, answers 5xx or nonsense over TLS). Try the next judge; if every judge fails
 *   this way the result is `judge_failed` and the proxy is not counted as failed, unless the proxy
 *   could not reach judges that answer when asked directly (`judgeUnreached`, judge-probe.ts).
 * - `either`: cannot be told apart from our side (a TLS failure inside the tunnel is a dead judge
 *   certificate or a proxy intercepting TLS; a connection dropped mid-request may be either's).
 *   Try the next judge; if none succeeds, report this code as a failure.
 */
export type FailureSide = 'proxy' | 'judge' | 'either'

/** A classified failure. Thrown from our own connectors so undici hands it back unchanged. */
export class CheckFailure extends Error {
  readonly code: CheckErrorCode
  readonly side: FailureSide
  /**
   * The proxy worked but says it could not reach the judge (CONNECT 5xx, SOCKS "unreachable").
   * If every judge failed so and one of them answers when asked directly, the judges are up and
   * the proxy's own upstream is what failed (see judge-probe.ts).
   */
  readonly judgeUnreached: boolean

  constructor(code: CheckErrorCode, side: FailureSide, message: string, judgeUnreached = false) {
    super(message)
    this.name = 'CheckFailure'
    this.code = code
    this.side = side
    this.judgeUnreached = judgeUnreached
  }
}

export function judgeFailure(message: string): CheckFailure {
  return new CheckFailure('judge_failed', 'judge', message)
}

/** The proxy reports it could not reach the judge: the judge's fault unless it answers directly. */
export function judgeUnreached(message: string): CheckFailure {
  return new CheckFailure('judge_failed', 'judge', message, true)
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : undefined
}

function describe(error: unknown): string {
  return errorCode(error) ?? (error instanceof Error ? error.message : String(error))
}

const localExhaustion = new Set(['EMFILE', 'ENFILE', 'EADDRNOTAVAIL', 'ENOBUFS', 'ENOMEM'])

/** TCP (or DNS) failure reaching the proxy itself. */
export function proxyConnectFailure(error: unknown): CheckFailure {
  const code = errorCode(error)
  if (
    code === 'ENOTFOUND' ||
    code === 'EAI_AGAIN' ||
    code === 'EAI_FAIL' ||
    code === 'EAI_NODATA'
  ) {
    return new CheckFailure('dns_failed', 'proxy', `proxy host name does not resolve (${code})`)
  }
  if (code === 'ETIMEDOUT') {
    return new CheckFailure('timeout', 'proxy', 'connecting to the proxy timed out')
  }
  if (code !== undefined && localExhaustion.has(code)) {
    // Out of descriptors or ports on this machine: nothing is known about the proxy. Final (other
    // judges would fail the same way) but not counted against the proxy.
    return new CheckFailure('judge_failed', 'proxy', `check could not run here (${code})`)
  }
  return new CheckFailure('refused', 'proxy', `cannot connect to the proxy (${describe(error)})`)
}

const certificateCodes = /^(ERR_TLS_|ERR_SSL_|UNABLE_TO_|CERT_|DEPTH_ZERO|SELF_SIGNED|HOSTNAME_)/

function isTlsError(error: unknown): boolean {
  const code = errorCode(error)
  return code !== undefined && certificateCodes.test(code)
}

export function proxyTlsFailure(error: unknown): CheckFailure {
  if (isTlsError(error)) {
    return new CheckFailure('tls_failed', 'proxy', `TLS to the proxy failed (${describe(error)})`)
  }
  return new CheckFailure('protocol_error', 'proxy', `proxy closed TLS setup (${describe(error)})`)
}

/** TLS with the judge, inside a working tunnel: a bad judge certificate or an intercepting proxy. */
export function judgeTlsFailure(error: unknown): CheckFailure {
  if (error instanceof CheckFailure) return error
  if (isTlsError(error)) {
    return new CheckFailure(
      'tls_failed',
      'either',
      `TLS with the judge failed (${describe(error)})`,
    )
  }
  if (errorCode(error) === 'UND_ERR_CONNECT_TIMEOUT') {
    return new CheckFailure('timeout', 'proxy', 'TLS with the judge timed out')
  }
  return new CheckFailure(
    'protocol_error',
    'either',
    `tunnel closed during TLS with the judge (${describe(error)})`,
  )
}

/** The HTTP proxy's answer to CONNECT, when it is not 200. */
export function tunnelStatusFailure(status: number): CheckFailure {
  if (status === 401 || status === 407) {
    return new CheckFailure('auth_failed', 'proxy', `proxy rejected the credentials (${status})`)
  }
  if (status === 403) {
    return new CheckFailure('auth_failed', 'proxy', 'proxy denied access (403)')
  }
  if (status >= 500) {
    // tinyproxy answers 500 "Unable to connect", others 502/503/504: the proxy is alive and
    // authenticated us; it could not reach this judge.
    return judgeUnreached(`proxy could not reach the judge (${status})`)
  }
  return new CheckFailure('protocol_error', 'proxy', `proxy answered CONNECT with ${status}`)
}

/** Errors raised while the CONNECT request itself was in flight (after TCP to the proxy). */
export function tunnelRequestFailure(error: unknown, state?: AttemptState): CheckFailure {
  if (error instanceof CheckFailure) return error
  const code = errorCode(error)
  if (code === 'UND_ERR_HEADERS_TIMEOUT') {
    return new CheckFailure('timeout', 'proxy', 'proxy did not answer CONNECT in time')
  }
  if (code === 'UND_ERR_SOCKET' || code === 'ECONNRESET' || code === 'EPIPE') {
    const hint = state && nothingRead(state) ? CLOSED_SILENTLY_HINT : ''
    return new CheckFailure(
      'protocol_error',
      'proxy',
      `proxy closed the connection during CONNECT${hint}`,
    )
  }
  return new CheckFailure(
    'protocol_error',
    'proxy',
    `proxy answered CONNECT with junk (${describe(error)})${socksAnswerHint(parserData(error))}`,
  )
}

// SOCKS handshakes fail with fixed English strings: the socks 2.8 package's ERRORS constants, which
// socks-handshake.ts keeps word for word.
type SocksRule = [RegExp, (match: RegExpExecArray) => CheckFailure]
const proxySide = (code: CheckErrorCode, message: string) => () =>
  new CheckFailure(code, 'proxy', message)

const socksRules: SocksRule[] = [
  [/Authentication failed/i, proxySide('auth_failed', 'SOCKS5 proxy rejected the credentials')],
  [
    /no accepted authentication type/i,
    proxySide('auth_failed', 'SOCKS5 proxy accepts none of our authentication methods'),
  ],
  [
    /rejected connection - NotAllowed/,
    proxySide('auth_failed', 'SOCKS5 proxy rules deny the connection (NotAllowed)'),
  ],
  [
    /rejected connection - (CommandNotSupported|AddressNotSupported)/,
    (match) => new CheckFailure('protocol_error', 'proxy', `SOCKS5 proxy answered ${match[1]}`),
  ],
  // Failure, NetworkUnreachable, HostUnreachable, ConnectionRefused, TTLExpired: the proxy
  // accepted us and tried; the judge could not be reached from there.
  [
    /Socks5 proxy rejected connection - (Failure|NetworkUnreachable|HostUnreachable|ConnectionRefused|TTLExpired)$/,
    (match) => judgeUnreached(`proxy could not reach the judge (SOCKS5 ${match[1]})`),
  ],
  [
    /Socks4 Proxy rejected connection - \(Rejected(Ident)?\)/,
    proxySide('auth_failed', 'SOCKS4 proxy rejected the ident check'),
  ],
  // 0x5B "request rejected or failed" cannot say which; dante sends it for an unreachable target.
  [
    /Socks4 Proxy rejected connection - \(Failed\)/,
    () => judgeUnreached('SOCKS4 proxy could not reach the judge or refused (0x5B)'),
  ],
  [/timed out/i, proxySide('timeout', 'SOCKS handshake timed out')],
  [
    /Socket closed/i,
    proxySide('protocol_error', 'proxy closed the connection during the SOCKS handshake'),
  ],
]

/**
 * A failure of the SOCKS handshake (the TCP connection to the proxy was already up). `reply` is
 * the first chunk the proxy sent, if any: an HTTP status line or another SOCKS version's reply
 * names the protocol the proxy does speak (mismatch.ts).
 */
export function socksFailure(
  error: unknown,
  reply: Buffer | null = null,
  asked: 4 | 5 = 5,
): CheckFailure {
  if (error instanceof CheckFailure) return error
  const message = error instanceof Error ? error.message : String(error)
  for (const [pattern, make] of socksRules) {
    const match = pattern.exec(message)
    if (!match) continue
    const failure = make(match)
    if (failure.code !== 'protocol_error' || reply === null) return failure
    const hint = httpAnswerHint(reply) || otherSocksHint(asked, reply)
    return hint ? new CheckFailure(failure.code, failure.side, failure.message + hint) : failure
  }
  const hint = reply === null ? '' : httpAnswerHint(reply) || otherSocksHint(asked, reply)
  return new CheckFailure(
    'protocol_error',
    'proxy',
    `proxy does not speak SOCKS as expected${hint}`,
  )
}
