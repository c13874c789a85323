import type { CheckResultDto, ProxyCheckDto } from '../../shared/contracts/checks'
import type { ReachabilityResult } from '../../shared/contracts/dto'
import { canonicalIp, exitNet } from '../formats/exit-net'
import type { ProxyStatus } from '../../shared/domain'
import { inTransaction, notFound, stmt, type ServiceContext } from '../services/service-context'
import type { CheckResult } from './types'

/** A check that ran to its end (cancelled checks are never recorded). */
export interface FinishedCheck {
  proxyId: number
  label: string
  result: CheckResult
  checkedAt: number
}

export interface RecordPolicy {
  /** Check rows kept per proxy; older ones are deleted in the same transaction. */
  retention: number
  /** Consecutive failures that move an active proxy to `error`. */
  failureThreshold: number
}

interface HealthRow {
  status: ProxyStatus
  consecutive_failures: number
  exit_ip: string | null
  sticky: number
  protocol: CheckResultDto['protocol']
  remote_dns: number
  username: string | null
  provider_name: string
}

const INSERT_CHECK = `INSERT INTO proxy_checks (proxy_id, checked_at, ok, error_code, error_message,
  connect_ms, total_ms, exit_ip, country, city, region, timezone, asn, org, anonymity, reachability,
  judge) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

// Every exit a proxy answered from (loopback and private ones too): the isolation guard's input.
const UPSERT_EXIT = `INSERT INTO proxy_exits (proxy_id, ip, net, first_seen_at, last_seen_at)
  VALUES (?, ?, ?, ?, ?) ON CONFLICT (proxy_id, ip)
  DO UPDATE SET last_seen_at = max(last_seen_at, excluded.last_seen_at)`

const TRIM_CHECKS = `DELETE FROM proxy_checks WHERE id IN (
  SELECT id FROM proxy_checks WHERE proxy_id = ? ORDER BY checked_at DESC, id DESC LIMIT -1 OFFSET ?)`

// Measurements do not bump updated_at (that says when the operator last edited the row); a status
// change does. The place follows the exit IP; anonymity and reachability a check could not tell
// (an https judge, no targets asked for) keep their last known value.
const UPDATE_OK = `UPDATE proxies SET last_tested_at = ?, last_success_at = ?, last_error_code = NULL,
  last_error_message = NULL, response_time_ms = ?, exit_ip = ?, country = coalesce(?, country),
  exit_region = ?, exit_city = ?, exit_timezone = ?, exit_asn = ?, exit_org = ?,
  anonymity = coalesce(?, anonymity), reachability = coalesce(?, reachability),
  consecutive_failures = 0, status = ?, updated_at = CASE WHEN status = ? THEN updated_at ELSE ? END
  WHERE id = ?`
const UPDATE_FAILED = `UPDATE proxies SET last_tested_at = ?, last_error_code = ?,
  last_error_message = ?, consecutive_failures = ?, status = ?,
  updated_at = CASE WHEN status = ? THEN updated_at ELSE ? END WHERE id = ?`
// judge_failed says nothing about the proxy: no streak, no status change, exit IP kept.
const UPDATE_JUDGE_FAILED = `UPDATE proxies SET last_tested_at = ?, last_error_code = ?,
  last_error_message = ? WHERE id = ?`

/**
 * Writes a batch of finished checks in one transaction: a `proxy_checks` row each, the proxy's
 * last_* fields, its failure streak and the health transition (active → error at the threshold,
 * error → active on success; inactive and testing proxies keep their status), then trims each
 * proxy's check rows to the retention. Checks of proxies deleted meanwhile are dropped (null).
 */
export function recordChecks(
  ctx: Pick<ServiceContext, 'sqlite'>,
  checks: readonly FinishedCheck[],
  policy: RecordPolicy,
): (CheckResultDto | null)[] {
  if (checks.length === 0) return []
  return withMeasurementSync(ctx.sqlite, () =>
    inTransaction(ctx, () => {
      const touched = new Set<number>()
      const recorded = checks.map((check) => {
        const dto = recordOne(ctx, check, policy)
        if (dto) touched.add(check.proxyId)
        return dto
      })
      const trim = stmt(ctx.sqlite, TRIM_CHECKS)
      for (const proxyId of touched) trim.run(proxyId, policy.retention)
      return recorded
    }),
  )
}

/**
 * Check results are measurements the next run takes again: their commits (one every 250 ms in a
 * bulk run) skip the WAL's fsync, which otherwise blocks main, and with it every socket of the
 * run, for ~4 ms each time on this machine. WAL with `synchronous = NORMAL` stays atomic and never
 * corrupts; an OS crash or power cut may lose the last results, never an operator's edit: their
 * writes keep the connection's FULL, and their next commit's fsync carries these frames too.
 * Inside a caller's transaction nothing changes (the caller's commit decides).
 */
function withMeasurementSync<T>(sqlite: ServiceContext['sqlite'], fn: () => T): T {
  if (sqlite.inTransaction) return fn()
  const previous = sqlite.pragma('synchronous', { simple: true }) as number
  if (previous <= 1) return fn()
  sqlite.pragma('synchronous = NORMAL')
  try {
    return fn()
  } finally {
    sqlite.pragma(`synchronous = ${previous}`)
  }
}

function recordOne(
  ctx: Pick<ServiceContext, 'sqlite'>,
  check: FinishedCheck,
  policy: RecordPolicy,
): CheckResultDto | null {
  const { result, checkedAt, proxyId } = check
  const reachability = result.reachability ? JSON.stringify(result.reachability) : null
  const row = stmt(
    ctx.sqlite,
    // With what names the proxy fully in a failure list: protocol, user, provider.
    `SELECT p.status, p.consecutive_failures, p.exit_ip, p.sticky, p.protocol, p.remote_dns,
       p.username, pp.name AS provider_name
     FROM proxies p JOIN proxy_providers pp ON pp.id = p.provider_id WHERE p.id = ?`,
  ).get(proxyId) as HealthRow | undefined
  if (!row) return null
  let status = row.status
  let failures = row.consecutive_failures
  let transition: CheckResultDto['transition'] = null
  let exitIpChanged = false
  let note: string | null = result.errorMessage
  if (result.ok) {
    failures = 0
    if (row.status === 'error') {
      status = 'active'
      transition = 'recovered'
    }
    // A rotating (non-sticky) proxy changes exit IP by design: nothing to say about it.
    exitIpChanged =
      row.sticky === 1 &&
      row.exit_ip !== null &&
      result.exitIp !== null &&
      row.exit_ip !== result.exitIp
    if (exitIpChanged) note = `exit IP changed from ${row.exit_ip} to ${result.exitIp}`
    stmt(ctx.sqlite, UPDATE_OK).run(
      checkedAt,
      checkedAt,
      result.totalMs,
      result.exitIp,
      result.country,
      result.region,
      result.city,
      result.timezone,
      result.asn,
      result.org,
      result.anonymity,
      reachability,
      status,
      status,
      checkedAt,
      proxyId,
    )
    if (result.exitIp !== null) {
      const ip = canonicalIp(result.exitIp)
      stmt(ctx.sqlite, UPSERT_EXIT).run(proxyId, ip, exitNet(ip), checkedAt, checkedAt)
    }
  } else if (result.errorCode === 'judge_failed') {
    stmt(ctx.sqlite, UPDATE_JUDGE_FAILED).run(
      checkedAt,
      result.errorCode,
      result.errorMessage,
      proxyId,
    )
  } else {
    failures += 1
    if (row.status === 'active' && failures >= policy.failureThreshold) {
      status = 'error'
      transition = 'failed'
    }
    stmt(ctx.sqlite, UPDATE_FAILED).run(
      checkedAt,
      result.errorCode,
      result.errorMessage,
      failures,
      status,
      status,
      checkedAt,
      proxyId,
    )
  }
  const errorCode = result.ok ? null : result.errorCode
  stmt(ctx.sqlite, INSERT_CHECK).run(
    proxyId,
    checkedAt,
    result.ok ? 1 : 0,
    errorCode,
    note,
    result.connectMs,
    result.totalMs,
    result.exitIp,
    result.country,
    result.city,
    result.region,
    result.timezone,
    result.asn,
    result.org,
    result.anonymity,
    reachability,
    result.judge,
  )
  return {
    proxyId,
    label: check.label,
    protocol: row.protocol,
    remoteDns: row.remote_dns === 1,
    username: row.username,
    providerName: row.provider_name,
    ok: result.ok,
    errorCode: errorCode === 'ok' ? null : errorCode,
    errorMessage: note,
    connectMs: result.connectMs,
    totalMs: result.totalMs,
    exitIp: result.exitIp,
    country: result.country,
    city: result.city,
    region: result.region,
    timezone: result.timezone,
    asn: result.asn,
    org: result.org,
    anonymity: result.anonymity,
    reachability: result.reachability,
    judge: result.judge,
    checkedAt,
    status,
    consecutiveFailures: failures,
    transition,
    exitIpChanged,
  }
}

interface CheckRow {
  id: number
  proxy_id: number
  checked_at: number
  ok: number
  error_code: ProxyCheckDto['errorCode']
  error_message: string | null
  connect_ms: number | null
  total_ms: number | null
  exit_ip: string | null
  country: string | null
  city: string | null
  region: string | null
  timezone: string | null
  asn: number | null
  org: string | null
  anonymity: ProxyCheckDto['anonymity']
  reachability: string | null
  judge: string | null
}

/** A proxy's stored checks, newest first. */
export function listProxyChecks(
  ctx: Pick<ServiceContext, 'sqlite'>,
  proxyId: number,
  limit: number,
): ProxyCheckDto[] {
  if (!stmt(ctx.sqlite, 'SELECT 1 FROM proxies WHERE id = ?').get(proxyId)) {
    throw notFound('proxy', proxyId)
  }
  const rows = stmt(
    ctx.sqlite,
    `SELECT id, proxy_id, checked_at, ok, error_code, error_message, connect_ms, total_ms, exit_ip,
            country, city, region, timezone, asn, org, anonymity, reachability, judge
       FROM proxy_checks WHERE proxy_id = ? ORDER BY checked_at DESC, id DESC LIMIT ?`,
  ).all(proxyId, limit) as CheckRow[]
  return rows.map((row) => ({
    id: row.id,
    proxyId: row.proxy_id,
    checkedAt: row.checked_at,
    ok: row.ok === 1,
    errorCode: row.error_code,
    errorMessage: row.error_message,
    connectMs: row.connect_ms,
    totalMs: row.total_ms,
    exitIp: row.exit_ip,
    country: row.country,
    city: row.city,
    region: row.region,
    timezone: row.timezone,
    asn: row.asn,
    org: row.org,
    anonymity: row.anonymity,
    reachability:
      row.reachability === null ? null : (JSON.parse(row.reachability) as ReachabilityResult[]),
    judge: row.judge,
  }))
}
