import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createFixture, derivedColumnsDrift, type Fixture } from '../../../../test/support/fixture'
import { setAccountsStatus } from '../accounts/accounts'
import { setProxiesStatus } from '../proxies'
import { autoAssign } from './auto-assign'
import { firstAvailableProxy } from './rules'
import { assignAccount } from './moves'

let f: Fixture
let provider: number

beforeEach(async () => {
  f = await createFixture()
  provider = f.provider()
})

afterEach(async () => {
  await f.dispose()
})

const DAY = 86_400_000
const proxyOf = (accountId: number) =>
  f.rows<{ proxy_id: number | null }>('SELECT proxy_id FROM accounts WHERE id = ?', accountId)[0]
    ?.proxy_id

describe('assignments:auto (first available)', () => {
  it('fills proxies in id order, 3 accounts each by default, one model per proxy', () => {
    const [a, b] = [f.model('A'), f.model('B')]
    const proxies = [1, 2, 3, 4].map(() => f.proxy(provider))
    const accountsA = [1, 2, 3, 4].map(() => f.account(a))
    const accountB = f.account(b)

    const result = autoAssign(f.ctx)

    expect(result.unassigned).toEqual([])
    expect(accountsA.map(proxyOf)).toEqual([proxies[0], proxies[0], proxies[0], proxies[1]])
    // Proxy 2 serves A (one slot used, two free) but B may not join it: next free proxy.
    expect(proxyOf(accountB)).toBe(proxies[2])
    expect(f.rows('SELECT id, account_count, assigned_model_id FROM proxies ORDER BY id')).toEqual([
      { id: proxies[0], account_count: 3, assigned_model_id: a },
      { id: proxies[1], account_count: 1, assigned_model_id: a },
      { id: proxies[2], account_count: 1, assigned_model_id: b },
      { id: proxies[3], account_count: 0, assigned_model_id: null },
    ])
    expect(derivedColumnsDrift(f)).toEqual([])
  })

  it("honours each proxy's own max_accounts", () => {
    const m = f.model()
    const one = f.proxy(provider, { maxAccounts: 1 })
    const five = f.proxy(provider, { maxAccounts: 5 })
    const accounts = Array.from({ length: 7 }, () => f.account(m))

    const result = autoAssign(f.ctx)

    expect(accounts.map(proxyOf)).toEqual([one, five, five, five, five, five, null])
    expect(result.unassigned).toEqual([
      { accountId: accounts[6], modelId: m, reason: 'no_capacity_for_model' },
    ])
  })

  it('prefers a lower free proxy over a higher proxy already serving the model', () => {
    const m = f.model()
    const low = f.proxy(provider)
    const high = f.proxy(provider)
    const first = f.account(m)
    assignAccount(f.ctx, first, high, { reason: 'manual', actor: 'operator' })

    const next = f.account(m)
    autoAssign(f.ctx)

    expect(proxyOf(next)).toBe(low)
  })

  it('skips proxies that are not active, expired, or full, and accounts that are not active', () => {
    const m = f.model()
    const inactive = f.proxy(provider)
    const errored = f.proxy(provider)
    const expired = f.proxy(provider, { expiresAt: f.clock.now() - 1 })
    const expiresNow = f.proxy(provider, { expiresAt: f.clock.now() })
    const full = f.proxy(provider, { maxAccounts: 1 })
    const later = f.proxy(provider, { expiresAt: f.clock.now() + DAY })
    setProxiesStatus(f.ctx, [inactive], 'inactive')
    setProxiesStatus(f.ctx, [errored], 'error')
    assignAccount(f.ctx, f.account(m), full, { reason: 'manual', actor: 'operator' })
    const invalid = f.account(m)
    setAccountsStatus(f.ctx, [invalid], 'invalid')
    const waiting = f.account(m)

    const result = autoAssign(f.ctx)

    expect(result.assigned).toEqual([{ accountId: waiting, proxyId: later, modelId: m }])
    expect(proxyOf(invalid)).toBeNull()
    for (const id of [inactive, errored, expired, expiresNow]) {
      expect(f.count('SELECT account_count FROM proxies WHERE id = ?', id)).toBe(0)
    }
  })

  it('reports every account left over, with its reason, and writes nothing for them', () => {
    const [a, b] = [f.model(), f.model()]
    f.proxy(provider, { maxAccounts: 2 })
    const accounts = [f.account(a), f.account(b), f.account(a), f.account(b)]

    const result = autoAssign(f.ctx)

    expect(result.assigned.map((x) => x.accountId)).toEqual([accounts[0], accounts[2]])
    expect(result.unassigned).toEqual([
      { accountId: accounts[1], modelId: b, reason: 'no_capacity_for_model' },
      { accountId: accounts[3], modelId: b, reason: 'no_capacity_for_model' },
    ])
    expect(f.count('SELECT count(*) FROM proxy_assignment_history')).toBe(2)
  })

  it('writes one history row per assignment: assigned / automatic / system, at the clock time', () => {
    const m = f.model()
    f.proxy(provider)
    const accounts = [f.account(m), f.account(m)]

    const result = autoAssign(f.ctx)

    expect(
      f.rows(
        'SELECT proxy_id, account_id, model_id, action, reason, assigned_by, created_at FROM proxy_assignment_history ORDER BY id',
      ),
    ).toEqual(
      result.assigned.map((x) => ({
        proxy_id: x.proxyId,
        account_id: x.accountId,
        model_id: m,
        action: 'assigned',
        reason: 'automatic',
        assigned_by: 'system',
        created_at: f.clock.now(),
      })),
    )
    expect(accounts.every((id) => proxyOf(id) !== null)).toBe(true)
    // A second run has nothing to do.
    expect(autoAssign(f.ctx)).toEqual({ assigned: [], unassigned: [] })
  })

  it('limits the run to one model or to named accounts', () => {
    const [a, b] = [f.model(), f.model()]
    f.proxy(provider)
    f.proxy(provider)
    const [a1, b1, a2] = [f.account(a), f.account(b), f.account(a)]

    expect(autoAssign(f.ctx, { modelId: b }).assigned.map((x) => x.accountId)).toEqual([b1])
    expect(autoAssign(f.ctx, { accountIds: [a2] }).assigned.map((x) => x.accountId)).toEqual([a2])
    expect(proxyOf(a1)).toBeNull()
  })

  it('matches the per-account "lowest id" query on a random mix of proxies and models', () => {
    // Reference: the DB README's one-seek query, asked afresh for every account.
    const models = [f.model(), f.model(), f.model()]
    let seed = 7
    const rand = (n: number) => {
      // mulberry32: deterministic, so a failure replays
      seed = (seed + 0x6d2b79f5) | 0
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
      return ((((t ^ (t >>> 14)) >>> 0) / 4_294_967_296) * n) | 0
    }
    for (let i = 0; i < 60; i++) {
      const proxy = f.proxy(provider, {
        maxAccounts: 1 + rand(4),
        expiresAt: rand(5) === 0 ? f.clock.now() - DAY : null,
      })
      if (rand(6) === 0) setProxiesStatus(f.ctx, [proxy], 'inactive')
    }
    const accounts = Array.from({ length: 150 }, () => f.account(models[rand(3)] as number))
    for (const id of accounts.slice(0, 20)) {
      const model = f.rows<{ model_id: number }>(
        'SELECT model_id FROM accounts WHERE id = ?',
        id,
      )[0]
      const target = firstAvailableProxy(f.ctx, model!.model_id)
      if (target !== undefined)
        assignAccount(f.ctx, id, target, { reason: 'manual', actor: 'operator' })
    }
    // Reference first, one query per account, inside a transaction that is then rolled back.
    const expected: { accountId: number; proxyId: number }[] = []
    let pending = 0
    const rollback = new Error('rollback')
    expect(() =>
      f.ctx.sqlite.transaction(() => {
        const waiting = f.rows<{ id: number; model_id: number }>(
          `SELECT id, model_id FROM accounts WHERE proxy_id IS NULL AND status = 'active' ORDER BY id`,
        )
        pending = waiting.length
        for (const account of waiting) {
          const target = firstAvailableProxy(f.ctx, account.model_id)
          if (target === undefined) continue
          f.ctx.sqlite
            .prepare('UPDATE accounts SET proxy_id = ? WHERE id = ?')
            .run(target, account.id)
          expected.push({ accountId: account.id, proxyId: target })
        }
        throw rollback
      })(),
    ).toThrow(rollback)
    expect(expected.length).toBeGreaterThan(20)
    expect(expected.length).toBeLessThan(pending)

    const planned = autoAssign(f.ctx)

    expect(planned.assigned.map(({ accountId, proxyId }) => ({ accountId, proxyId }))).toEqual(
      expected,
    )
    expect(planned.assigned.length + planned.unassigned.length).toBe(pending)
    expect(derivedColumnsDrift(f)).toEqual([])
  })
})
