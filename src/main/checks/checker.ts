import dns from 'node:dns'
import tls from 'node:tls'
import type { Dispatcher } from 'undici'
import { newAttemptState, type AttemptContext, type AttemptState } from './attempt-state'
import { runAttempt } from './attempt'
import type { CheckFailure } from './failure'
import { nowhere, type GeoLookup } from './geo'
import { createJudgeProbe, type JudgeProbe } from './judge-probe'
import { nothingRead, SILENT_TO_SOCKS_HINT } from './mismatch'
import { redactCredentials } from '../formats/redact'
import {
  CUSTOM_BODY_LIMIT,
  JUDGE_BODY_LIMIT,
  type CheckOutcome,
  type CheckOptions,
  type CheckResult,
  type CheckTarget,
  type JudgeAttempt,
} from './types'

export interface CheckerOptions {
  /** Opened once by the caller (openGeo) and shared; without it country and city stay null. */
  geo?: GeoLookup | null
  /** Extra trust anchors, added to Node's roots, for https judges and https proxies. */
  ca?: string | Buffer | ReadonlyArray<string | Buffer>
}

export interface Checker {
  /** One check of one proxy. Never throws; ends by `timeoutMs` (plus scheduling slack). */
  check(target: CheckTarget, options: CheckOptions): Promise<CheckResult>
  /** Ends every check in flight at once (they resolve as cancelled). */
  close(): void
}

interface Current {
  judge: string
  state: AttemptState
  dispatcher: Dispatcher | null
}

interface Run {
  over: boolean
  attempts: JudgeAttempt[]
  current: Current | null
}

interface Verdict {
  code: CheckOutcome
  message: string | null
  exitIp: string | null
  judge: string | null
  state: AttemptState | null
}

/**
 * Passed to every teardown. Without an error undici builds a new one per destroyed client, and
 * another per closed socket (stack traces included): measurable at hundreds of checks a second.
 * The dispatcher goes first so undici sees this error before its socket closes.
 */
const ATTEMPT_OVER = Object.assign(new Error('the check is over'), { code: 'UND_ERR_DESTROYED' })

function endAttempt(current: Current | null): void {
  if (!current) return
  current.state.closed = true
  current.dispatcher?.destroy(ATTEMPT_OVER).catch(() => {})
  for (const socket of current.state.sockets) socket.destroy()
}

const IP_CACHE_MS = 60_000
const PROBE_MARGIN_MS = 50

/** Local resolution for SOCKS without remote DNS; IPv4 first, cached so bulk runs ask once. */
function createResolver(): AttemptContext['resolveHost'] {
  const cache = new Map<string, { expires: number; address: Promise<string> }>()
  return (host, family) => {
    const key = `${family}/${host}`
    const hit = cache.get(key)
    if (hit && hit.expires > Date.now()) return hit.address
    if (cache.size > 1_000) cache.clear()
    const address = dns.promises.lookup(host, { all: true, family }).then((list) => {
      const chosen = list.find((entry) => entry.family === 4) ?? list[0]
      if (!chosen) throw Object.assign(new Error('no address'), { code: 'ENOTFOUND' })
      return chosen.address
    })
    cache.set(key, { expires: Date.now() + IP_CACHE_MS, address })
    address.catch(() => cache.delete(key))
    return address
  }
}

export function createChecker(options: CheckerOptions = {}): Checker {
  const extra = options.ca === undefined ? [] : [options.ca].flat()
  // One secure context for every TLS connection: building one per connection from ~150 root
  // certificates would cost more than the check itself.
  const secureContext = extra.length
    ? tls.createSecureContext({ ca: [...tls.rootCertificates, ...extra] })
    : undefined
  const resolveHost = createResolver()
  const probe = createJudgeProbe(secureContext)
  const inFlight = new Set<() => void>()

  async function check(target: CheckTarget, checkOptions: CheckOptions): Promise<CheckResult> {
    const started = performance.now()
    const context: AttemptContext = {
      secureContext,
      resolveHost,
      deadlineAt: started + checkOptions.timeoutMs,
    }
    const run: Run = { over: false, attempts: [], current: null }
    let timer: NodeJS.Timeout | undefined
    let cancel: () => void = () => {}
    const deadline = new Promise<Verdict>((resolve) => {
      const stopWith = (message: string) => () => {
        if (run.over) return // already decided (or the timer and a cancel raced)
        const verdict = interrupted(run, message, target)
        run.over = true
        endAttempt(run.current)
        resolve(verdict)
      }
      timer = setTimeout(
        stopWith(`no answer within ${checkOptions.timeoutMs} ms`),
        checkOptions.timeoutMs,
      )
      cancel = stopWith('check cancelled')
    })
    const signal = checkOptions.signal
    signal?.addEventListener('abort', cancel, { once: true })
    if (signal?.aborted) cancel()
    inFlight.add(cancel)
    try {
      const judged = runJudges(target, checkOptions, context, run, probe).catch(
        (error: unknown): Verdict => ({
          code: 'protocol_error',
          message: `internal error: ${error instanceof Error ? error.message : String(error)}`,
          exitIp: null,
          judge: run.current?.judge ?? null,
          state: run.current?.state ?? null,
        }),
      )
      const verdict = await Promise.race([judged, deadline])
      return toResult(verdict, run, target, started, options.geo ?? null)
    } finally {
      clearTimeout(timer)
      run.over = true
      endAttempt(run.current)
      signal?.removeEventListener('abort', cancel)
      inFlight.delete(cancel)
    }
  }

  return {
    check,
    close() {
      for (const cancel of [...inFlight]) cancel()
    },
  }
}

