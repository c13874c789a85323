import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AccountDto, Page } from '../../../shared/contracts/dto'
import { dispatch } from '../../ipc/dispatch'
import { assignAccount } from '../assignment/moves'
import { createFixture, type Fixture } from '../../../../test/support/fixture'

let f: Fixture
let provider: number
let model: number

beforeEach(async () => {
  f = await createFixture()
  provider = f.provider()
  model = f.model('Ava')
})

afterEach(async () => {
  await f.dispose()
})

const byOperator = { reason: 'manual', actor: 'operator' } as const
const released = () =>
  f.rows<{ account_id: number; reason: string; assigned_by: string }>(
    `SELECT account_id, reason, assigned_by FROM proxy_assignment_history WHERE action = 'released' ORDER BY id`,
  )

describe('accounts', () => {
  it('creates an active, unassigned account', async () => {
    const envelope = await dispatch(f.ctx, 'accounts:create', {
      modelId: model,
      platform: 'tiktok',
      username: ' ava.daily ',
    })
    expect(envelope).toMatchObject({
      ok: true,
      value: {
        modelName: 'Ava',
        platform: 'tiktok',
        username: 'ava.daily',
        status: 'active',
        proxyId: null,
      },
    })
  })

  it('keeps usernames unique per platform, not across platforms', async () => {
    f.account(model, { platform: 'reddit', username: 'same' })
    expect(
      await dispatch(f.ctx, 'accounts:create', {
        modelId: model,
        platform: 'reddit',
        username: 'same',
      }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(
      await dispatch(f.ctx, 'accounts:create', {
        modelId: model,
        platform: 'twitter',
        username: 'same',
      }),
    ).toMatchObject({ ok: true })
  })

  it('refuses an unknown model with NOT_FOUND', async () => {
    expect(
      await dispatch(f.ctx, 'accounts:create', { modelId: 77, platform: 'reddit', username: 'x' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it.each([
    ['invalid', 'account_invalid'],
    ['removed', 'account_removed'],
  ] as const)(
    'setting status %s releases the proxy in the same change (%s)',
    async (status, reason) => {
      const proxy = f.proxy(provider)
      const account = f.account(model)
      assignAccount(f.ctx, account, proxy, byOperator)

      const envelope = await dispatch(f.ctx, 'accounts:update', { id: account, status })

      expect(envelope).toMatchObject({ ok: true, value: { status, proxyId: null } })
      expect(released()).toEqual([{ account_id: account, reason, assigned_by: 'operator' }])
      expect(f.rows('SELECT account_count, assigned_model_id FROM proxies')).toEqual([
        { account_count: 0, assigned_model_id: null },
      ])
    },
  )

  it('bulk setStatus and remove release every assigned account, one row each', async () => {
    const proxy = f.proxy(provider)
    const accounts = [f.account(model), f.account(model), f.account(model)]
    assignAccount(f.ctx, accounts[0]!, proxy, byOperator)
    assignAccount(f.ctx, accounts[1]!, proxy, byOperator)

    expect(
      await dispatch(f.ctx, 'accounts:setStatus', {
        ids: [accounts[0], accounts[2]],
        status: 'invalid',
      }),
    ).toEqual({
      ok: true,
      value: { updated: 2, released: 1 },
    })
    expect(await dispatch(f.ctx, 'accounts:remove', { ids: accounts })).toEqual({
      ok: true,
      value: { updated: 3, released: 1 },
    })
    expect(released().map((row) => row.reason)).toEqual(['account_invalid', 'account_removed'])
    expect(f.count('SELECT count(*) FROM accounts WHERE proxy_id IS NOT NULL')).toBe(0)
  })

  it('moving an assigned account to another model releases it (a proxy serves one model)', async () => {
    const proxy = f.proxy(provider)
    const account = f.account(model)
    assignAccount(f.ctx, account, proxy, byOperator)
    const other = f.model('Bea')
    expect(await dispatch(f.ctx, 'accounts:update', { id: account, modelId: other })).toMatchObject(
      {
        ok: true,
        value: { modelId: other, proxyId: null, status: 'active' },
      },
    )
    expect(released()).toEqual([{ account_id: account, reason: 'manual', assigned_by: 'operator' }])
  })

  it('a reactivated account waits for a proxy again', async () => {
    const account = f.account(model)
    await dispatch(f.ctx, 'accounts:setStatus', { ids: [account], status: 'invalid' })
    await dispatch(f.ctx, 'accounts:setStatus', { ids: [account], status: 'active' })
    const waiting = await dispatch(f.ctx, 'accounts:list', { assigned: false })
    expect(waiting.ok && (waiting.value as Page<AccountDto>).items.map((a) => a.id)).toEqual([
      account,
    ])
  })

  it('lists with filters, search and paging', async () => {
    const other = f.model('Bea')
    const proxy = f.proxy(provider)
    const a = f.account(model, { platform: 'instagram', username: 'ava_one' })
    const b = f.account(model, { platform: 'tiktok', username: 'ava_two' })
    const c = f.account(other, { platform: 'tiktok', username: 'bea' })
    assignAccount(f.ctx, b, proxy, byOperator)
    const ids = async (input: unknown) => {
      const envelope = await dispatch(f.ctx, 'accounts:list', input)
      if (!envelope.ok) throw new Error(envelope.error.message)
      return (envelope.value as Page<AccountDto>).items.map((x) => x.id)
    }
    expect(await ids({})).toEqual([a, b, c])
    expect(await ids({ modelId: model })).toEqual([a, b])
    expect(await ids({ platform: 'tiktok' })).toEqual([b, c])
    expect(await ids({ assigned: true })).toEqual([b])
    expect(await ids({ proxyId: proxy })).toEqual([b])
    expect(await ids({ search: 'AVA_' })).toEqual([a, b])
    expect(await ids({ sortBy: 'model', sortDir: 'desc' })).toEqual([c, b, a])
    expect(await ids({ page: 2, pageSize: 2 })).toEqual([c])
    const one = await dispatch(f.ctx, 'accounts:get', { id: b })
    expect(one).toMatchObject({
      ok: true,
      value: { proxyId: proxy, proxyLabel: '198.51.100.7:10002' },
    })
  })
})
