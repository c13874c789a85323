import type {
  DetectedCheck,
  DetectProtocolInput,
  DetectProtocolResult,
  ProtocolAttempt,
  ProtocolChoice,
} from '../../shared/contracts/detect'
import { AppError } from '../../shared/errors'
import { exclusiveGate } from '../db/exclusive'
import { getProxyDto, updateProxy } from '../services/proxies'
import type { ServiceContext } from '../services/service-context'
import { notFound } from '../services/service-context'
import { readSettings } from '../services/settings'
import type { Checker } from './checker'
import { assertPasswordsReadable, openTarget, targetsByIds } from './run-targets'
import type { CheckOptions, CheckResult, CheckTarget } from './types'

/*
 * Which protocol a proxy speaks, found by real checks. The order is http, socks5 (remote DNS:
 * an HTTP proxy resolves names itself, so that keeps the DNS where it was), socks4: SOCKS servers
 * answer an HTTP request at once (microsocks with 05 FF, dante by closing), while HTTP proxies
 * wait in silence for a SOCKS greeting until the deadline (tinyproxy, squid), so HTTP first costs
 * the least. It stops at the first check that passes, and earlier when an answer settles it:
 * nothing listens (refused, the host does not resolve), or the proxy clearly speaks the protocol
 * (it rejected the credentials, or could not reach the judges) and only the check failed.
 */

export interface DetectOutcome {
  detected: ProtocolChoice | null
  check: DetectedCheck | null
  attempts: ProtocolAttempt[]
  message: string
}

export function protocolName(choice: ProtocolChoice): string {
  const name = choice.protocol.toUpperCase()
  return choice.protocol === 'socks5' && choice.remoteDns ? `${name} (remote DNS)` : name
}

function sameChoice(a: ProtocolChoice, b: ProtocolChoice): boolean {
  return a.protocol === b.protocol && (a.protocol !== 'socks5' || a.remoteDns === b.remoteDns)
}

/** Candidates in order; `first` (an import line's own protocol) goes ahead of the rest. */
function candidates(stored: ProtocolChoice, first: ProtocolChoice | null): ProtocolChoice[] {
  const list: ProtocolChoice[] = [
    { protocol: 'http', remoteDns: false },
    { protocol: 'socks5', remoteDns: true },
    { protocol: 'socks4', remoteDns: false },
  ]
  // A TLS proxy answers none of the plain ones; try it as stored first.
  if (stored.protocol === 'https') list.unshift({ protocol: 'https', remoteDns: false })
  if (first) {
    const rest = list.filter((choice) => !sameChoice(choice, first))
    return [first, ...rest]
  }
  return list
}

/** Failures that show the proxy speaks the protocol tried: only the check itself failed. */
const speaks = new Set(['auth_failed', 'judge_failed', 'bad_response'])
/** Failures that show nothing answers at all: no other protocol will do better. */
const unreachable = new Set(['refused', 'dns_failed'])

function toAttempt(choice: ProtocolChoice, result: CheckResult): ProtocolAttempt {
  return {
    protocol: choice.protocol,
    remoteDns: choice.remoteDns,
    ok: result.ok,
    errorCode: result.ok ? null : (result.errorCode as ProtocolAttempt['errorCode']),
    errorMessage: result.errorMessage,
    totalMs: result.totalMs,
  }
}

function toCheck(result: CheckResult): DetectedCheck {
  return {
    connectMs: result.connectMs,
    totalMs: result.totalMs,
    exitIp: result.exitIp,
    country: result.country,
    city: result.city,
    timezone: result.timezone,
    judge: result.judge,
  }
}

/**
 * Tries the protocols on one target (credentials already opened). Never throws; records nothing.
 * `first`: a protocol to try before the usual order (import lines that name one).
 */
