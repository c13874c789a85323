import type {
  AlertProxy,
  CheckResultDto,
  FailoverMove,
  FailoverStranded,
  HealthStatus,
  MonitorAlert,
  RunOrigin,
} from '../../shared/contracts/checks'
import type { ExitCollisionDto } from '../../shared/contracts/assignments'
import { AppError } from '../../shared/errors'
import { collisionSentence } from '../services/assignment/exit-collisions'
import { reassignAccount } from '../services/assignment/moves'
import { stmt, type ServiceContext } from '../services/service-context'

/** The fleet's health for the tray: proxies in `error` among the monitored (active + error). */
export function healthStatus(ctx: Pick<ServiceContext, 'sqlite'>): HealthStatus {
  const row = stmt(
    ctx.sqlite,
    `SELECT count(*) AS total, coalesce(sum(status = 'error'), 0) AS failing
       FROM proxies WHERE status IN ('active', 'error')`,
  ).get() as { total: number; failing: number }
  const level = row.failing === 0 ? 'ok' : row.failing * 2 > row.total ? 'error' : 'warning'
  return { failing: row.failing, total: row.total, level }
}

/** One entry per proxy: its last transition in the run (a proxy checked twice counts once). */
export function netTransitions(results: readonly CheckResultDto[]): {
  failed: CheckResultDto[]
  recovered: CheckResultDto[]
} {
  const last = new Map<number, CheckResultDto>()
  for (const result of results) {
    const before = last.get(result.proxyId)
    // Failed then recovered within one run (or the reverse) is no change at all.
    if (before && before.transition !== result.transition) last.delete(result.proxyId)
    else last.set(result.proxyId, result)
  }
  const all = [...last.values()].sort((a, b) => a.proxyId - b.proxyId)
  return {
    failed: all.filter((r) => r.transition === 'failed'),
    recovered: all.filter((r) => r.transition === 'recovered'),
  }
}

interface AccountOnProxy {
  id: number
  username: string
}

/**
 * Moves the active accounts off proxies that just went to `error`, each to the first available
 * proxy of its model (history `reassigned`, reason `proxy_failed`, actor `system`). An account no
 * other proxy can take stays where it is, reported as stranded: releasing it would lose where it
 * was, and the operator may prefer to wait for the proxy to come back.
 */
export function failOver(
  ctx: ServiceContext,
  proxyIds: readonly number[],
): { moved: FailoverMove[]; stranded: FailoverStranded[] } {
  const moved: FailoverMove[] = []
  const stranded: FailoverStranded[] = []
  for (const proxyId of proxyIds) {
    const accounts = stmt(
      ctx.sqlite,
      `SELECT id, username FROM accounts WHERE proxy_id = ? AND status = 'active' ORDER BY id`,
    ).all(proxyId) as AccountOnProxy[]
    for (const account of accounts) {
      try {
        const to = reassignAccount(ctx, account.id, 'auto', {
          reason: 'proxy_failed',
          actor: 'system',
        })
        moved.push({
          accountId: account.id,
          username: account.username,
          fromProxyId: proxyId,
          toProxyId: to,
        })
      } catch (error) {
        if (!(error instanceof AppError)) throw error
        stranded.push({
          accountId: account.id,
          username: account.username,
          proxyId,
          reason: error.message,
        })
      }
    }
  }
  return { moved, stranded }
}

/**
 * Proxies in `error` that still hold active accounts: what failover missed because the run that
 * failed them never got to it (the app was killed between writing the results and failing over),
 * or because failover was off then. Failover only reacts to transitions seen inside one run, so
 * the monitor looks for these on every round.
 */
export function proxiesLeftFailing(ctx: Pick<ServiceContext, 'sqlite'>): number[] {
  const rows = stmt(
    ctx.sqlite,
    `SELECT id FROM proxies
      WHERE status = 'error'
        AND EXISTS (SELECT 1 FROM accounts WHERE proxy_id = proxies.id AND status = 'active')
      ORDER BY id`,
  ).all() as { id: number }[]
  return rows.map((row) => row.id)
}

