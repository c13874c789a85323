import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../ipc/dispatch'
import { assignAccount } from './assignment/moves'
import { setAccountsStatus } from './accounts/accounts'
import { createFixture, type Fixture } from '../../../test/support/fixture'

let f: Fixture

beforeEach(async () => {
  f = await createFixture()
})

afterEach(async () => {
  await f.dispose()
})

describe('models', () => {
  it('creates, renames and lists models with account and proxy counts', async () => {
    const created = await dispatch(f.ctx, 'models:create', { name: 'Cleo', notes: 'EU' })
    expect(created).toMatchObject({
      ok: true,
      value: { name: 'Cleo', notes: 'EU', status: 'active' },
    })
    const id = created.ok ? (created.value as { id: number }).id : 0
    expect(
      await dispatch(f.ctx, 'models:update', { id, name: 'Cleo B', status: 'inactive' }),
    ).toMatchObject({
      ok: true,
      value: { name: 'Cleo B', status: 'inactive' },
    })
    const proxy = f.proxy(f.provider())
    const accounts = [f.account(id), f.account(id), f.account(id)]
    assignAccount(f.ctx, accounts[0]!, proxy, { reason: 'manual', actor: 'operator' })
    setAccountsStatus(f.ctx, [accounts[2]!], 'invalid')
    expect(await dispatch(f.ctx, 'models:list', {})).toMatchObject({
      ok: true,
      value: [{ id, stats: { accounts: 3, activeAccounts: 2, assignedAccounts: 1, proxies: 1 } }],
    })
    expect(await dispatch(f.ctx, 'models:get', { id })).toMatchObject({ ok: true, value: { id } })
  })

  it('refuses duplicate names and unknown ids', async () => {
    f.model('Dup')
    expect(await dispatch(f.ctx, 'models:create', { name: 'Dup' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
    for (const [channel, input] of [
      ['models:get', { id: 9 }],
      ['models:update', { id: 9, name: 'x' }],
      ['models:remove', { id: 9 }],
    ] as const) {
      expect(await dispatch(f.ctx, channel, input)).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      })
    }
  })

  it('refuses removal while it has active or invalid accounts; removed accounts go with it', async () => {
    const model = f.model()
    const account = f.account(model)
    expect(await dispatch(f.ctx, 'models:remove', { id: model })).toMatchObject({
      ok: false,
      error: { code: 'RULE_VIOLATION', details: { rule: 'model_has_accounts' } },
    })
    setAccountsStatus(f.ctx, [account], 'removed')
    expect(await dispatch(f.ctx, 'models:remove', { id: model })).toEqual({
      ok: true,
      value: { removed: true },
    })
    expect(f.count('SELECT count(*) FROM accounts')).toBe(0)
  })
})