function interrupted(run: Run, message: string, target: CheckTarget): Verdict {
  const current = run.current
  let detail = current ? `${message} (${current.state.stage})` : message
  // A SOCKS greeting met with silence: HTTP proxies wait for a request line (mismatch.ts).
  if (
    current &&
    current.state.stage === 'proxy handshake' &&
    target.protocol !== 'http' &&
    target.protocol !== 'https' &&
    nothingRead(current.state)
  ) {
    detail += SILENT_TO_SOCKS_HINT
  }
  if (current)
    run.attempts.push({ judge: current.judge, errorCode: 'timeout', errorMessage: detail })
  return {
    code: 'timeout',
    message: detail,
    exitIp: null,
    judge: current?.judge ?? null,
    state: current?.state ?? null,
  }
}

async function runJudges(
  target: CheckTarget,
  options: CheckOptions,
  context: AttemptContext,
  run: Run,
  probe: JudgeProbe,
): Promise<Verdict> {
  const custom = options.custom
  const urls = custom ? [custom.url] : options.judges
  const bodyLimit = options.bodyLimitBytes ?? (custom ? CUSTOM_BODY_LIMIT : JUDGE_BODY_LIMIT)
  let undecided: { failure: CheckFailure; judge: string; state: AttemptState } | null = null
  let last: { judge: string; state: AttemptState } | null = null
  const unreached: string[] = []
  for (const url of urls) {
    if (run.over) break
    const state = newAttemptState()
    const current: Current = { judge: url, state, dispatcher: null }
    run.current = current
    const outcome = await runAttempt(
      target,
      { url, keyword: custom?.keyword, bodyLimit },
      state,
      context,
      (dispatcher) => {
        current.dispatcher = dispatcher
      },
    )
    if (run.over) break // the deadline already answered for this check
    endAttempt(current)
    run.current = null
    last = { judge: url, state }
    if (outcome.ok) {
      run.attempts.push({ judge: url, errorCode: 'ok', errorMessage: null })
      return { code: 'ok', message: null, exitIp: outcome.exitIp, judge: url, state }
    }
    const { failure } = outcome
    run.attempts.push({ judge: url, errorCode: failure.code, errorMessage: failure.message })
    if (failure.side === 'proxy') {
      return { code: failure.code, message: failure.message, exitIp: null, judge: url, state }
    }
    if (failure.side === 'either') undecided = { failure, judge: url, state }
    if (failure.judgeUnreached) unreached.push(url)
  }
  if (undecided) {
    const { failure, judge, state } = undecided
    return { code: failure.code, message: failure.message, exitIp: null, judge, state }
  }
  const summary = run.attempts.map((attempt) => `${attempt.judge}: ${attempt.errorMessage}`)
  // Leave the deadline timer a moment to answer if the probe cannot finish in time.
  const budget = context.deadlineAt - performance.now() - PROBE_MARGIN_MS
  const ask = options.askJudgesDirectly !== false && !run.over
  if (ask && (await probe(unreached, { keyword: custom?.keyword, bodyLimit }, budget))) {
    return {
      code: 'bad_response',
      message:
        `the proxy could not reach ${unreached.length === 1 ? 'the judge' : 'any judge'}, ` +
        `which answers when asked directly: its own connection is down (${summary.join('; ')})`,
      exitIp: null,
      judge: last?.judge ?? null,
      state: last?.state ?? null,
    }
  }
  return {
    code: 'judge_failed',
    message: urls.length ? `no judge answered (${summary.join('; ')})` : 'no judge configured',
    exitIp: null,
    judge: last?.judge ?? null,
    state: last?.state ?? null,
  }
}

function toResult(
  verdict: Verdict,
  run: Run,
  target: CheckTarget,
  started: number,
  geo: GeoLookup | null,
): CheckResult {
  const redact = (text: string | null): string | null =>
    text === null ? null : redactCredentials(text, target)
  const place = verdict.exitIp && geo ? geo.lookup(verdict.exitIp) : nowhere
  return {
    ok: verdict.code === 'ok',
    errorCode: verdict.code,
    errorMessage: redact(verdict.message),
    connectMs: verdict.state?.connectMs ?? null,
    ttfbMs: verdict.state?.ttfbMs ?? null,
    totalMs: Math.round(performance.now() - started),
    exitIp: verdict.exitIp,
    country: place.country,
    region: place.region,
    city: place.city,
    timezone: place.timezone,
    asn: place.asn,
    org: place.org,
    anonymity: null,
    reachability: null,
    judge: verdict.judge,
    attempts: run.attempts.map((attempt) => ({
      ...attempt,
      errorMessage: redact(attempt.errorMessage),
    })),
  }
}
