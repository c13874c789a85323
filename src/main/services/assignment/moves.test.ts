import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../ipc/dispatch'
import { setAccountsStatus } from '../accounts/accounts'
import { setProxiesStatus } from '../proxies'
import { inTransaction } from '../service-context'
import {
  createFixture,
  derivedColumnsDrift,
  thrown,
  type Fixture,
} from '../../../../test/support/fixture'
import { assignAccount, reassignAccount, releaseAccounts, releaseAccountsOnProxy } from './moves'

let f: Fixture
let provider: number
let modelA: number
let modelB: number

beforeEach(async () => {
  f = await createFixture()
  provider = f.provider()
  modelA = f.model('A')
  modelB = f.model('B')
})

afterEach(async () => {
  await f.dispose()
})

const byOperator = { reason: 'manual', actor: 'operator' } as const
const history = () =>
  f.rows<Record<string, unknown>>(
    'SELECT proxy_id, account_id, model_id, action, reason, assigned_by FROM proxy_assignment_history ORDER BY id',
  )

describe('assignments:assign (manual)', () => {
  it('puts an account on the chosen proxy with one history row', async () => {
    const proxy = f.proxy(provider)
    const account = f.account(modelA)
    const envelope = await dispatch(f.ctx, 'assignments:assign', {
      accountId: account,
      proxyId: proxy,
    })
    expect(envelope).toMatchObject({
      ok: true,
      value: { accountId: account, proxyId: proxy, modelId: modelA, assignedAt: f.clock.now() },
    })
    expect(history()).toEqual([
      {
        proxy_id: proxy,
        account_id: account,
        model_id: modelA,
        action: 'assigned',
        reason: 'manual',
        assigned_by: 'operator',
      },
    ])
  })

  it.each([
    [
      'proxy_full',
      () => {
        const proxy = f.proxy(provider, { maxAccounts: 1 })
        assignAccount(f.ctx, f.account(modelA), proxy, byOperator)
        return { proxy, account: f.account(modelA) }
      },
    ],
    [
      'proxy_full',
      () => {
        const proxy = f.proxy(provider)
        for (let i = 0; i < 3; i++) assignAccount(f.ctx, f.account(modelA), proxy, byOperator)
        return { proxy, account: f.account(modelA) }
      },
    ],
    [
      'proxy_model_mismatch',
      () => {
        const proxy = f.proxy(provider)
        assignAccount(f.ctx, f.account(modelA), proxy, byOperator)
        return { proxy, account: f.account(modelB) }
      },
    ],
    [
      'proxy_not_active',
      () => {
        const proxy = f.proxy(provider, { status: 'error' })
        return { proxy, account: f.account(modelA) }
      },
    ],
    [
      'proxy_expired',
      () => {
        const proxy = f.proxy(provider, { expiresAt: f.clock.now() })
        return { proxy, account: f.account(modelA) }
      },
    ],
    [
      'account_not_active',
      () => {
        const account = f.account(modelA)
        setAccountsStatus(f.ctx, [account], 'invalid')
        return { proxy: f.proxy(provider), account }
      },
    ],
    [
      'account_already_assigned',
      () => {
        const account = f.account(modelA)
        assignAccount(f.ctx, account, f.proxy(provider), byOperator)
        return { proxy: f.proxy(provider), account }
      },
    ],
  ])('refuses with RULE_VIOLATION %s and changes nothing', async (rule, setup) => {
    const { proxy, account } = setup()
    const before = f.ctx.sqlite.serialize()
    const envelope = await dispatch(f.ctx, 'assignments:assign', {
      accountId: account,
      proxyId: proxy,
    })
    expect(envelope).toMatchObject({
      ok: false,
      error: { code: 'RULE_VIOLATION', details: { rule } },
    })
    expect(f.ctx.sqlite.serialize().equals(before)).toBe(true)
  })

  it('answers NOT_FOUND for an unknown account or proxy', async () => {
    const proxy = f.proxy(provider)
    const account = f.account(modelA)
    for (const input of [
      { accountId: 999, proxyId: proxy },
      { accountId: account, proxyId: 999 },
    ]) {
      const envelope = await dispatch(f.ctx, 'assignments:assign', input)
      expect(envelope).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    }
  })
})

