import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  freePort,
  serverGroup,
  startDante,
  startJudge,
  startMicrosocks,
  startTarpit,
  startTinyproxy,
  type RunningJudge,
  type RunningServer,
  type RunningTarpit,
} from '../../../test/fixtures'
import { createChecksFixture, type ChecksFixture } from '../../../test/support/checks'

// Real proxies on loopback, stored through proxies:create (passwords sealed by the real vault),
// tested through proxies:test; everything read back through the database and the contracts.
const USER = 'deckuser'
const PASS = 'Tr0ub4dor-3x'

const servers = serverGroup()
let tinyproxy: RunningServer
let microsocks: RunningServer
let dante: RunningServer
let judge: RunningJudge
let tarpit: RunningTarpit
let f: ChecksFixture
let providerId: number

beforeAll(async () => {
  ;[tinyproxy, microsocks, dante, judge, tarpit] = await Promise.all([
    startTinyproxy({ user: USER, pass: PASS }).then(servers.add),
    startMicrosocks({ user: USER, pass: PASS }).then(servers.add),
    startDante().then(servers.add),
    startJudge({ https: true }).then(servers.add),
    startTarpit('silent').then(servers.add),
  ])
  f = await createChecksFixture([judge.url('/')])
  providerId = await f.provider()
})

afterAll(async () => {
  await f?.dispose()
  await servers.stopAll()
})

type ProxyFields = {
  protocol: 'http' | 'socks4' | 'socks5'
  port: number
  username?: string
  password?: string
  sticky?: boolean
}

async function proxy(fields: ProxyFields): Promise<number> {
  return (await f.call('proxies:create', { providerId, host: '127.0.0.1', ...fields })).id
}