const SHOWN = 5

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`
}

function endpoints(list: readonly AlertProxy[]): string {
  const shown = list.slice(0, SHOWN).map((p) => p.label)
  const more = list.length > SHOWN ? ` and ${list.length - SHOWN} more` : ''
  return shown.join(', ') + more
}

function toAlertProxy(result: CheckResultDto): AlertProxy {
  return {
    id: result.proxyId,
    label: result.label,
    errorCode: result.errorCode,
    errorMessage: result.errorMessage,
  }
}

export interface AlertInput {
  runId: string
  origin: RunOrigin
  at: number
  failed: readonly CheckResultDto[]
  recovered: readonly CheckResultDto[]
  failover: { enabled: boolean; moved: FailoverMove[]; stranded: FailoverStranded[] }
  /** Failover of the accounts on proxies that were already `error` before this run. */
  leftFailing: { moved: FailoverMove[]; stranded: FailoverStranded[] }
  /** Failover off: active accounts left on the proxies that just failed. */
  accountsLeft: number
  /** Exit collisions among assigned proxies this run revealed (new ones). */
  collisions?: readonly ExitCollisionDto[]
}

/**
 * The one aggregated alert of a run, or null when no proxy changed state, no account moved off a
 * proxy left failing (accounts that still cannot move are not news on every round) and no new
 * exit collision came to light.
 */
export function buildAlert(input: AlertInput): MonitorAlert | null {
  const failing = input.failed.map(toAlertProxy)
  const recovered = input.recovered.map(toAlertProxy)
  const leftMoved = input.leftFailing.moved
  const collisions = input.collisions ?? []
  if (
    failing.length === 0 &&
    recovered.length === 0 &&
    leftMoved.length === 0 &&
    collisions.length === 0
  ) {
    return null
  }
  const sentences: string[] = []
  if (failing.length) {
    sentences.push(`${plural(failing.length, 'proxy', 'proxies')} failing: ${endpoints(failing)}.`)
  }
  if (recovered.length) {
    sentences.push(
      `${plural(recovered.length, 'proxy', 'proxies')} recovered: ${endpoints(recovered)}.`,
    )
  }
  const { moved, enabled } = input.failover
  const stranded = [...input.failover.stranded, ...input.leftFailing.stranded]
  const strandedOn = new Set(stranded.map((account) => account.proxyId)).size
  if (moved.length) {
    sentences.push(
      `${plural(moved.length, 'account was', 'accounts were')} moved to other proxies.`,
    )
  }
  if (leftMoved.length) {
    sentences.push(
      `${plural(leftMoved.length, 'account', 'accounts')} moved off ${leftMoved.length === 1 ? 'a proxy' : 'proxies'} left failing.`,
    )
  }
  if (stranded.length) {
    sentences.push(
      `${plural(stranded.length, 'account', 'accounts')} could not be moved (no other proxy can take ${stranded.length === 1 ? 'it' : 'them'}) and ${stranded.length === 1 ? 'stays' : 'stay'} on the failing ${strandedOn === 1 ? 'proxy' : 'proxies'}.`,
    )
  }
  if (!enabled && input.accountsLeft > 0) {
    sentences.push(
      `${plural(input.accountsLeft, 'account is', 'accounts are')} on the failing ${failing.length === 1 ? 'proxy' : 'proxies'} (failover is off).`,
    )
  }
  for (const collision of collisions.slice(0, SHOWN)) {
    const sentence = collisionSentence(collision)
    sentences.push(`${sentence[0]!.toUpperCase()}${sentence.slice(1)}.`)
  }
  if (collisions.length > SHOWN) {
    sentences.push(
      `${plural(collisions.length - SHOWN, 'more exit collision', 'more exit collisions')}.`,
    )
  }
  const title = failing.length
    ? `${plural(failing.length, 'proxy', 'proxies')} failing`
    : recovered.length
      ? `${plural(recovered.length, 'proxy', 'proxies')} recovered`
      : leftMoved.length
        ? `${plural(leftMoved.length, 'account', 'accounts')} moved off failing proxies`
        : collisions.length === 1
          ? 'Exit collision'
          : `${collisions.length} exit collisions`
  return {
    runId: input.runId,
    origin: input.origin,
    at: input.at,
    failing,
    recovered,
    failover: {
      enabled,
      moved: [...moved, ...leftMoved],
      stranded,
    },
    collisions: [...collisions],
    level: failing.length || leftMoved.length || collisions.length ? 'error' : 'info',
    title,
    message: sentences.join(' '),
  }
}

/** Active accounts on these proxies. */
export function accountsOn(
  ctx: Pick<ServiceContext, 'sqlite'>,
  proxyIds: readonly number[],
): number {
  if (proxyIds.length === 0) return 0
  return (
    stmt(
      ctx.sqlite,
      `SELECT count(*) AS n FROM accounts
        WHERE status = 'active' AND proxy_id IN (SELECT value FROM json_each(?))`,
    ).get(JSON.stringify(proxyIds)) as { n: number }
  ).n
}

/** The tray's words for a health status: its tooltip and the first (disabled) menu line. */
export function describeHealth(status: HealthStatus): string {
  if (status.total === 0) return 'No proxies monitored'
  if (status.failing === 0) return `All ${plural(status.total, 'proxy', 'proxies')} healthy`
  return `${status.failing} of ${plural(status.total, 'proxy', 'proxies')} failing`
}