describe('the database enforces the same rules on a direct write', () => {
  it('refuses a fourth account, another model, and a non-active account holding a proxy', () => {
    const proxy = f.proxy(provider)
    const accounts = [1, 2, 3].map(() => f.account(modelA))
    for (const id of accounts) assignAccount(f.ctx, id, proxy, byOperator)
    const write =
      (sql: string, ...params: unknown[]) =>
      () =>
        f.ctx.sqlite.prepare(sql).run(...params)

    expect(
      write('UPDATE accounts SET proxy_id = ? WHERE id = ?', proxy, f.account(modelA)),
    ).toThrow(/^proxy_full/)
    const other = f.proxy(provider)
    assignAccount(f.ctx, f.account(modelA), other, byOperator)
    expect(
      write('UPDATE accounts SET proxy_id = ? WHERE id = ?', other, f.account(modelB)),
    ).toThrow(/^proxy_model_mismatch/)
    expect(write(`UPDATE accounts SET status = 'invalid' WHERE id = ?`, accounts[0])).toThrow(
      /CHECK constraint failed: accounts_only_active_hold_proxy/,
    )
    expect(write('UPDATE proxies SET account_count = 0 WHERE id = ?', proxy)).toThrow(
      /^proxy_counts_derived/,
    )
    expect(write('DELETE FROM proxies WHERE id = ?', proxy)).toThrow(/FOREIGN KEY/)
    expect(write('DELETE FROM proxy_providers WHERE id = ?', provider)).toThrow(/FOREIGN KEY/)
    expect(write('DELETE FROM proxy_assignment_history')).toThrow(/^history_append_only/)
    expect(write(`UPDATE proxy_assignment_history SET reason = 'cleanup'`)).toThrow(
      /^history_append_only/,
    )
    expect(derivedColumnsDrift(f)).toEqual([])
  })

  it('reaches the caller as a typed error, not INTERNAL, when a service path lets one through', () => {
    const proxy = f.proxy(provider, { maxAccounts: 1 })
    assignAccount(f.ctx, f.account(modelA), proxy, byOperator)
    const late = f.account(modelB)
    const error = thrown(() =>
      inTransaction(f.ctx, () =>
        f.ctx.sqlite.prepare('UPDATE accounts SET proxy_id = ? WHERE id = ?').run(proxy, late),
      ),
    )
    expect(error).toMatchObject({
      code: 'RULE_VIOLATION',
      details: { rule: 'proxy_model_mismatch' },
    })
  })
})