describe('proxies:test', () => {
  it('checks stored proxies through real servers and records every result', async () => {
    const ids = {
      http: await proxy({ protocol: 'http', port: tinyproxy.port, username: USER, password: PASS }),
      socks5: await proxy({
        protocol: 'socks5',
        port: microsocks.port,
        username: USER,
        password: PASS,
      }),
      socks4: await proxy({ protocol: 'socks4', port: dante.port }),
      wrongPassword: await proxy({
        protocol: 'socks5',
        port: microsocks.port,
        username: 'someone-else',
        password: 'nope',
      }),
      refused: await proxy({ protocol: 'http', port: await freePort() }),
    }
    const all = Object.values(ids)
    const started = await f.call('proxies:test', { ids: all })
    expect(started.total).toBe(5)
    const last = await f.finished(started.runId)
    expect(last).toMatchObject({
      done: 5,
      ok: 3,
      failed: 2,
      judgeFailed: 0,
      skipped: 0,
      remaining: 0,
    })
    expect(last.cancelled).toBe(false)

    // Progress: every result exactly once over the run's events, counts never going backwards.
    const events = f.events('checks:progress').filter((p) => p.runId === started.runId)
    const results = events.flatMap((p) => p.results)
    expect(results.map((r) => r.proxyId).sort()).toEqual([...all].sort())
    const dones = events.map((p) => p.done)
    expect([...dones].sort((a, b) => a - b)).toEqual(dones)
    expect(events.filter((p) => p.finished)).toHaveLength(1)

    for (const id of [ids.http, ids.socks5, ids.socks4]) {
      const row = f.proxyRow(id)
      expect(row).toMatchObject({
        status: 'active',
        consecutive_failures: 0,
        last_error_code: null,
        exit_ip: '127.0.0.1',
      })
      expect(row.last_success_at).toBe(row.last_tested_at)
      expect(row.response_time_ms).toBeGreaterThanOrEqual(0)
      const [check] = await f.checkRows(id)
      expect(check).toMatchObject({
        ok: true,
        errorCode: null,
        exitIp: '127.0.0.1',
        judge: judge.url('/'),
      })
    }
    expect(f.proxyRow(ids.wrongPassword)).toMatchObject({
      status: 'active', // one failure is below the threshold of 2
      consecutive_failures: 1,
      last_error_code: 'auth_failed',
      last_success_at: null,
    })
    expect(f.proxyRow(ids.refused)).toMatchObject({
      consecutive_failures: 1,
      last_error_code: 'refused',
    })
    const [failedCheck] = await f.checkRows(ids.wrongPassword)
    expect(failedCheck).toMatchObject({ ok: false, errorCode: 'auth_failed' })
    // The password never travels in a result.
    expect(JSON.stringify(events)).not.toContain(PASS)

    // "all failed" picks up exactly the two failing ones.
    const again = await f.call('proxies:test', { failed: true })
    expect(again.total).toBe(2)
    const second = await f.finished(again.runId)
    expect(second).toMatchObject({ done: 2, failed: 2 })
    expect(f.proxyRow(ids.refused)).toMatchObject({ status: 'error', consecutive_failures: 2 })
  })

  it('keeps at most the retention setting of check rows per proxy, the newest ones', async () => {
    await f.settings({ checkRetentionPerProxy: 3 })
    const id = await proxy({ protocol: 'socks4', port: dante.port, username: 'retention' })
    const runIds: string[] = []
    for (let run = 0; run < 5; run++) {
      const { runId } = await f.call('proxies:test', { ids: [id] })
      runIds.push(runId)
      await f.finished(runId)
    }
    const rows = await f.checkRows(id)
    expect(rows).toHaveLength(3)
    const lastThree = runIds
      .slice(2)
      .flatMap((runId) => f.events('checks:progress').filter((p) => p.runId === runId))
      .flatMap((p) => p.results.map((r) => r.checkedAt))
    expect(rows.map((r) => r.checkedAt).sort()).toEqual(lastThree.sort())
    await f.settings({ checkRetentionPerProxy: 50 })
  })

  it('records judge_failed without counting it against the proxy', async () => {
    await f.settings({
      judges: [judge.url('/status/503'), judge.url('/not-json')],
      failureThreshold: 1,
    })
    try {
      const id = await proxy({ protocol: 'socks4', port: dante.port, username: 'judged' })
      for (let run = 0; run < 2; run++) {
        const { runId } = await f.call('proxies:test', { ids: [id] })
        expect(await f.finished(runId)).toMatchObject({ judgeFailed: 1, failed: 0, ok: 0 })
      }
      expect(f.proxyRow(id)).toMatchObject({
        status: 'active',
        consecutive_failures: 0,
        last_error_code: 'judge_failed',
      })
      const rows = await f.checkRows(id)
      expect(rows.map((r) => r.errorCode)).toEqual(['judge_failed', 'judge_failed'])
    } finally {
      await f.settings({ judges: [judge.url('/')], failureThreshold: 2 })
    }
  })

  it('fails a proxy whose upstream is dead while the judge is up, unless told not to ask it directly', async () => {
    const gateway = await startTinyproxy({
      user: USER,
      pass: PASS,
      upstream: `127.0.0.1:${await freePort()}`,
    }).then(servers.add)
    const id = await proxy({ protocol: 'http', port: gateway.port, username: USER, password: PASS })
    await f.settings({ failureThreshold: 1, askJudgesDirectly: false })
    try {
      const quiet = await f.call('proxies:test', { ids: [id] })
      expect(await f.finished(quiet.runId)).toMatchObject({ judgeFailed: 1, failed: 0 })
      expect(f.proxyRow(id)).toMatchObject({ status: 'active', last_error_code: 'judge_failed' })

      await f.settings({ askJudgesDirectly: true })
      const asked = await f.call('proxies:test', { ids: [id] })
      expect(await f.finished(asked.runId)).toMatchObject({ judgeFailed: 0, failed: 1 })
      expect(f.proxyRow(id)).toMatchObject({ status: 'error', last_error_code: 'bad_response' })
      expect(f.proxyRow(id).last_error_message).toContain('answers when asked directly')
    } finally {
      await f.settings({ failureThreshold: 2 })
      await f.call('proxies:remove', { ids: [id] })
    }
  })

  it('notes an exit IP change on a sticky proxy and says nothing for a rotating one', async () => {
    const sticky = await proxy({
      protocol: 'socks4',
      port: dante.port,
      username: 's1',
      sticky: true,
    })
    const rotating = await proxy({ protocol: 'socks4', port: dante.port, username: 'r1' })
    f.ctx.sqlite
      .prepare(`UPDATE proxies SET exit_ip = '203.0.113.9' WHERE id IN (?, ?)`)
      .run(sticky, rotating)
    const { runId } = await f.call('proxies:test', { ids: [sticky, rotating] })
    await f.finished(runId)
    const results = f
      .events('checks:progress')
      .filter((p) => p.runId === runId)
      .flatMap((p) => p.results)
    expect(results.find((r) => r.proxyId === sticky)).toMatchObject({
      ok: true,
      exitIpChanged: true,
      errorMessage: 'exit IP changed from 203.0.113.9 to 127.0.0.1',
    })
    expect(results.find((r) => r.proxyId === rotating)).toMatchObject({
      ok: true,
      exitIpChanged: false,
      errorMessage: null,
    })
    expect((await f.checkRows(sticky))[0]?.errorMessage).toContain('exit IP changed')
    expect((await f.checkRows(rotating))[0]?.errorMessage).toBeNull()
  })

  it('cancels promptly: 200 proxies at a silent tarpit with a 10 s timeout', async () => {
    await f.settings({ checkTimeoutMs: 10_000, checkConcurrency: 64 })
    try {
      const ids: number[] = []
      for (let i = 0; i < 200; i++) {
        ids.push(await proxy({ protocol: 'http', port: tarpit.port, username: `tarpit-${i}` }))
      }
      const started = Date.now()
      const { runId, total } = await f.call('proxies:test', { ids })
      expect(total).toBe(200)
      // A second run while this one is going is refused, naming the running one.
      const busy = await f.refusal('proxies:test', { ids: [ids[0]] })
      expect(busy).toMatchObject({ code: 'CONFLICT', details: { runId } })
      // Cancel once the checks have really reached the tarpit.
      while (tarpit.connections() < 64) await new Promise((r) => setTimeout(r, 10))
      expect(await f.call('proxies:testCancel', { runId })).toEqual({ cancelled: true })
      const last = await f.finished(runId)
      const elapsed = Date.now() - started
      expect(last).toMatchObject({ cancelled: true, finished: true, done: 0 })
      expect(last.remaining).toBe(200)
      expect(elapsed).toBeLessThan(5_000) // the timeout alone would take 4 waves x 10 s
      // Cancelled checks are not recorded as failures.
      expect(f.proxyRow(ids[0] as number)).toMatchObject({
        consecutive_failures: 0,
        last_tested_at: null,
      })
      expect(await f.call('proxies:testCancel', { runId })).toEqual({ cancelled: false })
      expect((await f.call('checks:status', {})).run).toBeNull()
    } finally {
      await f.settings({ checkTimeoutMs: 5_000 })
    }
  })
})

describe('proxies:test input', () => {
  it('refuses malformed selections and unknown ids', async () => {
    for (const input of [
      { ids: [] },
      { ids: [1], failed: true },
      { failed: false },
      { filter: { status: 'broken' } },
      { filter: { nope: 1 } },
    ]) {
      expect((await f.refusal('proxies:test', input)).code).toBe('VALIDATION')
    }
    expect((await f.refusal('proxies:test', { ids: [999_999] })).code).toBe('NOT_FOUND')
    expect((await f.refusal('proxies:testCancel', { runId: 'run-1' })).code).toBe('VALIDATION')
    expect((await f.refusal('proxies:checks', { id: 999_999 })).code).toBe('NOT_FOUND')
  })

  it('tests by filter', async () => {
    const { runId, total } = await f.call('proxies:test', { filter: { protocol: 'socks4' } })
    const socks4 = f.ctx.sqlite
      .prepare(`SELECT count(*) AS n FROM proxies WHERE protocol = 'socks4'`)
      .get() as { n: number }
    expect(total).toBe(socks4.n)
    expect(await f.finished(runId)).toMatchObject({ done: socks4.n, ok: socks4.n })
  })
})
