import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ReachabilityResult } from '../../shared/contracts/dto'
import { defaultSettings, type ReachTargetSetting } from '../../shared/settings'
import {
  freePort,
  serverGroup,
  SITE_KEYWORD,
  startJudge,
  startMicrosocks,
  startPlatformSite,
  startTarpit,
  startTinyproxy,
  type RunningJudge,
  type RunningServer,
  type RunningSite,
} from '../../../test/fixtures'
import { createChecksFixture, type ChecksFixture } from '../../../test/support/checks'

// Platform reachability through real tinyproxy (CONNECT) and microsocks (SOCKS5), with HTTPS
// servers on loopback standing in for the platforms: one answers 200 with the keyword, one 403,
// one 200 without the keyword, one resets the connection at the TLS ClientHello.
const USER = 'reachuser'
const PASS = 'R3ach-Pa55'

const servers = serverGroup()
let tinyproxy: RunningServer
let microsocks: RunningServer
let openTinyproxy: RunningServer
let judge: RunningJudge
let home: RunningSite
let forbidden: RunningSite
let bare: RunningSite
let reset: RunningSite
let f: ChecksFixture
let providerId: number
let modelId: number
let httpId: number
let socksId: number
let accounts = 0

const site = (url: string, keyword: string | null = SITE_KEYWORD): ReachTargetSetting => ({
  enabled: true,
  url,
  minStatus: 200,
  maxStatus: 299,
  keyword,
})
const off = (setting: ReachTargetSetting): ReachTargetSetting => ({ ...setting, enabled: false })

beforeAll(async () => {
  ;[tinyproxy, microsocks, openTinyproxy, judge, home, forbidden, bare, reset] = await Promise.all([
    startTinyproxy({ user: USER, pass: PASS }).then(servers.add),
    startMicrosocks({ user: USER, pass: PASS }).then(servers.add),
    startTinyproxy().then(servers.add),
    startJudge({ https: true }).then(servers.add),
    startPlatformSite({ status: 200, keyword: true }).then(servers.add),
    startPlatformSite({ status: 403, keyword: true }).then(servers.add),
    startPlatformSite({ status: 200, keyword: false }).then(servers.add),
    startPlatformSite('reset').then(servers.add),
  ])
  f = await createChecksFixture([judge.url('/')])
  providerId = await f.provider()
  modelId = (await f.call('models:create', { name: 'Reach model' })).id
  await f.settings({
    platformTargets: {
      instagram: site(home.url('/')),
      tiktok: site(forbidden.url('/')),
      twitter: site(bare.url('/')),
      reddit: site(reset.url('/')),
      onlyfans: off(site(home.url('/of'))),
      other: off(site(home.url('/other'))),
    },
    customTarget: off(site(home.url('/custom'))),
  })
  httpId = await proxies.http()
  socksId = await proxies.socks5()
})

afterAll(async () => {
  await f?.dispose()
  await servers.stopAll()
})

const proxies = {
  http: () =>
    f
      .call('proxies:create', {
        providerId,
        protocol: 'http',
        host: '127.0.0.1',
        port: tinyproxy.port,
        username: USER,
        password: PASS,
      })
      .then((proxy) => proxy.id),
  socks5: () =>
    f
      .call('proxies:create', {
        providerId,
        protocol: 'socks5',
        host: '127.0.0.1',
        port: microsocks.port,
        username: USER,
        password: PASS,
      })
      .then((proxy) => proxy.id),
  /** A proxy without credentials, on its own tinyproxy (one endpoint is one stored proxy). */
  open: () =>
    f
      .call('proxies:create', {
        providerId,
        protocol: 'http',
        host: '127.0.0.1',
        port: openTinyproxy.port,
      })
      .then((proxy) => proxy.id),
}

async function accountOn(proxyId: number, platform: 'instagram' | 'tiktok' | 'reddit') {
  const account = await f.call('accounts:create', {
    modelId,
    platform,
    username: `reach-${++accounts}`,
  })
  await f.call('assignments:assign', { accountId: account.id, proxyId })
  return account.id
}

async function run(input: Parameters<ChecksFixture['call']>[1] & object) {
  const started = await f.call('proxies:test', input as never)
  return f.finished(started.runId)
}

const stored = (proxyId: number): ReachabilityResult[] | null => {
  const row = f.ctx.sqlite
    .prepare('SELECT reachability FROM proxies WHERE id = ?')
    .get(proxyId) as {
    reachability: string | null
  }
  return row.reachability === null ? null : (JSON.parse(row.reachability) as ReachabilityResult[])
}