describe('assignments:reassign', () => {
  it('moves an account in one transaction with exactly one history row `reassigned`', async () => {
    const [from, to] = [f.proxy(provider), f.proxy(provider)]
    const account = f.account(modelA)
    assignAccount(f.ctx, account, from, byOperator)
    const rowsBefore = history().length

    const envelope = await dispatch(f.ctx, 'assignments:reassign', {
      accountId: account,
      toProxyId: to,
    })

    expect(envelope).toMatchObject({ ok: true, value: { accountId: account, proxyId: to } })
    expect(history().slice(rowsBefore)).toEqual([
      {
        proxy_id: to,
        account_id: account,
        model_id: modelA,
        action: 'reassigned',
        reason: 'manual',
        assigned_by: 'operator',
      },
    ])
    expect(f.rows('SELECT id, account_count, assigned_model_id FROM proxies ORDER BY id')).toEqual([
      { id: from, account_count: 0, assigned_model_id: null },
      { id: to, account_count: 1, assigned_model_id: modelA },
    ])
  })

  it("with 'auto' takes the first available proxy other than the current one (actor system)", () => {
    const [first, second, third] = [f.proxy(provider), f.proxy(provider), f.proxy(provider)]
    setProxiesStatus(f.ctx, [second], 'inactive')
    const account = f.account(modelA)
    assignAccount(f.ctx, account, first, byOperator)

    expect(
      reassignAccount(f.ctx, account, 'auto', { reason: 'proxy_failed', actor: 'system' }),
    ).toBe(third)
    expect(history().at(-1)).toMatchObject({
      action: 'reassigned',
      reason: 'proxy_failed',
      assigned_by: 'system',
    })
  })

  it('refuses a full or mismatched target, an unassigned account, and the same proxy; nothing changes', () => {
    const [from, full] = [f.proxy(provider), f.proxy(provider, { maxAccounts: 1 })]
    const other = f.proxy(provider)
    assignAccount(f.ctx, f.account(modelA), full, byOperator)
    assignAccount(f.ctx, f.account(modelB), other, byOperator)
    const account = f.account(modelA)
    assignAccount(f.ctx, account, from, byOperator)
    const unassigned = f.account(modelA)
    const before = f.ctx.sqlite.serialize()

    const rule = (fn: () => unknown) => (thrown(fn).details as { rule: string }).rule
    expect(rule(() => reassignAccount(f.ctx, account, full, byOperator))).toBe('proxy_full')
    expect(rule(() => reassignAccount(f.ctx, account, other, byOperator))).toBe(
      'proxy_model_mismatch',
    )
    expect(rule(() => reassignAccount(f.ctx, account, from, byOperator))).toBe('same_proxy')
    expect(rule(() => reassignAccount(f.ctx, unassigned, other, byOperator))).toBe(
      'account_not_assigned',
    )
    expect(rule(() => reassignAccount(f.ctx, account, 'auto', byOperator))).toBe(
      'no_capacity_for_model',
    )
    expect(f.ctx.sqlite.serialize().equals(before)).toBe(true)
  })
})

describe('assignments:release', () => {
  it('releases accounts with one `released` row each and clears the proxy model with the last one', async () => {
    const proxy = f.proxy(provider)
    const [a1, a2, idle] = [f.account(modelA), f.account(modelA), f.account(modelA)]
    assignAccount(f.ctx, a1, proxy, byOperator)
    assignAccount(f.ctx, a2, proxy, byOperator)

    const envelope = await dispatch(f.ctx, 'assignments:release', { accountIds: [a1, a2, idle] })

    expect(envelope).toEqual({ ok: true, value: { released: 2 } })
    expect(history().filter((row) => row.action === 'released')).toHaveLength(2)
    expect(f.rows('SELECT account_count, assigned_model_id FROM proxies')).toEqual([
      { account_count: 0, assigned_model_id: null },
    ])
  })

  it('releaseAccountsOnProxy empties a proxy with the given reason and actor', () => {
    const proxy = f.proxy(provider)
    for (let i = 0; i < 3; i++) assignAccount(f.ctx, f.account(modelA), proxy, byOperator)
    expect(releaseAccountsOnProxy(f.ctx, proxy, 'proxy_failed', 'system')).toBe(3)
    expect(
      history().filter(
        (row) =>
          row.action === 'released' &&
          row.reason === 'proxy_failed' &&
          row.assigned_by === 'system',
      ),
    ).toHaveLength(3)
  })

  it('refuses unknown ids without releasing the known ones', () => {
    const proxy = f.proxy(provider)
    const account = f.account(modelA)
    assignAccount(f.ctx, account, proxy, byOperator)
    expect(thrown(() => releaseAccounts(f.ctx, [account, 424242], byOperator)).code).toBe(
      'NOT_FOUND',
    )
    expect(f.count('SELECT account_count FROM proxies WHERE id = ?', proxy)).toBe(1)
  })
})
