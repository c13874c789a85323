import { z } from 'zod'
import { defineContract } from '../contract'
import type { CheckErrorCode, ProxyProtocol } from '../domain'
import type { CheckResultDto } from './checks'
import { id } from './common'
import type { ProxyDto } from './dto'

/*
 * Protocol detection of a stored proxy: real checks through http, then socks5, then socks4, stopping
 * at the first that works (or as soon as an answer shows which protocol the proxy speaks, or that
 * nothing listens). Nothing is recorded: no check row, no status change. With `apply: true` the
 * proxy is switched to what worked, unless another stored proxy already has that endpoint (then
 * `conflict` says which, and nothing changes).
 */

export const detectProtocolInput = z.strictObject({
  id,
  /** Switch the proxy to the protocol that worked (default: only report it). */
  apply: z.boolean().default(false),
})

/** A protocol as a proxy row stores it: SOCKS5 with remote DNS is socks5h. */
export interface ProtocolChoice {
  protocol: ProxyProtocol
  remoteDns: boolean
}

/** One protocol tried: a real check through it. */
export interface ProtocolAttempt extends ProtocolChoice {
  ok: boolean
  errorCode: CheckErrorCode | null
  errorMessage: string | null
  totalMs: number
}

/** The passing check through the detected protocol. */
export type DetectedCheck = Pick<
  CheckResultDto,
  'connectMs' | 'totalMs' | 'exitIp' | 'country' | 'city' | 'timezone' | 'judge'
>

export interface DetectProtocolResult {
  proxyId: number
  /** What the proxy was stored as when detection started. */
  stored: ProtocolChoice
  /** The first protocol whose check passed; null when none did. */
  detected: ProtocolChoice | null
  /** `detected` differs from `stored`. */
  differs: boolean
  check: DetectedCheck | null
  /** In the order tried. */
  attempts: ProtocolAttempt[]
  /** One sentence: what works, or why nothing did. */
  message: string
  /** The proxy now uses `detected` (asked with `apply`, it differed, and nothing clashed). */
  applied: boolean
  /** `apply` refused: another stored proxy has this endpoint with the detected protocol. */
  conflict: { existingId: number; message: string } | null
  /** The proxy as stored after the call. */
  proxy: ProxyDto
}

export const detectContracts = {
  'proxies:detectProtocol': defineContract<DetectProtocolResult>()(
    'proxies:detectProtocol',
    detectProtocolInput,
  ),
}

export type DetectProtocolInput = z.output<typeof detectProtocolInput>
