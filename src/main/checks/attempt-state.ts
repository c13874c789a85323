import type net from 'node:net'
import type tls from 'node:tls'

/** Where an attempt stands; named in timeout messages so an operator sees where it stalled. */
export type Stage =
  | 'resolving the judge name'
  | 'connecting to the proxy'
  | 'proxy handshake'
  | 'TLS with the judge'
  | 'waiting for the judge'
  | 'reading the answer'

/** Shared by everything one attempt (one judge through one proxy) opens. */
export interface AttemptState {
  startedAt: number
  stage: Stage
  connectMs: number | null
  ttfbMs: number | null
  /**
   * Every socket opened toward the proxy. Destroying them is what really ends a stalled CONNECT or
   * a drip: undici ignores abort signals while a tunnel is being set up.
   */
  sockets: Set<net.Socket>
  /** Set once the deadline passed or the check was cancelled: connectors give up. */
  closed: boolean
}

/** What every attempt of one checker shares. */
export interface AttemptContext {
  /** Built once per checker: extra CA on top of Node's roots (tests, private judges). */
  secureContext: tls.SecureContext | undefined
  /** Local name resolution for SOCKS without remote DNS (cached per checker). */
  resolveHost(host: string, family: 0 | 4): Promise<string>
  /** performance.now() value at which the check must be over. */
  deadlineAt: number
}

export function newAttemptState(): AttemptState {
  return {
    startedAt: performance.now(),
    stage: 'connecting to the proxy',
    connectMs: null,
    ttfbMs: null,
    sockets: new Set(),
    closed: false,
  }
}

export function elapsed(state: AttemptState): number {
  return Math.round(performance.now() - state.startedAt)
}

/**
 * For the library timeouts (undici headers/body/TLS, socks handshake): a little past the check's
 * own deadline, so they only back it up and every timeout reads the same way.
 */
export function backstopMs(context: AttemptContext): number {
  return Math.max(1, Math.floor(context.deadlineAt - performance.now())) + 1_000
}
