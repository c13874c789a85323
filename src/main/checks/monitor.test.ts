import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  freePort,
  serverGroup,
  startJudge,
  startTinyproxy,
  type RunningJudge,
  type RunningServer,
} from '../../../test/fixtures'
import { startTinyproxyLeavingFrom } from '../../../test/fixtures/bound-exits'
import { createChecksFixture, type ChecksFixture } from '../../../test/support/checks'
import type { Timers } from './monitor'

// An open tinyproxy: it ignores credentials, so session usernames keep the stored endpoints
// distinct the way a residential gateway's sessions do.
const PASS = 'm0nitor-pass'

const servers = serverGroup()
let tinyproxy: RunningServer
// Leaves through another loopback address: a proxy of another model on the same exit would be an
// exit collision, which failover rightly refuses to move accounts next to.
let otherExit: RunningServer
let judge: RunningJudge
const fixtures: ChecksFixture[] = []

beforeAll(async () => {
  ;[tinyproxy, judge, otherExit] = await Promise.all([
    startTinyproxy().then(servers.add),
    startJudge().then(servers.add),
    startTinyproxyLeavingFrom('127.0.0.21').then(servers.add),
  ])
})

afterAll(() => servers.stopAll())

afterEach(async () => {
  for (const fixture of fixtures.splice(0)) await fixture.dispose()
})

async function setup(options: Parameters<typeof createChecksFixture>[1] = {}) {
  const f = await createChecksFixture([judge.url('/')], options)
  fixtures.push(f)
  const providerId = await f.provider()
  let session = 0
  const good = async (maxAccounts = 3, port = tinyproxy.port) =>
    (
      await f.call('proxies:create', {
        providerId,
        protocol: 'http',
        host: '127.0.0.1',
        port,
        username: `session-${++session}`,
        password: PASS,
        maxAccounts,
      })
    ).id
  const bad = async (fields: { status?: 'inactive'; maxAccounts?: number } = {}) =>
    (
      await f.call('proxies:create', {
        providerId,
        protocol: 'http',
        host: '127.0.0.1',
        port: await freePort(), // nothing listens there: refused
        ...fields,
      })
    ).id
  const model = async (name: string) => (await f.call('models:create', { name })).id
  const account = async (modelId: number, proxyId: number) => {
    const { id } = await f.call('accounts:create', {
      modelId,
      platform: 'instagram',
      username: `acct-${modelId}-${++session}`,
    })
    await f.call('assignments:assign', { accountId: id, proxyId })
    return id
  }
  const history = (accountId: number) =>
    f.ctx.sqlite
      .prepare(
        `SELECT proxy_id, action, reason, assigned_by FROM proxy_assignment_history
          WHERE account_id = ? ORDER BY id`,
      )
      .all(accountId)
  return { f, good, bad, model, account, history }
}