const brief = (results: ReachabilityResult[] | null | undefined) =>
  results?.map(({ platform, outcome, status, errorCode }) => ({
    platform,
    outcome,
    status,
    errorCode,
  })) ?? null

describe('platform reachability', () => {
  it('classifies the four loopback targets through tinyproxy and microsocks, and stores them', async () => {
    const ids = [httpId, socksId]
    const finished = await run({ ids, targets: 'all' })
    expect(finished.ok).toBe(2)

    for (const id of ids) {
      const expected = [
        { platform: 'instagram', outcome: 'reached', status: 200, errorCode: null },
        { platform: 'tiktok', outcome: 'blocked_status', status: 403, errorCode: null },
        { platform: 'twitter', outcome: 'keyword_missing', status: 200, errorCode: null },
        // The checker's class for a tunnel closed during TLS (failure.ts judgeTlsFailure).
        { platform: 'reddit', outcome: 'failed', status: null, errorCode: 'protocol_error' },
      ]
      // The run's own result, the check row (proxies:checks) and the proxy's column agree.
      const result = f
        .events('checks:progress')
        .flatMap((progress) => progress.results)
        .find((entry) => entry.proxyId === id)
      expect(brief(result?.reachability), `result of proxy ${id}`).toEqual(expected)
      const [row] = await f.checkRows(id)
      expect(row?.ok).toBe(true)
      expect(brief(row?.reachability), `check row of proxy ${id}`).toEqual(expected)
      expect(brief(stored(id)), `proxy ${id}`).toEqual(expected)
      expect(row?.reachability?.[0]?.url).toBe(home.url('/'))
      expect(row?.reachability?.[1]?.message).toContain('403')
      expect(row?.reachability?.[3]?.message).toMatch(/during TLS with the site \(ECONNRESET\)/)
      // The proxy still works: the blocked platforms do not fail the check.
      expect(f.proxyRow(id)).toMatchObject({ status: 'active', consecutive_failures: 0 })
      // Credentials never reach a stored message.
      expect(JSON.stringify(row?.reachability)).not.toContain(PASS)
    }
    // The sites were asked as a browser would ask them.
    expect(home.userAgents.at(-1)).toMatch(/^Mozilla\/5\.0/)
  })

  it("'assigned' (the default, and the monitor's) fetches the platforms of the accounts on each proxy", async () => {
    const withAccounts = httpId
    const socksWithAccount = socksId
    const empty = await proxies.open()
    await accountOn(withAccounts, 'instagram')
    await accountOn(withAccounts, 'reddit')
    await accountOn(withAccounts, 'instagram')
    await accountOn(socksWithAccount, 'tiktok')
    const asked = home.userAgents.length

    await run({ ids: [withAccounts, socksWithAccount, empty] })
    const platforms = (id: number) => stored(id)?.map((result) => result.platform) ?? null
    expect(platforms(withAccounts)).toEqual(['instagram', 'reddit'])
    expect(brief(stored(socksWithAccount))).toEqual([
      { platform: 'tiktok', outcome: 'blocked_status', status: 403, errorCode: null },
    ])
    expect(platforms(empty)).toBeNull()
    expect((await f.checkRows(empty))[0]?.reachability).toBeNull()
    expect(home.userAgents.length).toBe(asked + 1) // one proxy has an instagram account

    // A monitor round picks them the same way.
    const round = await f.ctx.checks.monitor.runRound()
    const [latest] = await f.checkRows(socksWithAccount)
    expect(brief(latest?.reachability)?.map((result) => result.platform)).toEqual(['tiktok'])
    expect(round.counts.ok).toBeGreaterThanOrEqual(3)
  })

  it("'none' fetches nothing and keeps the proxy's last results; the custom target goes with 'assigned' to every proxy", async () => {
    const id = httpId // instagram and reddit accounts since the previous test
    const empty = (await f.call('proxies:list', {})).items.find(
      (proxy) => proxy.port === openTinyproxy.port,
    )?.id as number
    await run({ ids: [id] })
    const before = stored(id)
    expect(brief(before)?.map((result) => result.platform)).toEqual(['instagram', 'reddit'])

    await run({ ids: [id], targets: 'none' })
    expect((await f.checkRows(id))[0]?.reachability).toBeNull()
    expect(stored(id)).toEqual(before) // a check that fetched nothing leaves the last results

    await f.settings({ customTarget: site(home.url('/custom')) })
    try {
      await run({ ids: [id, empty] })
      expect(brief(stored(id))?.map((result) => result.platform)).toEqual([
        'instagram',
        'reddit',
        'custom',
      ])
      expect(brief(stored(empty))).toEqual([
        { platform: 'custom', outcome: 'reached', status: 200, errorCode: null },
      ])
    } finally {
      await f.settings({ customTarget: off(site(home.url('/custom'))) })
    }
  })

  it('refuses an unknown targets choice and starts nothing', async () => {
    const runs = f.events('checks:progress').length
    const refusal = await f.refusal('proxies:test', { ids: [httpId], targets: 'some' })
    expect(refusal.code).toBe('VALIDATION')
    expect(f.events('checks:progress').length).toBe(runs)
  })

  it('fetches no target through a proxy whose check failed', async () => {
    const dead = (
      await f.call('proxies:create', {
        providerId,
        protocol: 'http',
        host: '127.0.0.1',
        port: await freePort(),
      })
    ).id
    await accountOn(dead, 'instagram')
    const asked = home.userAgents.length
    const finished = await run({ ids: [dead], targets: 'all' })
    expect(finished.failed).toBe(1)
    expect((await f.checkRows(dead))[0]?.reachability).toBeNull()
    expect(home.userAgents.length).toBe(asked)
  })

  it("a target that never answers is cut off at the check's deadline; the check still passes", async () => {
    const silent = servers.add(await startTarpit('silent'))
    const id = httpId // instagram and reddit accounts; reddit's target is off here
    await f.settings({
      checkTimeoutMs: 2_000,
      platformTargets: {
        ...defaultSettings.platformTargets,
        instagram: site(`https://127.0.0.1:${silent.port}/`, null),
        tiktok: off(site(forbidden.url('/'))),
        twitter: off(site(bare.url('/'))),
        reddit: off(site(reset.url('/'))),
        onlyfans: off(site(home.url('/of'))),
        other: off(site(home.url('/other'))),
      },
    })
    try {
      const finished = await run({ ids: [id] })
      expect(finished.ok).toBe(1)
      const [row] = await f.checkRows(id)
      expect(brief(row?.reachability)).toEqual([
        { platform: 'instagram', outcome: 'failed', status: null, errorCode: 'timeout' },
      ])
      expect(row?.reachability?.[0]?.message).toMatch(/deadline/)
    } finally {
      await f.settings({
        checkTimeoutMs: 5_000,
        platformTargets: {
          instagram: site(home.url('/')),
          tiktok: site(forbidden.url('/')),
          twitter: site(bare.url('/')),
          reddit: site(reset.url('/')),
          onlyfans: off(site(home.url('/of'))),
          other: off(site(home.url('/other'))),
        },
      })
    }
  })
})

