import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AnalyticsTrends } from '../../shared/contracts/analytics'
import type { InputOf } from '../../shared/contracts'
import { dispatch } from '../ipc/dispatch'
import { analyticsTrends, FINISHED_DAY_TTL_MS } from './analytics-trends'
import { localDays, startOfDay } from './local-days'
import { createFixture, type Fixture } from '../../../test/support/fixture'

let f: Fixture
let proxies: number[]

const HOUR = 3_600_000
const DAY = 24 * HOUR

beforeEach(async () => {
  f = await createFixture()
  const provider = f.provider('Acme', 100)
  proxies = [f.proxy(provider), f.proxy(provider), f.proxy(provider)]
})

afterEach(async () => {
  await f.dispose()
})

async function trends(input: InputOf<'analytics:trends'> = {}): Promise<AnalyticsTrends> {
  const envelope = await dispatch(f.ctx, 'analytics:trends', input)
  if (!envelope.ok) throw new Error(envelope.error.message)
  return envelope.value as AnalyticsTrends
}

function check(
  proxyId: number,
  checkedAt: number,
  result: { ok: true; ms: number } | { ok: false; code?: string },
): void {
  f.ctx.sqlite
    .prepare(
      'INSERT INTO proxy_checks (proxy_id, checked_at, ok, error_code, total_ms) VALUES (?, ?, ?, ?, ?)',
    )
    .run(
      proxyId,
      checkedAt,
      result.ok ? 1 : 0,
      result.ok ? null : (result.code ?? 'timeout'),
      result.ok ? result.ms : null,
    )
}