describe('health monitor rounds', () => {
  it('moves a proxy to error after N failures with one aggregated alert, and back on success', async () => {
    const { f, good, bad } = await setup()
    const ok = await good()
    const b1 = await bad()
    const b2 = await bad()
    const off = await bad({ status: 'inactive' })

    const first = await f.ctx.checks.monitor.runRound()
    expect(first.counts).toMatchObject({ origin: 'monitor', total: 3, ok: 1, failed: 2 })
    expect(first.alert).toBeNull()
    expect(f.proxyRow(b1)).toMatchObject({ status: 'active', consecutive_failures: 1 })
    expect(f.proxyRow(off).last_tested_at).toBeNull() // inactive proxies are not monitored

    const second = await f.ctx.checks.monitor.runRound()
    expect(f.proxyRow(b1)).toMatchObject({ status: 'error', consecutive_failures: 2 })
    expect(f.proxyRow(b2)).toMatchObject({ status: 'error', consecutive_failures: 2 })
    expect(f.proxyRow(ok)).toMatchObject({ status: 'active', consecutive_failures: 0 })
    expect(f.alerts).toHaveLength(1)
    expect(f.events('monitor:alert')).toEqual(f.alerts)
    const alert = f.alerts[0]
    expect(second.alert).toEqual(alert)
    expect(alert).toMatchObject({ origin: 'monitor', level: 'error', title: '2 proxies failing' })
    expect(alert?.failing.map((p) => p.id)).toEqual([b1, b2])
    expect(alert?.failing[0]).toMatchObject({ errorCode: 'refused' })
    const labels = alert?.failing.map((p) => p.label) ?? []
    expect(alert?.message).toContain(`2 proxies failing: ${labels.join(', ')}.`)
    expect(f.statuses.at(-1)).toEqual({ failing: 2, total: 3, level: 'error' })
    expect(f.events('monitor:health').at(-1)).toEqual({ failing: 2, total: 3, level: 'error' })

    // Still failing: no transition, no new alert.
    await f.ctx.checks.monitor.runRound()
    expect(f.alerts).toHaveLength(1)
    expect(f.proxyRow(b1).consecutive_failures).toBe(3)

    // b1 comes back (pointed at the live proxy): active again, one alert saying so.
    await f.call('proxies:update', {
      id: b1,
      port: tinyproxy.port,
      username: 'session-fixed',
      password: PASS,
    })
    const fourth = await f.ctx.checks.monitor.runRound()
    expect(f.proxyRow(b1)).toMatchObject({ status: 'active', consecutive_failures: 0 })
    expect(fourth.alert).toMatchObject({ level: 'info', title: '1 proxy recovered', failing: [] })
    expect(fourth.alert?.recovered.map((p) => p.id)).toEqual([b1])
    expect(f.statuses.at(-1)).toEqual({ failing: 1, total: 3, level: 'warning' })
  })

  it('fails over accounts to proxies of the same model, reporting those that cannot move', async () => {
    const { f, good, bad, model, account, history } = await setup()
    await f.settings({ failoverEnabled: true, failureThreshold: 1 })
    const modelA = await model('Model A')
    const modelB = await model('Model B')
    const failing = await bad({ maxAccounts: 3 })
    const accounts = [
      await account(modelA, failing),
      await account(modelA, failing),
      await account(modelA, failing),
    ]
    const spare = await good(2) // room for two of the three
    const otherModel = await good(3, otherExit.port)
    await account(modelB, otherModel) // serves model B: cannot take model A's accounts

    const changesBefore = f.events('data:changed').length
    const round = await f.ctx.checks.monitor.runRound()
    expect(f.proxyRow(failing).status).toBe('error')
    const alert = round.alert
    expect(alert?.failover.enabled).toBe(true)
    expect(alert?.failover.moved).toEqual([
      expect.objectContaining({ accountId: accounts[0], fromProxyId: failing, toProxyId: spare }),
      expect.objectContaining({ accountId: accounts[1], fromProxyId: failing, toProxyId: spare }),
    ])
    expect(alert?.failover.stranded).toEqual([
      expect.objectContaining({ accountId: accounts[2], proxyId: failing }),
    ])
    expect(alert?.message).toContain('2 accounts were moved to other proxies.')
    expect(alert?.message).toContain('1 account could not be moved')
    for (const moved of accounts.slice(0, 2)) {
      expect(history(moved as number).at(-1)).toEqual({
        proxy_id: spare,
        action: 'reassigned',
        reason: 'proxy_failed',
        assigned_by: 'system',
      })
    }
    // The stranded account stays where it was, with no failover row.
    const stranded = accounts[2] as number
    expect((await f.call('accounts:get', { id: stranded })).proxyId).toBe(failing)
    expect(history(stranded)).toHaveLength(1)
    expect(f.alerts).toHaveLength(1)
    // Open account and assignment views hear about the moves.
    expect(f.events('data:changed').slice(changesBefore)).toContainEqual({
      kinds: ['accounts', 'proxies', 'history'],
    })
  })

  it('leaves accounts in place with failover off and says so', async () => {
    const { f, bad, model, account, history } = await setup()
    await f.settings({ failureThreshold: 1 })
    const modelId = await model('Model C')
    const failing = await bad()
    const accountId = await account(modelId, failing)
    const round = await f.ctx.checks.monitor.runRound()
    expect(round.alert?.failover).toEqual({ enabled: false, moved: [], stranded: [] })
    expect(round.alert?.message).toContain('1 account is on the failing proxy (failover is off).')
    expect(history(accountId)).toHaveLength(1)
  })

  it('never overlaps: concurrent rounds join, and a round waits for an operator run', async () => {
    const { f, good } = await setup()
    const id = await good()
    const operator = await f.call('proxies:test', { ids: [id] })
    const [a, b] = await Promise.all([
      f.ctx.checks.monitor.runRound(),
      f.ctx.checks.monitor.runRound(),
    ])
    expect(a.runId).toBe(b.runId)
    expect(a.runId).not.toBe(operator.runId)
    const starts = f
      .events('checks:progress')
      .filter((p) => p.done === 0 || p.finished)
      .map((p) => `${p.origin}:${p.finished ? 'end' : 'start'}`)
    expect(starts).toEqual(['operator:start', 'operator:end', 'monitor:start', 'monitor:end'])
    // monitor:runNow starts a round in the background; a second call joins it.
    const now = await f.call('monitor:runNow', {})
    expect(await f.call('monitor:runNow', {})).toEqual(now)
    expect((await f.refusal('proxies:test', { ids: [id] })).code).toBe('CONFLICT')
    expect((await f.finished(now.runId)).origin).toBe('monitor')
    expect((await f.call('checks:status', {})).monitor.lastRoundAt).not.toBeNull()
  })
})

