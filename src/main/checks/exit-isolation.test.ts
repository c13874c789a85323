import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  serverGroup,
  startJudge,
  type RunningJudge,
  type RunningServer,
} from '../../../test/fixtures'
import {
  startDanteLeavingFrom,
  startSquidLeavingFrom,
  startTinyproxyLeavingFrom,
} from '../../../test/fixtures/bound-exits'
import { createChecksFixture, type ChecksFixture } from '../../../test/support/checks'

/*
 * The isolation guard end to end: real squid, dante and tinyproxy leave through distinct loopback
 * addresses (squid `tcp_outgoing_address`, dante `external:`, tinyproxy `Bind`), the local judge
 * reports the peer address it saw, and squid and dante share one. A real check run records those
 * exits, raises the collision in the run's one alert and marks both proxies; then auto-assign and
 * manual assign refuse as the issue says, and a forced assign lands in history.
 */

const SHARED = '127.0.0.12'
const ALONE = '127.0.0.11'

const servers = serverGroup()
let judge: RunningJudge
let squid: RunningServer
let dante: RunningServer
let tinyproxy: RunningServer
let f: ChecksFixture

beforeAll(async () => {
  ;[judge, squid, dante, tinyproxy] = await Promise.all([
    startJudge().then(servers.add),
    startSquidLeavingFrom(SHARED).then(servers.add),
    startDanteLeavingFrom(SHARED).then(servers.add),
    startTinyproxyLeavingFrom(ALONE).then(servers.add),
  ])
}, 60_000)

afterAll(() => servers.stopAll())
afterEach(async () => f?.dispose())

describe('exit collisions with real proxies on distinct loopback exits', () => {
  it('a check run reveals the shared exit; auto and manual assign refuse; force is in history', async () => {
    f = await createChecksFixture([judge.url('/')])
    const providerId = await f.provider()
    const create = async (protocol: 'http' | 'socks5', port: number, maxAccounts: number) =>
      (
        await f.call('proxies:create', {
          providerId,
          protocol,
          host: '127.0.0.1',
          port,
          maxAccounts,
        })
      ).id
    const viaSquid = await create('http', squid.port, 3)
    const viaDante = await create('socks5', dante.port, 3)
    const viaTinyproxy = await create('http', tinyproxy.port, 1)
    const anna = (await f.call('models:create', { name: 'Anna' })).id
    const bella = (await f.call('models:create', { name: 'Bella' })).id
    const account = async (modelId: number, username: string) =>
      (await f.call('accounts:create', { modelId, platform: 'instagram', username })).id

    // Assigned before any check: nothing is known about the exits yet, so nothing refuses.
    const anna1 = await account(anna, 'anna_one')
    const bella1 = await account(bella, 'bella_one')
    await f.call('assignments:assign', { accountId: anna1, proxyId: viaDante })
    await f.call('assignments:assign', { accountId: bella1, proxyId: viaSquid })

    const started = await f.call('proxies:test', { ids: [viaSquid, viaDante, viaTinyproxy] })
    const progress = await f.finished(started.runId)
    expect(progress).toMatchObject({ ok: 3, failed: 0 })

    // The judge saw each proxy's own exit; squid and dante share one.
    const peers = new Set(judge.requests.map((request) => request.remoteAddress))
    expect(peers).toEqual(new Set([SHARED, ALONE]))
    const exitOf = async (id: number) => (await f.call('proxies:get', { id })).exitIp
    expect(await exitOf(viaSquid)).toBe(SHARED)
    expect(await exitOf(viaDante)).toBe(SHARED)
    expect(await exitOf(viaTinyproxy)).toBe(ALONE)

    // Raised in the run's one aggregated alert, with both proxies, models and the address.
    const alert = f.alerts.find((a) => a.runId === started.runId)
    expect(alert?.collisions).toHaveLength(1)
    expect(alert?.level).toBe('error')
    expect(alert?.message).toContain(
      `Exit collision: proxy 127.0.0.1:${squid.port} (model Bella) and proxy 127.0.0.1:${dante.port} (model Anna) both leave from ${SHARED}.`,
    )

    // Both proxies marked, and findable by the filter; the dashboard's list links the accounts.
    expect((await f.call('proxies:get', { id: viaSquid })).exitCollisions).toBe(1)
    expect((await f.call('proxies:get', { id: viaDante })).exitCollisions).toBe(1)
    expect((await f.call('proxies:get', { id: viaTinyproxy })).exitCollisions).toBe(0)
    const marked = await f.call('proxies:list', { collision: true })
    expect(marked.items.map((p) => p.id)).toEqual([viaSquid, viaDante])
    const open = await f.call('assignments:collisions', {})
    expect(open).toHaveLength(1)
    expect(open[0]?.accounts.map((a) => a.username).sort()).toEqual(['anna_one', 'bella_one'])

    // A second run over the same exits raises nothing new.
    const again = await f.call('proxies:test', { ids: [viaSquid, viaDante] })
    await f.finished(again.runId)
    expect(f.alerts.find((a) => a.runId === again.runId)).toBeUndefined()

    // Free squid's proxy: it still shares Anna's exit, so Bella's accounts may not go there.
    await f.call('assignments:release', { accountIds: [bella1] })
    const bella2 = await account(bella, 'bella_two')
    const auto = await f.call('assignments:auto', { modelId: bella })
    // bella_one skips squid's proxy for the next available one (tinyproxy's, one slot)...
    expect(auto.assigned).toEqual([{ accountId: bella1, proxyId: viaTinyproxy, modelId: bella }])
    // ...and bella_two is left out, naming the proxy it collides with.
    expect(auto.unassigned).toEqual([
      {
        accountId: bella2,
        modelId: bella,
        reason: 'exit_collision',
        collision: {
          proxyId: viaSquid,
          otherProxyId: viaDante,
          otherModelId: anna,
          address: SHARED,
        },
      },
    ])

    const refusal = await f.refusal('assignments:assign', { accountId: bella2, proxyId: viaSquid })
    expect(refusal.code).toBe('RULE_VIOLATION')
    expect(refusal.details).toMatchObject({ rule: 'exit_collision', address: SHARED })
    expect(refusal.message).toContain(`proxy #${viaSquid} (127.0.0.1:${squid.port})`)
    expect(refusal.message).toContain(`proxy #${viaDante} (127.0.0.1:${dante.port})`)
    expect(refusal.message).toContain(SHARED)

    const forced = await f.call('assignments:assign', {
      accountId: bella2,
      proxyId: viaSquid,
      force: true,
    })
    expect(forced.proxyId).toBe(viaSquid)
    const history = await f.call('history:list', { accountId: bella2 })
    expect(history.items[0]).toMatchObject({
      action: 'assigned',
      proxyId: viaSquid,
      assignedBy: 'operator',
      reason: 'manual',
    })
    expect(history.items[0]?.detail).toContain(`Forced past an exit collision`)
    expect(history.items[0]?.detail).toContain(SHARED)
  }, 120_000)
})