export async function detectProtocol(
  checker: Checker,
  target: CheckTarget,
  options: CheckOptions,
  first: ProtocolChoice | null = null,
): Promise<DetectOutcome> {
  const stored = { protocol: target.protocol, remoteDns: target.remoteDns }
  const attempts: ProtocolAttempt[] = []
  let spoken: { choice: ProtocolChoice; message: string | null } | null = null
  for (const choice of candidates(stored, first)) {
    const result = await checker.check(
      {
        protocol: choice.protocol,
        remoteDns: choice.remoteDns,
        host: target.host,
        port: target.port,
        username: target.username,
        password: target.password,
      },
      options,
    )
    if (options.signal?.aborted) break
    attempts.push(toAttempt(choice, result))
    if (result.ok) {
      return {
        detected: choice,
        check: toCheck(result),
        attempts,
        message: `Works as ${protocolName(choice)}.`,
      }
    }
    const code = result.errorCode
    if (unreachable.has(code)) {
      return {
        detected: null,
        check: null,
        attempts,
        message: `None worked: ${result.errorMessage}.`,
      }
    }
    if (!speaks.has(code)) continue
    // A SOCKS5 refusal (rules deny, say) does not rule SOCKS4 out: dante can serve SOCKS4 alone
    // and answers SOCKS5 with NotAllowed. An HTTP answer does: SOCKS greetings would only hang.
    if (choice.protocol === 'socks5') spoken ??= { choice, message: result.errorMessage }
    // SOCKS5 through remote DNS reached no judge: the proxy may not resolve names; ask once with
    // names resolved here before settling.
    if (choice.protocol === 'socks5' && choice.remoteDns && code !== 'auth_failed') {
      const local = { protocol: 'socks5' as const, remoteDns: false }
      const again = await checker.check({ ...target, ...local }, options)
      if (options.signal?.aborted) break
      attempts.push(toAttempt(local, again))
      if (again.ok) {
        return {
          detected: local,
          check: toCheck(again),
          attempts,
          message: `Works as ${protocolName(local)}.`,
        }
      }
    }
    if (choice.protocol === 'socks5') continue
    return {
      detected: null,
      check: null,
      attempts,
      message: `None worked: the proxy answers as ${protocolName(choice)}, but the check failed (${result.errorMessage}).`,
    }
  }
  if (spoken) {
    return {
      detected: null,
      check: null,
      attempts,
      message: `None worked: the proxy answers as ${protocolName(spoken.choice)}, but the check failed (${spoken.message}).`,
    }
  }
  const tried = attempts.map(protocolName).join(', ')
  return {
    detected: null,
    check: null,
    attempts,
    message: `None worked: ${tried || 'nothing'} tried, each failed.`,
  }
}

/** The check options a detection uses: the operator's judges and timeout, as a run would. */
export function detectionOptions(ctx: Pick<ServiceContext, 'sqlite'>): CheckOptions {
  const settings = readSettings(ctx.sqlite)
  return {
    timeoutMs: settings.checkTimeoutMs,
    judges: settings.judges,
    askJudgesDirectly: settings.askJudgesDirectly,
  }
}

/**
 * For `import:commit` with `detectProtocol`: a line's own protocol is tried first (a line naming
 * socks4 that works stays socks4), then the usual order.
 */
export function importRowDetector(
  ctx: Pick<ServiceContext, 'sqlite'>,
  checker: Checker,
): (proxy: CheckTarget) => Promise<ProtocolChoice | null> {
  const options = detectionOptions(ctx)
  return async (proxy) => {
    const own = { protocol: proxy.protocol, remoteDns: proxy.remoteDns }
    const outcome = await detectProtocol(checker, proxy, options, own)
    return outcome.detected
  }
}

/** `proxies:detectProtocol`: detect for a stored proxy; switch it with `apply`. */
export async function detectStoredProtocol(
  ctx: ServiceContext,
  checker: Checker,
  input: DetectProtocolInput,
): Promise<DetectProtocolResult> {
  const [row] = targetsByIds(ctx, [input.id])
  if (!row) throw notFound('proxy', input.id)
  assertPasswordsReadable(ctx, [row])
  const target = openTarget(ctx, row)
  if (!target) {
    throw new AppError('KEYCHAIN_UNAVAILABLE', 'The proxy password could not be opened.', {
      proxiesWithPasswords: 1,
    })
  }
  const stored = { protocol: row.protocol, remoteDns: row.remoteDns }
  const outcome = await detectProtocol(checker, target, detectionOptions(ctx))
  const differs = outcome.detected !== null && !sameChoice(outcome.detected, stored)
  let message = outcome.message
  if (outcome.detected && !differs) message = `Works as stored (${protocolName(stored)}).`
  else if (outcome.detected)
    message = `${outcome.message.slice(0, -1)}, not as stored (${protocolName(stored)}).`
  let applied = false
  let conflict: DetectProtocolResult['conflict'] = null
  if (input.apply && differs && outcome.detected) {
    // An import may hold the connection meanwhile; its transaction is nobody else's to join.
    await exclusiveGate(ctx.sqlite).whenFree()
    try {
      updateProxy(ctx, {
        id: input.id,
        protocol: outcome.detected.protocol,
        remoteDns: outcome.detected.remoteDns,
      })
      applied = true
    } catch (error) {
      const details =
        error instanceof AppError
          ? (error.details as { constraint?: string; existingId?: number } | undefined)
          : undefined
      if (!(error instanceof AppError) || details?.constraint !== 'proxies_endpoint_unique')
        throw error
      conflict = {
        existingId: details.existingId ?? 0,
        message: `Not switched to ${protocolName(outcome.detected)}: ${error.message}`,
      }
    }
  }
  return {
    proxyId: input.id,
    stored,
    detected: outcome.detected,
    differs,
    check: outcome.check,
    attempts: outcome.attempts,
    message,
    applied,
    conflict,
    proxy: getProxyDto(ctx, input.id),
  }
}