function fakeTimers(): Timers & { pending(): number[]; fire(): void } {
  const pending = new Map<number, { fn: () => void; ms: number }>()
  let seq = 0
  return {
    setTimeout(fn, ms) {
      pending.set(++seq, { fn, ms })
      return seq
    },
    clearTimeout: (handle) => void pending.delete(handle as number),
    pending: () => [...pending.values()].map((timer) => timer.ms),
    fire() {
      const [entry] = pending
      if (!entry) throw new Error('no timer pending')
      pending.delete(entry[0])
      entry[1].fn()
    },
  }
}

describe('health monitor scheduler', () => {
  it('schedules rounds from the settings and follows their changes', async () => {
    const timers = fakeTimers()
    const { f, good } = await setup({ monitor: { timers, firstRoundDelayMs: 1_000 } })
    const monitor = f.ctx.checks.monitor
    await good()
    expect(timers.pending()).toEqual([])
    monitor.start()
    expect(timers.pending()).toEqual([1_000])
    expect(monitor.status()).toMatchObject({
      enabled: true,
      intervalMinutes: 15,
      lastRoundAt: null,
    })
    expect(monitor.status().nextRoundAt).toBeGreaterThan(Date.now())

    timers.fire()
    const round = await monitor.runRound() // joins the round the timer started
    expect(round.counts).toMatchObject({ total: 1, ok: 1 })
    await vi.waitFor(() => expect(timers.pending()).toEqual([15 * 60_000]))
    expect(monitor.status().lastRoundAt).not.toBeNull()

    await f.settings({ monitorIntervalMinutes: 5 })
    expect(timers.pending()).toEqual([5 * 60_000])
    await f.settings({ monitorEnabled: false })
    expect(timers.pending()).toEqual([])
    expect(monitor.status()).toMatchObject({ enabled: false, nextRoundAt: null })
    await f.settings({ monitorEnabled: true })
    expect(timers.pending()).toEqual([1_000])
    monitor.stop()
    expect(timers.pending()).toEqual([])
    await f.settings({ monitorIntervalMinutes: 7 })
    expect(timers.pending()).toEqual([])
  })
})

describe('failover after a crash', () => {
  // What a run killed between writing its results and failing over leaves behind: proxies in
  // `error` (streak at the threshold) with active accounts still on them.
  async function strandedByCrash(failoverEnabled: boolean) {
    const timers = fakeTimers()
    const s = await setup({ monitor: { timers, firstRoundDelayMs: 1_000 } })
    await s.f.settings({ failoverEnabled })
    const modelId = await s.model('Model Crash')
    const dead = [await s.bad(), await s.bad()]
    const accounts = [
      await s.account(modelId, dead[0] as number),
      await s.account(modelId, dead[0] as number),
      await s.account(modelId, dead[1] as number),
    ]
    const spare = await s.good(3)
    s.f.ctx.sqlite
      .prepare(
        `UPDATE proxies SET status = 'error', consecutive_failures = 2
          WHERE id IN (SELECT value FROM json_each(?))`,
      )
      .run(JSON.stringify(dead))
    return { ...s, timers, dead, accounts, spare }
  }

  it("the monitor's first round moves the accounts left on error proxies", async () => {
    const { f, timers, dead, accounts, spare, history } = await strandedByCrash(true)
    f.ctx.checks.monitor.start()
    timers.fire()
    const round = await f.ctx.checks.monitor.runRound() // joins the round the timer started
    // Still failing, so no transition this round: the moves come from the state left behind.
    expect(dead.map((id) => f.proxyRow(id).status)).toEqual(['error', 'error'])
    expect(round.alert?.failing).toEqual([])
    for (const accountId of accounts) {
      expect((await f.call('accounts:get', { id: accountId })).proxyId).toBe(spare)
      expect(history(accountId).at(-1)).toEqual({
        proxy_id: spare,
        action: 'reassigned',
        reason: 'proxy_failed',
        assigned_by: 'system',
      })
    }
    expect(round.alert?.failover.moved.map((m) => m.accountId)).toEqual(accounts)
    expect(round.alert?.message).toContain('3 accounts moved off proxies left failing.')
    expect(f.alerts).toEqual([round.alert])
    expect(f.events('data:changed')).toContainEqual({ kinds: ['accounts', 'proxies', 'history'] })

    // Nothing left to move: the next round is quiet.
    const next = await f.ctx.checks.monitor.runRound()
    expect(next.alert).toBeNull()
    f.ctx.checks.monitor.stop()
  })

  it('moves nothing with failover off', async () => {
    const { f, timers, dead, accounts, history } = await strandedByCrash(false)
    f.ctx.checks.monitor.start()
    timers.fire()
    const round = await f.ctx.checks.monitor.runRound()
    expect(round.alert).toBeNull()
    for (const [index, accountId] of accounts.entries()) {
      const on = index < 2 ? dead[0] : dead[1]
      expect((await f.call('accounts:get', { id: accountId })).proxyId).toBe(on)
      expect(history(accountId)).toHaveLength(1)
    }
    f.ctx.checks.monitor.stop()
  })
})
