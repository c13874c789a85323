import { z } from 'zod'
import type { ExitCollisionDto } from './assignments'
import { defineContract } from '../contract'
import type { AnonymityLevel, CheckErrorCode, ProxyProtocol, ProxyStatus } from '../domain'
import type { ReachabilityResult } from './dto'
import { id, noInput } from './common'
import { ids } from './fields'
import { proxyFilterSelection } from './proxies'

/*
 * Connection checks of stored proxies, the health monitor and rotation. A bulk run answers at
 * once with its id and works in the background; its progress arrives on the `checks:progress`
 * event channel. One run at a time: starting another while one is going is refused with CONFLICT
 * (`details.runId` names the running one, which the caller can watch or cancel).
 */

/**
 * Which platform targets (Settings → Platform targets) a check fetches through each proxy once its
 * judge answered: `assigned` those of the platforms of the active accounts on that proxy (a proxy
 * without accounts fetches none), `all` every enabled one, `none` none. The custom target, when
 * enabled, goes with `assigned` and `all` alike, for every proxy. Default `assigned`: only the
 * proxies that carry accounts pay for it, and those are the ones whose platforms matter.
 */
export const reachSelections = ['assigned', 'all', 'none'] as const
export type ReachSelection = (typeof reachSelections)[number]

const targets = z
  .enum(reachSelections, { error: 'Platform targets: assigned, all or none' })
  .optional()

export const proxiesTestInput = z.union(
  [
    /** These proxies (any status). */
    z.strictObject({ ids, targets }),
    /**
     * Every proxy `proxies:list` would show with these filters (all pages), but `exceptIds`.
     * `{}` is every proxy.
     */
    z.strictObject({ ...proxyFilterSelection, targets }),
    /** Every proxy whose status is `error` or whose last check failed. */
    z.strictObject({ failed: z.literal(true), targets }),
  ],
  { error: 'Name the proxies to test: { ids }, { filter, exceptIds? } or { failed: true }' },
)

const runId = z.uuid({ error: 'Not a run id' })

export const proxiesTestCancelInput = z.strictObject({ runId })

export const proxyChecksInput = z.strictObject({
  id,
  /** Newest first; at most the retention setting's worth is stored anyway. */
  limit: z.number().int().min(1).max(10_000).default(50),
})

export type RunOrigin = 'operator' | 'monitor'

export interface RunStarted {
  runId: string
  /** Proxies the run will check. */
  total: number
}

/**
 * What a successful check learnt about the exit beyond its IP, country and city: offline lookups
 * (none for loopback and private exits), the anonymity level, the platform targets.
 */
export interface ExitProfileFields {
  region: string | null
  /** IANA name, e.g. `Europe/Berlin`. */
  timezone: string | null
  /** Autonomous system number of the exit's network, and its organisation. */
  asn: number | null
  org: string | null
  anonymity: AnonymityLevel | null
  /** Null when the check fetched no target. */
  reachability: ReachabilityResult[] | null
}

/** One finished check of one proxy, as a run reports it. */
export interface CheckResultDto extends ExitProfileFields {
  proxyId: number
  /** `host:port`, for display. */
  label: string
  /** The rest of the proxy's name, for failure lists: `socks5h://user@host:port`, provider. */
  protocol: ProxyProtocol
  remoteDns: boolean
  username: string | null
  providerName: string
  ok: boolean
  /** Why it failed; null when it passed. `judge_failed` is not counted against the proxy. */
  errorCode: CheckErrorCode | null
  errorMessage: string | null
  connectMs: number | null
  totalMs: number
  exitIp: string | null
  country: string | null
  city: string | null
  judge: string | null
  checkedAt: number
  /** The proxy's status and failure streak after this check was recorded. */
  status: ProxyStatus
  consecutiveFailures: number
  /** `failed`: went from active to error with this check; `recovered`: from error to active. */
  transition: 'failed' | 'recovered' | null
  /** A sticky proxy answered from another exit IP than last time (rotating proxies never). */
  exitIpChanged: boolean
}

