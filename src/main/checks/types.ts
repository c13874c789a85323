import type { ReachabilityResult } from '../../shared/contracts/dto'
import type { AnonymityLevel, CheckErrorCode } from '../../shared/domain'
import type { ParsedProxy } from '../formats'

/**
 * The outcome of one check: `ok` or one of the stored failure codes (`judge_failed`: the judge,
 * not the proxy, failed).
 */
export type CheckOutcome = 'ok' | CheckErrorCode

/**
 * The proxy to check, credentials already decrypted by the caller. `remoteDns` (SOCKS only) hands
 * the judge's hostname to the proxy (socks5h; socks4a for SOCKS4) instead of resolving it locally;
 * HTTP proxies always resolve the name themselves.
 */
export type CheckTarget = Pick<
  ParsedProxy,
  'protocol' | 'remoteDns' | 'host' | 'port' | 'username' | 'password'
>

/** A custom check: the check passes when the page at `url` contains `keyword`. */
export interface CustomCheck {
  url: string
  keyword: string
}

export interface CheckOptions {
  /** The whole check, every judge included, ends by this (plus scheduling slack). */
  timeoutMs: number
  /** IP-echo URLs tried in order; the next one only when the previous failed on the judge's side. */
  judges: readonly string[]
  /**
   * When every judge failed only because the proxy could not reach it, ask those judges directly
   * (judge-probe.ts); one that answers makes the result the proxy's failure. Default true.
   */
  askJudgesDirectly?: boolean
  /**
   * A plain-http header-echo judge (`{ "origin", "headers" }`, like httpbin's `/get`) asked through
   * HTTP(S) proxies for their anonymity level when the IP judge that answered echoed no headers.
   * Null or absent: no second request (anonymity stays null unless the IP judge echoes headers).
   */
  anonymityJudge?: string | null
  /** Replaces the judges: fetch this URL through the proxy and look for the keyword. */
  custom?: CustomCheck
  /** Response bytes read at most: 64 KiB for judges, 1 MiB for custom checks unless set. */
  bodyLimitBytes?: number
  /** Aborting ends the check at once with `timeout` / "check cancelled"; do not record it. */
  signal?: AbortSignal
}

export interface JudgeAttempt {
  judge: string
  errorCode: CheckOutcome
  errorMessage: string | null
}

export interface CheckResult {
  ok: boolean
  errorCode: CheckOutcome
  /** Human-readable detail; never contains the proxy's username or password. */
  errorMessage: string | null
  /** TCP connect to the proxy (ms), in the attempt that decided the result; null if never reached. */
  connectMs: number | null
  /** From the start of that attempt to the judge's response headers. */
  ttfbMs: number | null
  /** The whole check, judge fallbacks included. */
  totalMs: number
  exitIp: string | null
  /** Offline lookups of the exit IP (geo.ts); all null for loopback and private exits. */
  country: string | null
  region: string | null
  city: string | null
  /** IANA timezone of the exit's place. */
  timezone: string | null
  asn: number | null
  org: string | null
  /** HTTP proxies answering a plain-HTTP judge; `not_applicable` for SOCKS; null when unknown. */
  anonymity: AnonymityLevel | null
  /** The platform targets fetched through the proxy, when the check asked for any. */
  reachability: ReachabilityResult[] | null
  /** The judge (or custom URL) whose answer decided the result. */
  judge: string | null
  /** Every judge tried, in order, with its own outcome. */
  attempts: JudgeAttempt[]
}

export const JUDGE_BODY_LIMIT = 64 * 1024
export const CUSTOM_BODY_LIMIT = 1024 * 1024
