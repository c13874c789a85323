import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  freePort,
  serverGroup,
  startJudge,
  startTarpit,
  startTinyproxy,
  type RunningJudge,
  type RunningServer,
  type RunningTarpit,
} from '../../../test/fixtures'
import { createChecksFixture, type ChecksFixture } from '../../../test/support/checks'

// The judge fixture doubles as the provider's rotation API: `/status/<code>` answers that code
// and every request is recorded.
const servers = serverGroup()
let api: RunningJudge
let stalled: RunningTarpit
let tinyproxy: RunningServer
let f: ChecksFixture
let providerId: number
let modelId: number

beforeAll(async () => {
  ;[api, stalled, tinyproxy] = await Promise.all([
    startJudge().then(servers.add),
    startTarpit('silent').then(servers.add),
    startTinyproxy().then(servers.add),
  ])
  // The judge is asked through the proxy only: the exit IP is what it saw.
  f = await createChecksFixture([api.url('/')])
  await f.settings({ askJudgesDirectly: false })
  providerId = await f.provider()
  modelId = (await f.call('models:create', { name: 'Rotating model' })).id
})

afterAll(async () => {
  await f?.dispose()
  await servers.stopAll()
})

let port = 20_000
async function rotatingProxy(
  rotationUrl: string | null,
  accounts = 0,
  endpoint: { host: string; port: number } = { host: 'gw.rotating.example', port: ++port },
): Promise<number> {
  const { id } = await f.call('proxies:create', {
    providerId,
    protocol: 'http',
    ...endpoint,
    rotationUrl,
    maxAccounts: 5,
  })
  for (let i = 0; i < accounts; i++) {
    const account = await f.call('accounts:create', {
      modelId,
      platform: 'tiktok',
      username: `rot-${port}-${i}`,
    })
    await f.call('assignments:assign', { accountId: account.id, proxyId: id })
  }
  return id
}

function rotationRows(proxyId: number) {
  return f.ctx.sqlite
    .prepare(
      `SELECT account_id, model_id, action, reason, assigned_by FROM proxy_assignment_history
        WHERE proxy_id = ? AND action = 'rotated' ORDER BY id`,
    )
    .all(proxyId) as { account_id: number; action: string; reason: string; assigned_by: string }[]
}

describe('proxies:rotate', () => {
  it('calls the rotation URL, records a rotation for every account and checks the proxy again', async () => {
    const id = await rotatingProxy(api.url('/status/200?key=secret-api-key'), 3, {
      host: '127.0.0.1',
      port: tinyproxy.port,
    })
    // The exit it had before: a loopback proxy can only ever answer from 127.0.0.1, so the old
    // one is written as a check would have left it.
    f.ctx.sqlite.prepare(`UPDATE proxies SET exit_ip = '203.0.113.7' WHERE id = ?`).run(id)
    const result = await f.call('proxies:rotate', { id })
    expect(result).toMatchObject({
      ok: true,
      status: 200,
      accounts: 3,
      message: null,
      previousExitIp: '203.0.113.7',
      recheck: { proxyId: id, ok: true, errorCode: null, exitIp: '127.0.0.1' },
      recheckSkipped: null,
    })
    // Recorded like any check: the proxy now shows the new exit.
    expect(f.proxyRow(id)).toMatchObject({ exit_ip: '127.0.0.1', last_error_code: null })
    expect((await f.checkRows(id)).map((check) => check.id)).toEqual([result.recheck?.id])
    // The rotation call, then the check through the proxy.
    expect(api.requests.slice(-2).map((request) => request.path)).toEqual([
      '/status/200?key=secret-api-key',
      '/',
    ])
    const accounts = (await f.call('proxies:get', { id })).accounts.map((a) => a.id)
    expect(rotationRows(id)).toEqual(
      accounts.map((accountId) => ({
        account_id: accountId,
        model_id: modelId,
        action: 'rotated',
        reason: 'rotation',
        assigned_by: 'operator',
      })),
    )
    const listed = await f.call('history:list', { proxyId: id, action: 'rotated' })
    expect(listed.total).toBe(3)
  })

  it('says why the proxy was not checked again while another run is going', async () => {
    const slow = await rotatingProxy(null, 0, { host: '127.0.0.1', port: stalled.port })
    const busy = await f.call('proxies:test', { ids: [slow] })
    try {
      const id = await rotatingProxy(api.url('/status/204'), 1)
      const result = await f.call('proxies:rotate', { id })
      expect(result).toMatchObject({ ok: true, status: 204, accounts: 1, recheck: null })
      expect(result.recheckSkipped).toContain('Another test run is checking proxies')
      expect(rotationRows(id)).toHaveLength(1)
    } finally {
      await f.call('proxies:testCancel', { runId: busy.runId })
      await f.finished(busy.runId)
    }
  })

  it('records nothing when the provider refuses, and says why', async () => {
    const id = await rotatingProxy(api.url('/status/503'), 1)
    expect(await f.call('proxies:rotate', { id })).toEqual({
      ok: false,
      status: 503,
      accounts: 0,
      message: 'the rotation URL answered HTTP 503',
      previousExitIp: null,
      recheck: null,
      recheckSkipped: null,
    })
    expect(rotationRows(id)).toEqual([])
    expect(await f.checkRows(id)).toEqual([])
  })

  it('gives up on an unreachable or stalled rotation URL within the check timeout', async () => {
    const refused = await rotatingProxy(`http://127.0.0.1:${await freePort()}/rotate?key=k`, 1)
    const unreachable = await f.call('proxies:rotate', { id: refused })
    expect(unreachable).toMatchObject({ ok: false, status: null, accounts: 0 })
    expect(unreachable.message).toContain('ECONNREFUSED')
    expect(unreachable.message).not.toContain('key=k')

    await f.settings({ checkTimeoutMs: 1_000 })
    try {
      const id = await rotatingProxy(`http://127.0.0.1:${stalled.port}/rotate`, 1)
      const started = Date.now()
      const result = await f.call('proxies:rotate', { id })
      expect(result).toMatchObject({
        ok: false,
        status: null,
        accounts: 0,
        message: 'no answer within 1000 ms',
        recheck: null,
      })
      expect(Date.now() - started).toBeLessThan(5_000)
      expect(stalled.connections()).toBeGreaterThan(0)
      expect(rotationRows(id)).toEqual([])
    } finally {
      await f.settings({ checkTimeoutMs: 5_000 })
    }
  })

  it('refuses a proxy without a rotation URL, and unknown proxies', async () => {
    const id = await rotatingProxy(null)
    expect(await f.refusal('proxies:rotate', { id })).toMatchObject({
      code: 'RULE_VIOLATION',
      details: { rule: 'no_rotation_url', proxyId: id },
    })
    expect((await f.refusal('proxies:rotate', { id: 999_999 })).code).toBe('NOT_FOUND')
  })
})