/** Payload of `checks:progress`: counts so far and the results since the previous event. */
export interface CheckProgress {
  runId: string
  origin: RunOrigin
  total: number
  done: number
  ok: number
  /** Failures that count against the proxy. */
  failed: number
  /** The judges, not the proxy, failed: recorded, not counted against the proxy. */
  judgeFailed: number
  /** Not checked: the stored password could not be opened, or the proxy was deleted meanwhile. */
  skipped: number
  remaining: number
  results: CheckResultDto[]
  startedAt: number
  /** True on the last event of the run (after cancel too). */
  finished: boolean
  cancelled: boolean
}

export interface ProxyCheckDto extends ExitProfileFields {
  id: number
  proxyId: number
  checkedAt: number
  ok: boolean
  errorCode: CheckErrorCode | null
  errorMessage: string | null
  connectMs: number | null
  totalMs: number | null
  exitIp: string | null
  country: string | null
  city: string | null
  judge: string | null
}

export type HealthLevel = 'ok' | 'warning' | 'error'

/** The fleet's health as the tray shows it: proxies in `error` among active + error ones. */
export interface HealthStatus {
  failing: number
  total: number
  /** ok: none failing; warning: some; error: more than half (or every one) failing. */
  level: HealthLevel
}

export interface AlertProxy {
  id: number
  label: string
  errorCode: CheckErrorCode | null
  errorMessage: string | null
}

export interface FailoverMove {
  accountId: number
  username: string
  fromProxyId: number
  toProxyId: number
}

export interface FailoverStranded {
  accountId: number
  username: string
  proxyId: number
  /** Why it could not move; it stays on its failing proxy for the operator to decide. */
  reason: string
}

/**
 * Payload of `monitor:alert`: the transitions of one run, aggregated, and what failover did (sent
 * only when a proxy changed state or an account moved off a proxy left failing).
 */
export interface MonitorAlert {
  runId: string
  origin: RunOrigin
  at: number
  /** Went from active to error in this run. */
  failing: AlertProxy[]
  /** Went from error back to active in this run. */
  recovered: AlertProxy[]
  failover: {
    enabled: boolean
    moved: FailoverMove[]
    stranded: FailoverStranded[]
  }
  /** Exit collisions among assigned proxies this run revealed (new ones only; see assignments:collisions). */
  collisions: ExitCollisionDto[]
  level: 'info' | 'error'
  /** "3 proxies failing", ready for a notification. */
  title: string
  /** The details in one paragraph: endpoints (first few), recoveries, accounts moved or not. */
  message: string
}

export interface MonitorStatus extends HealthStatus {
  enabled: boolean
  intervalMinutes: number
  lastRoundAt: number | null
  /** When the scheduler will start the next round; null while stopped or disabled. */
  nextRoundAt: number | null
}

export interface ChecksStatus {
  /** The run in progress (its latest counts, no results), or null. */
  run: Omit<CheckProgress, 'results'> | null
  monitor: MonitorStatus
}

export interface RotateResult {
  /** The rotation URL answered 2xx. */
  ok: boolean
  /** Its HTTP status; null when it could not be reached. */
  status: number | null
  /** Accounts on the proxy, each given a `rotated` history row (0 when the call failed). */
  accounts: number
  /** Why it failed, when it did. */
  message: string | null
  /** The exit IP the proxy's last successful check saw before the rotation; null if none. */
  previousExitIp: string | null
  /**
   * After a 2xx answer the proxy is checked again at once (an operator run of one, with its
   * progress events, recording and transitions), so the new exit IP shows; this is that check.
   * Null when the call failed or the check could not run (`recheckSkipped` says why).
   */
  recheck: ProxyCheckDto | null
  recheckSkipped: string | null
}

export const checkContracts = {
  'proxies:test': defineContract<RunStarted>()('proxies:test', proxiesTestInput),
  'proxies:testCancel': defineContract<{ cancelled: boolean }>()(
    'proxies:testCancel',
    proxiesTestCancelInput,
  ),
  'proxies:checks': defineContract<ProxyCheckDto[]>()('proxies:checks', proxyChecksInput),
  'proxies:rotate': defineContract<RotateResult>()('proxies:rotate', z.strictObject({ id })),
  'checks:status': defineContract<ChecksStatus>()('checks:status', noInput),
  'monitor:runNow': defineContract<RunStarted>()('monitor:runNow', noInput),
}

export type ProxiesTestInput = z.output<typeof proxiesTestInput>
