import type {
  AnalyticsTrends,
  AnalyticsTrendsInput,
  CheckTrendDay,
  TrendDay,
} from '../../shared/contracts/analytics'
import { localDays, systemTimeZone } from './local-days'
import { stmt, type ServiceContext } from './service-context'

// judge_failed says nothing about the proxy (DESIGN §3): it is no failure here either.
const FAILED = `ok = 0 AND (error_code IS NULL OR error_code <> 'judge_failed')`
const TIMED = 'ok = 1 AND total_ms IS NOT NULL'

/**
 * One day's counts: a plain aggregate over a range of `checks_trend_idx` (checked_at first,
 * covering every column read), so the wide check rows (messages, reachability) stay unread. One
 * statement per day rather than a GROUP BY over the window, which sorts all 30 days' rows by day.
 */
const DAY_FIGURES = `SELECT count(*) AS checks, coalesce(sum(${FAILED}), 0) AS failed,
       count(DISTINCT CASE WHEN ${FAILED} THEN proxy_id END) AS failing,
       coalesce(sum(${TIMED}), 0) AS timed
  FROM proxy_checks INDEXED BY checks_trend_idx WHERE checked_at >= ? AND checked_at < ?`

// The one or two middle latencies of the day (measured cheaper than counting into buckets first).
const MIDDLE_LATENCIES = `SELECT total_ms AS ms FROM proxy_checks INDEXED BY checks_trend_idx
  WHERE checked_at >= ? AND checked_at < ? AND ${TIMED} ORDER BY total_ms LIMIT ? OFFSET ?`

const EXPIRING_ON_DAY = `SELECT count(*) AS n FROM proxies INDEXED BY proxies_expires_idx
  WHERE expires_at >= ? AND expires_at < ?`

/**
 * A finished day's figures are kept this long per connection: reading 30 days of checks costs
 * ~0.1 s per 100,000 check rows, and the dashboard refreshes on every recorded batch of a run.
 * Only today is read afresh each time. A finished day still changes (the retention trims each
 * proxy's oldest checks, a deleted proxy takes its checks along), so it is re-read after a while.
 */
export const FINISHED_DAY_TTL_MS = 10 * 60_000

interface CachedDay {
  figures: CheckTrendDay
  readAt: number
}

const finishedDays = new WeakMap<ServiceContext['sqlite'], Map<string, CachedDay>>()

/** Drops the finished days kept for this connection (benchmarks time the first read with it). */
export function forgetFinishedDays(sqlite: ServiceContext['sqlite']): void {
  finishedDays.delete(sqlite)
}

function readDay(ctx: ServiceContext, day: TrendDay): CheckTrendDay {
  const row = stmt(ctx.sqlite, DAY_FIGURES).get(day.start, day.end) as {
    checks: number
    failed: number
    failing: number
    timed: number
  }
  let medianLatencyMs: number | null = null
  if (row.timed > 0) {
    const even = row.timed % 2 === 0
    const middle = stmt(ctx.sqlite, MIDDLE_LATENCIES).all(
      day.start,
      day.end,
      even ? 2 : 1,
      Math.floor((row.timed - 1) / 2),
    ) as { ms: number }[]
    medianLatencyMs = middle.reduce((sum, m) => sum + m.ms, 0) / middle.length
  }
  return {
    ...day,
    checks: row.checks,
    failedChecks: row.failed,
    failingProxies: row.failing,
    medianLatencyMs,
  }
}

/** A finished day's figures read less than FINISHED_DAY_TTL_MS ago, if kept. */
function cachedDay(ctx: ServiceContext, day: TrendDay, now: number): CheckTrendDay | undefined {
  if (day.end > now) return undefined
  const cached = finishedDays.get(ctx.sqlite)?.get(`${day.start}-${day.end}`)
  return cached && now - cached.readAt < FINISHED_DAY_TTL_MS ? cached.figures : undefined
}

function dayFigures(ctx: ServiceContext, day: TrendDay, now: number): CheckTrendDay {
  if (day.end > now) return readDay(ctx, day)
  let cache = finishedDays.get(ctx.sqlite)
  if (!cache) {
    cache = new Map()
    finishedDays.set(ctx.sqlite, cache)
  }
  const key = `${day.start}-${day.end}`
  const figures = readDay(ctx, day)
  cache.set(key, { figures, readAt: now })
  // Days that fell out of every window are dropped, so the map stays at about a window's size.
  for (const [k, entry] of cache) if (now - entry.readAt >= FINISHED_DAY_TTL_MS) cache.delete(k)
  return figures
}

/**
 * Per-day figures for the dashboard's trend charts: failing proxies and median latency over the
 * last `days` days from `proxy_checks`, and expiries over the next `days`. Days are calendar days
 * in `timeZone` (the operator's, as the renderer reports it; main's own when omitted). A day with
 * no checks is present with zeros and a null median, so a chart's axis never skips a day.
 *
 * The history only reaches as far back as the retention keeps (`checkRetentionPerProxy` rows per
 * proxy): a frequent monitor with a small retention shows fewer days than the window. Finished
 * days come from a per-connection cache for up to FINISHED_DAY_TTL_MS; today is always read.
 */
export async function analyticsTrends(
  ctx: ServiceContext,
  input: AnalyticsTrendsInput,
): Promise<AnalyticsTrends> {
  const now = ctx.clock.now()
  const timeZone = input.timeZone ?? systemTimeZone()
  const past = localDays(now, timeZone, 1 - input.days, input.days)
  const ahead = localDays(now, timeZone, 0, input.days)

  // A first read of 30 full days is seconds of SQLite at 5,000,000 checks: one day at a time, with
  // the event loop let through between days that had to be read, so the bridge, IPC and a running
  // check keep being served meanwhile (main's longest block is one day's read, not the window's).
  const checks: CheckTrendDay[] = []
  let read = 0
  for (const day of past) {
    const cached = cachedDay(ctx, day, now)
    if (cached) {
      checks.push(cached)
      continue
    }
    if (read++ > 0) await new Promise((resolve) => setImmediate(resolve))
    checks.push(dayFigures(ctx, day, now))
  }
  const expiringOnDay = stmt(ctx.sqlite, EXPIRING_ON_DAY)
  // Today's expiries count from now on: those earlier today already ran out.
  const expiring = ahead.map((day, d) => {
    const from = d === 0 ? Math.max(day.start, now) : day.start
    return { ...day, count: (expiringOnDay.get(from, day.end) as { n: number }).n }
  })

  return {
    generatedAt: now,
    timeZone,
    checks,
    totalChecks: checks.reduce((sum, day) => sum + day.checks, 0),
    expiring,
  }
}
