import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../ipc/dispatch'
import { assignAccount } from './assignment/moves'
import { setProxiesStatus } from './proxies'
import { createFixture, type Fixture } from '../../../test/support/fixture'

let f: Fixture

beforeEach(async () => {
  f = await createFixture()
})

afterEach(async () => {
  await f.dispose()
})

const call = (channel: Parameters<typeof dispatch>[1], input?: unknown) =>
  dispatch(f.ctx, channel, input)

describe('providers', () => {
  it('creates, updates and lists a provider with money in cents', async () => {
    const created = await call('providers:create', {
      name: 'Acme Residential',
      monthlyCostPerProxyCents: 1_250,
      contactEmail: 'ops@acme.example',
      website: 'https://acme.example',
      serviceType: 'residential',
    })
    expect(created).toMatchObject({
      ok: true,
      value: { name: 'Acme Residential', monthlyCostPerProxyCents: 1_250, status: 'active' },
    })
    if (!created.ok) return
    const id = (created.value as { id: number }).id
    f.clock.advance(1_000)
    const updated = await call('providers:update', { id, status: 'suspended', contactEmail: '' })
    expect(updated).toMatchObject({
      ok: true,
      value: { id, status: 'suspended', contactEmail: null, updatedAt: f.clock.now() },
    })
  })

  it('lists stats: proxies by status and by last check, assigned accounts, capacity and monthly spend', async () => {
    const acme = f.provider('Acme', 500)
    const empty = f.provider('Bare', 100)
    const model = f.model()
    const [p1, p2] = [
      f.proxy(acme),
      f.proxy(acme, { monthlyCostOverrideCents: 900, maxAccounts: 5 }),
    ]
    const p3 = f.proxy(acme)
    setProxiesStatus(f.ctx, [p2], 'error')
    // Last checks as the recorder leaves them: p1 passed, p3 just failed while still active.
    const lastCheck = f.ctx.sqlite.prepare(
      'UPDATE proxies SET last_tested_at = ?, last_error_code = ? WHERE id = ?',
    )
    lastCheck.run(1_000, null, p1)
    lastCheck.run(1_000, 'timeout', p3)
    assignAccount(f.ctx, f.account(model), p1, { reason: 'manual', actor: 'operator' })

    const envelope = await call('providers:list', {})

    expect(envelope.ok).toBe(true)
    if (!envelope.ok) return
    const list = envelope.value as { id: number; stats: unknown }[]
    expect(list.map((p) => p.id)).toEqual([acme, empty])
    expect(list[0]?.stats).toEqual({
      proxyCount: 3,
      proxiesByStatus: { active: 2, inactive: 0, error: 1, testing: 0 },
      proxiesByLastCheck: { passed: 1, failed: 1, untested: 1 },
      assignedAccounts: 1,
      capacity: 11,
      monthlySpendCents: 500 + 900 + 500,
    })
    expect(list[1]?.stats).toMatchObject({ proxyCount: 0, capacity: 0, monthlySpendCents: 0 })
  })

  it('refuses a duplicate name with CONFLICT', async () => {
    f.provider('Acme')
    const envelope = await call('providers:create', { name: 'Acme', monthlyCostPerProxyCents: 1 })
    expect(envelope).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  it('refuses removal while it has proxies, leaving everything in place', async () => {
    const acme = f.provider()
    f.proxy(acme)
    const before = f.ctx.sqlite.serialize()
    const envelope = await call('providers:remove', { id: acme })
    expect(envelope).toMatchObject({
      ok: false,
      error: { code: 'RULE_VIOLATION', details: { rule: 'provider_has_proxies', proxies: 1 } },
    })
    expect(f.ctx.sqlite.serialize().equals(before)).toBe(true)
  })

  it('removes with its proxies when asked, releasing their accounts first (proxy_removed)', async () => {
    const acme = f.provider()
    const other = f.provider()
    const model = f.model()
    const proxies = [f.proxy(acme), f.proxy(acme)]
    const kept = f.proxy(other)
    const accounts = [f.account(model), f.account(model)]
    assignAccount(f.ctx, accounts[0]!, proxies[0]!, { reason: 'manual', actor: 'operator' })
    assignAccount(f.ctx, accounts[1]!, kept, { reason: 'manual', actor: 'operator' })

    const envelope = await call('providers:remove', { id: acme, withProxies: true })

    expect(envelope).toEqual({ ok: true, value: { removedProxies: 2, releasedAccounts: 1 } })
    expect(f.count('SELECT count(*) FROM proxy_providers WHERE id = ?', acme)).toBe(0)
    expect(f.rows('SELECT id FROM proxies')).toEqual([{ id: kept }])
    expect(f.rows('SELECT id, proxy_id, status FROM accounts ORDER BY id')).toEqual([
      { id: accounts[0], proxy_id: null, status: 'active' },
      { id: accounts[1], proxy_id: kept, status: 'active' },
    ])
    expect(
      f.rows(
        `SELECT proxy_id, account_id, reason, assigned_by FROM proxy_assignment_history WHERE action = 'released'`,
      ),
    ).toEqual([
      {
        proxy_id: proxies[0],
        account_id: accounts[0],
        reason: 'proxy_removed',
        assigned_by: 'operator',
      },
    ])
  })

  it('removes a provider without proxies, and answers NOT_FOUND for an unknown one', async () => {
    const bare = f.provider()
    expect(await call('providers:remove', { id: bare })).toEqual({
      ok: true,
      value: { removedProxies: 0, releasedAccounts: 0 },
    })
    expect(await call('providers:remove', { id: bare })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
  })

  it("pages a provider's proxies", async () => {
    const acme = f.provider()
    const other = f.provider()
    const ids = Array.from({ length: 5 }, () => f.proxy(acme))
    f.proxy(other)
    const envelope = await call('providers:proxies', { id: acme, page: 2, pageSize: 2 })
    expect(envelope).toMatchObject({ ok: true, value: { total: 5, page: 2, pageSize: 2 } })
    if (!envelope.ok) return
    expect((envelope.value as { items: { id: number }[] }).items.map((p) => p.id)).toEqual(
      ids.slice(2, 4),
    )
  })
})
