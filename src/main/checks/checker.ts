import dns from 'node:dns'
import tls from 'node:tls'
import type { Dispatcher } from 'undici'
import type { AnonymityLevel } from '../../shared/domain'
import { ADDRESS_HEADERS, classifyAnonymity, type EchoedHeaders } from './anonymity'
import { newAttemptState, type AttemptContext, type AttemptState } from './attempt-state'
import { runAttempt } from './attempt'
import type { CheckFailure } from './failure'
import { nowhere, type GeoLookup, type GeoPlace } from './geo'
import { createJudgeProbe, type JudgeProbe } from './judge-probe'
import { createOwnAddresses, type OwnAddresses } from './own-addresses'
import { reachTargets } from './reachability'
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
  /**
   * The exit profile of each successful check: geo lookup of the exit IP and the anonymity level.
   * Default true; false skips both (country/city/... and anonymity stay null), which is what the
   * check benchmark compares against.
   */
  exitProfile?: boolean
  /** This computer's addresses, for telling a transparent proxy (tests may fix the set). */
  ownAddresses?: OwnAddresses
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
  /** The judges gave their verdict (`ok`); a deadline now only ends the anonymity request. */
  judged: boolean
  attempts: JudgeAttempt[]
  current: Current | null
}

interface Verdict {
  code: CheckOutcome
  message: string | null
  exitIp: string | null
  judge: string | null
  state: AttemptState | null
  /** The request headers the deciding judge echoed (plain HTTP through the proxy only). */
  headers?: EchoedHeaders | null
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

const noop = (): void => {}

/**
 * The checks listening on each signal (a bulk run's: as many as its concurrency). One listener per
 * signal calls them all: adding and removing an EventTarget listener per check walks the
 * signal's whole list of listeners each time (Node checks for duplicates), so a run at
 * concurrency 256 paid for 256 listeners on every check.
 */
const listening = new WeakMap<AbortSignal, Set<() => void>>()

function onAbort(signal: AbortSignal, cancel: () => void): () => void {
  let cancels = listening.get(signal)
  if (!cancels) {
    const all = new Set<() => void>()
    signal.addEventListener(
      'abort',
      () => {
        for (const each of [...all]) each()
      },
      { once: true },
    )
    listening.set(signal, all)
    cancels = all
  }
  const set = cancels
  set.add(cancel)
  return () => {
    set.delete(cancel)
  }
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
  const profile = options.exitProfile !== false
  const own = options.ownAddresses ?? createOwnAddresses()
  const probe = createJudgeProbe(secureContext, own.learn)
  const inFlight = new Set<() => void>()

  async function check(target: CheckTarget, checkOptions: CheckOptions): Promise<CheckResult> {
    const started = performance.now()
    const context: AttemptContext = {
      secureContext,
      resolveHost,
      deadlineAt: started + checkOptions.timeoutMs,
    }
    const run: Run = { over: false, judged: false, attempts: [], current: null }
    let timer: NodeJS.Timeout | undefined
    let cancel: () => void = () => {}
    const deadline = new Promise<Verdict>((resolve) => {
      const stopWith = (message: string) => () => {
        if (run.over) return // already decided (or the timer and a cancel raced)
        const verdict = run.judged ? TOO_LATE : interrupted(run, message, target)
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
    const unlisten = signal ? onAbort(signal, cancel) : noop
    if (signal?.aborted) cancel()
    inFlight.add(cancel)
    try {
      const judged = runJudges(target, checkOptions, context, run, probe, profile).catch(
        (error: unknown): Verdict => ({
          code: 'protocol_error',
          message: `internal error: ${error instanceof Error ? error.message : String(error)}`,
          exitIp: null,
          judge: run.current?.judge ?? null,
          state: run.current?.state ?? null,
        }),
      )
      const verdict = await Promise.race([judged, deadline])
      let anonymity: AnonymityLevel | null = null
      if (profile && verdict.code === 'ok' && !checkOptions.custom) {
        run.judged = true
        anonymity = await judgeAnonymity(target, verdict, checkOptions, context, run, {
          own,
          probe,
          deadline,
        })
      }
      const geo = profile ? (options.geo ?? null) : null
      const result = toResult(verdict, run, target, started, geo, anonymity)
      // Only a working proxy's targets say anything about the platforms; totalMs (the proxy's
      // response time) is already measured, and the targets share what is left of the deadline.
      const targets = checkOptions.targets
      if (result.ok && !run.over && targets && targets.length > 0) {
        result.reachability = await reachTargets(target, targets, context, deadline)
      }
      return result
    } finally {
      clearTimeout(timer)
      run.over = true
      endAttempt(run.current)
      unlisten()
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

/** What the deadline resolves with once the judges have decided; never used as the result. */
const TOO_LATE: Verdict = Object.freeze({
  code: 'timeout',
  message: null,
  exitIp: null,
  judge: null,
  state: null,
})

/**
 * SOCKS: `not_applicable` (the proxy relays bytes, it cannot add headers). HTTP(S): the headers
 * the IP judge echoed, when it is a plain-http header-echo judge (no extra request); otherwise one
 * plain-HTTP request through the proxy to `anonymityJudge`, inside the check's deadline. Null when
 * neither gives echoed headers: never guessed, and the check's result does not depend on it.
 */
async function judgeAnonymity(
  target: CheckTarget,
  verdict: Verdict,
  options: CheckOptions,
  context: AttemptContext,
  run: Run,
  tools: { own: OwnAddresses; probe: JudgeProbe; deadline: Promise<unknown> },
): Promise<AnonymityLevel | null> {
  if (target.protocol === 'socks4' || target.protocol === 'socks5') return 'not_applicable'
  const { own, probe, deadline } = tools
  // A forwarded address that is neither the exit nor known as ours may be this computer's public
  // address behind NAT, not learnt yet: ask that judge directly once (cached, like the judge
  // probe it is) before calling the proxy anonymous rather than transparent.
  const classify = async (
    headers: EchoedHeaders,
    exitIp: string | null,
    judge: string,
  ): Promise<AnonymityLevel> => {
    const level = classifyAnonymity(headers, exitIp, own.has)
    if (level !== 'anonymous' || own.learntAny() || options.askJudgesDirectly === false) {
      return level
    }
    if (!ADDRESS_HEADERS.some((name) => headers[name] !== undefined)) return level
    const budget = context.deadlineAt - performance.now() - PROBE_MARGIN_MS
    await probe([judge], { bodyLimit: JUDGE_BODY_LIMIT }, budget)
    return classifyAnonymity(headers, exitIp, own.has)
  }
  if (verdict.headers && verdict.judge)
    return classify(verdict.headers, verdict.exitIp, verdict.judge)
  const url = options.anonymityJudge
  if (!url || run.over) return null
  const state = newAttemptState()
  const current: Current = { judge: url, state, dispatcher: null }
  run.current = current
  const outcome = await Promise.race([
    runAttempt(
      target,
      { url, bodyLimit: JUDGE_BODY_LIMIT, withHeaders: true },
      state,
      context,
      (dispatcher) => {
        current.dispatcher = dispatcher
      },
    ),
    deadline.then(() => null),
  ])
  endAttempt(current)
  run.current = null
  if (!outcome?.ok || !outcome.headers || run.over) return null
  return classify(outcome.headers, outcome.exitIp, url)
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
  profile: boolean,
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
      { url, keyword: custom?.keyword, bodyLimit, withHeaders: profile && !custom },
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
      return {
        code: 'ok',
        message: null,
        exitIp: outcome.exitIp,
        judge: url,
        state,
        headers: outcome.headers,
      }
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

/** Where an exit IP is, by `geo` (nowhere without one); the check thread's main half uses it too. */
export function placeOf(exitIp: string | null, geo: GeoLookup | null): GeoPlace {
  return exitIp && geo ? geo.lookup(exitIp) : nowhere
}

function toResult(
  verdict: Verdict,
  run: Run,
  target: CheckTarget,
  started: number,
  geo: GeoLookup | null,
  anonymity: AnonymityLevel | null,
): CheckResult {
  const redact = (text: string | null): string | null =>
    text === null ? null : redactCredentials(text, target)
  const place = placeOf(verdict.exitIp, geo)
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
    anonymity,
    reachability: null,
    judge: verdict.judge,
    attempts: run.attempts.map((attempt) => ({
      ...attempt,
      errorMessage: redact(attempt.errorMessage),
    })),
  }
}