describe('platform target settings', () => {
  it('refuses a bad URL and a range whose minimum is above its maximum, changing nothing', async () => {
    const before = await f.call('settings:get', undefined as never)
    const good = before.platformTargets
    const cases: unknown[] = [
      { platformTargets: { ...good, instagram: { ...good.instagram, url: 'not a url' } } },
      { platformTargets: { ...good, instagram: { ...good.instagram, url: 'http://x.example/' } } },
      {
        platformTargets: {
          ...good,
          tiktok: { ...good.tiktok, minStatus: 400, maxStatus: 299 },
        },
      },
      { customTarget: { ...before.customTarget, minStatus: 500, maxStatus: 200 } },
      { customTarget: { ...before.customTarget, url: 'https://\u0000.example/' } },
      { platformTargets: { instagram: good.instagram } }, // every platform must be named
      // A valid key next to a bad one: all or nothing.
      { checkTimeoutMs: 7_000, customTarget: { ...before.customTarget, maxStatus: 99 } },
    ]
    for (const input of cases) {
      const refusal = await f.refusal('settings:set', input)
      expect(refusal.code, JSON.stringify(input)).toBe('VALIDATION')
    }
    const minAboveMax = await f.refusal('settings:set', cases[2])
    expect(JSON.stringify(minAboveMax.details)).toMatch(/platformTargets.*tiktok.*maxStatus/)
    expect(await f.call('settings:get', undefined as never)).toEqual(before)
  })

  it('ships a target for every platform, https, with a sane range', () => {
    for (const [platform, target] of Object.entries(defaultSettings.platformTargets)) {
      expect(target.url, platform).toMatch(/^https:\/\//)
      expect(target.minStatus).toBeLessThanOrEqual(target.maxStatus)
    }
    expect(defaultSettings.platformTargets.other.enabled).toBe(false)
    expect(defaultSettings.customTarget.enabled).toBe(false)
  })
})