describe('analytics:trends', () => {
  it('is 30 days of zeros on a new install, every day present, today last', async () => {
    const t = await trends({ timeZone: 'UTC' })
    expect(t.totalChecks).toBe(0)
    expect(t.checks).toHaveLength(30)
    expect(t.checks.at(-1)?.date).toBe('2026-01-15')
    expect(t.checks[0]?.date).toBe('2025-12-17')
    for (const day of t.checks) {
      expect(day).toMatchObject({
        checks: 0,
        failedChecks: 0,
        failingProxies: 0,
        medianLatencyMs: null,
      })
      expect(day.end - day.start).toBe(DAY)
    }
    expect(t.expiring).toHaveLength(30)
    expect(t.expiring.every((day) => day.count === 0)).toBe(true)
  })

  it('counts failing proxies (not judge failures) and the median latency per day, days without checks as gaps', async () => {
    const now = f.clock.now() // 2026-01-15 12:00 UTC
    const [a, b, c] = proxies as [number, number, number]
    // Two days ago: a fails twice, b once, c's judge fails; latencies 100, 300, 200 (median 200).
    const twoDaysAgo = now - 2 * DAY
    check(a, twoDaysAgo, { ok: false })
    check(a, twoDaysAgo + HOUR, { ok: false, code: 'refused' })
    check(b, twoDaysAgo, { ok: false, code: 'auth_failed' })
    check(c, twoDaysAgo, { ok: false, code: 'judge_failed' })
    check(a, twoDaysAgo - HOUR, { ok: true, ms: 100 })
    check(b, twoDaysAgo - HOUR, { ok: true, ms: 300 })
    check(c, twoDaysAgo - HOUR, { ok: true, ms: 200 })
    // Today: an even count of latencies, the median is the mean of the middle two.
    for (const ms of [40, 10, 30, 20]) check(a, now - HOUR, { ok: true, ms })
    // 31 days ago: outside the window.
    check(a, now - 31 * DAY, { ok: false })

    const t = await trends({ timeZone: 'UTC' })
    const byDate = new Map(t.checks.map((day) => [day.date, day]))
    expect(byDate.get('2026-01-13')).toMatchObject({
      checks: 7,
      failedChecks: 3,
      failingProxies: 2,
      medianLatencyMs: 200,
    })
    expect(byDate.get('2026-01-15')).toMatchObject({
      checks: 4,
      failingProxies: 0,
      medianLatencyMs: 25,
    })
    expect(byDate.get('2026-01-14')).toMatchObject({ checks: 0, medianLatencyMs: null })
    expect(t.totalChecks).toBe(11)
  })

  it('cuts days in the operator time zone, not in UTC', async () => {
    const now = f.clock.now() // 12:00 UTC = 21:00 in Tokyo, 07:00 in New York
    const [a] = proxies as [number]
    // 16:00 UTC on Jan 14: the 14th in UTC and New York, already the 15th in Tokyo (01:00).
    check(a, Date.UTC(2026, 0, 14, 16), { ok: false })

    const utc = await trends({ timeZone: 'UTC' })
    const tokyo = await trends({ timeZone: 'Asia/Tokyo' })
    const newYork = await trends({ timeZone: 'America/New_York' })
    const failingOn = (t: AnalyticsTrends) => t.checks.filter((d) => d.failingProxies > 0)
    expect(failingOn(utc).map((d) => d.date)).toEqual(['2026-01-14'])
    expect(failingOn(tokyo).map((d) => d.date)).toEqual(['2026-01-15'])
    expect(failingOn(newYork).map((d) => d.date)).toEqual(['2026-01-14'])
    expect(tokyo.timeZone).toBe('Asia/Tokyo')
    // Tokyo's day starts at 15:00 UTC the day before.
    expect(tokyo.checks.at(-1)).toMatchObject({
      date: '2026-01-15',
      start: Date.UTC(2026, 0, 14, 15),
      end: Date.UTC(2026, 0, 15, 15),
    })
    expect(now).toBeLessThan(tokyo.checks.at(-1)?.end ?? 0)
  })

  it('gives a daylight-saving day its 23 hours', () => {
    // Berlin springs forward on 2026-03-29: that day lasts 23 hours, the next 24.
    const days = localDays(Date.UTC(2026, 2, 30, 12), 'Europe/Berlin', -2, 3)
    expect(days.map((d) => d.date)).toEqual(['2026-03-28', '2026-03-29', '2026-03-30'])
    expect(days.map((d) => (d.end - d.start) / HOUR)).toEqual([24, 23, 24])
    expect(startOfDay(2026, 3, 29, 'Europe/Berlin')).toBe(Date.UTC(2026, 2, 28, 23))
    // And a day across a month end rolls over.
    expect(localDays(Date.UTC(2026, 0, 31, 12), 'UTC', 0, 2).map((d) => d.date)).toEqual([
      '2026-01-31',
      '2026-02-01',
    ])
  })

  it('keeps a finished day for a while and reads today afresh each time', async () => {
    const now = f.clock.now()
    const [a] = proxies as [number]
    check(a, now - DAY, { ok: false })
    expect((await trends({ timeZone: 'UTC' })).checks.at(-2)?.failedChecks).toBe(1)

    check(a, now - DAY, { ok: false })
    check(a, now - HOUR, { ok: false })
    const soon = await trends({ timeZone: 'UTC' })
    expect(soon.checks.at(-2)?.failedChecks).toBe(1)
    expect(soon.checks.at(-1)?.failedChecks).toBe(1)

    f.clock.advance(FINISHED_DAY_TTL_MS)
    expect((await trends({ timeZone: 'UTC' })).checks.at(-2)?.failedChecks).toBe(2)
  })

  it('lets the event loop through between the days it reads, and not when they are cached', async () => {
    const order: string[] = []
    const first = analyticsTrends(f.ctx, { days: 30, timeZone: 'UTC' }).then(() =>
      order.push('trends'),
    )
    setImmediate(() => order.push('other work'))
    await first
    expect(order).toEqual(['other work', 'trends'])

    // Finished days are kept now: only today is read, in one go.
    order.length = 0
    const again = analyticsTrends(f.ctx, { days: 30, timeZone: 'UTC' }).then(() =>
      order.push('trends'),
    )
    setImmediate(() => order.push('other work'))
    await again
    await new Promise((resolve) => setImmediate(resolve))
    expect(order).toEqual(['trends', 'other work'])
  })

  it('counts expiries per coming day, today only from now on', async () => {
    const now = f.clock.now()
    const provider = f.provider('Zeta', 100)
    f.proxy(provider, { expiresAt: now + HOUR })
    f.proxy(provider, { expiresAt: now + 3 * DAY })
    f.proxy(provider, { expiresAt: now + 3 * DAY + HOUR })
    f.proxy(provider, { expiresAt: now - HOUR }) // already expired this morning
    f.proxy(provider, { expiresAt: now + 40 * DAY }) // beyond the window
    const t = await trends({ timeZone: 'UTC', days: 7 })
    expect(t.expiring.map((d) => d.count)).toEqual([1, 0, 0, 2, 0, 0, 0])
    expect(t.expiring[0]?.date).toBe('2026-01-15')
    expect(t.checks).toHaveLength(7)
  })

  it('refuses an unknown time zone and a window out of range', async () => {
    for (const input of [{ timeZone: 'Mars/Olympus' }, { days: 0 }, { days: 91 }]) {
      const envelope = await dispatch(f.ctx, 'analytics:trends', input)
      expect(envelope.ok).toBe(false)
      if (!envelope.ok) expect(envelope.error.code).toBe('VALIDATION')
    }
  })
})
