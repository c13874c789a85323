import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ProxyDetail, ProxyDto } from '../../../shared/contracts/dto'
import { dispatch } from '../../ipc/dispatch'
import { assignAccount } from '../assignment/moves'
import { createFixture, type Fixture } from '../../../../test/support/fixture'

let f: Fixture
let provider: number

beforeEach(async () => {
  f = await createFixture()
  provider = f.provider('Acme', 700)
})

afterEach(async () => {
  await f.dispose()
})

async function ok<T>(channel: Parameters<typeof dispatch>[1], input: unknown): Promise<T> {
  const envelope = await dispatch(f.ctx, channel, input)
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.code} ${envelope.error.message}`)
  return envelope.value as T
}

const base = { protocol: 'socks5', host: 'gate.example.net', port: 7000 } as const

describe('proxies:create / get / update', () => {
  it('creates a proxy whose DTO says hasPassword and never carries the password', async () => {
    const created = await ok<ProxyDto>('proxies:create', {
      ...base,
      providerId: provider,
      username: 'cust-1',
      password: 'hunter2-secret',
      tags: ['us', 'sticky'],
      expiresAt: f.clock.now() + 1_000,
    })
    expect(created).toMatchObject({
      providerName: 'Acme',
      hasPassword: true,
      monthlyCostCents: 700,
      maxAccounts: 3,
      accountCount: 0,
      tags: ['us', 'sticky'],
      createdAt: f.clock.now(),
    })
    expect(JSON.stringify(created)).not.toContain('hunter2-secret')
    expect(Object.keys(created)).not.toContain('passwordEncrypted')
    const stored = f.rows<{ password_encrypted: string }>(
      'SELECT password_encrypted FROM proxies',
    )[0]
    expect(stored?.password_encrypted).toMatch(/^v1\./)
    expect(await ok('proxies:revealPassword', { id: created.id })).toEqual({
      password: 'hunter2-secret',
    })
  })

  it('re-encrypts a changed password, keeps it on an empty field, and removes it on null', async () => {
    const { id } = await ok<ProxyDto>('proxies:create', {
      ...base,
      providerId: provider,
      password: 'first',
    })
    const sealed = () =>
      f.rows<{ s: string | null }>('SELECT password_encrypted AS s FROM proxies')[0]?.s

    const first = sealed()
    await ok('proxies:update', { id, password: '', notes: 'edited' })
    expect(sealed()).toBe(first)
    expect(await ok('proxies:revealPassword', { id })).toEqual({ password: 'first' })

    await ok('proxies:update', { id, password: 'second' })
    expect(sealed()).not.toBe(first)
    expect(await ok('proxies:revealPassword', { id })).toEqual({ password: 'second' })

    const cleared = await ok<ProxyDto>('proxies:update', { id, password: null })
    expect(cleared.hasPassword).toBe(false)
    expect(await ok('proxies:revealPassword', { id })).toEqual({ password: null })
  })

  it('a sealed password does not open on another row', async () => {
    const a = await ok<ProxyDto>('proxies:create', {
      ...base,
      providerId: provider,
      password: 'pw-a',
    })
    const b = await ok<ProxyDto>('proxies:create', { ...base, port: 7001, providerId: provider })
    f.ctx.sqlite
      .prepare(
        'UPDATE proxies SET password_encrypted = (SELECT password_encrypted FROM proxies WHERE id = ?) WHERE id = ?',
      )
      .run(a.id, b.id)
    const envelope = await dispatch(f.ctx, 'proxies:revealPassword', { id: b.id })
    expect(envelope.ok).toBe(false)
  })

  it('refuses an endpoint already in use, and treats no username as one identity', async () => {
    await ok('proxies:create', { ...base, providerId: provider })
    for (const input of [{ ...base }, { ...base, username: '' }]) {
      const envelope = await dispatch(f.ctx, 'proxies:create', { ...input, providerId: provider })
      expect(envelope).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', details: { constraint: 'proxies_endpoint_unique' } },
      })
    }
    // Same gateway, another session user: a different proxy.
    await ok('proxies:create', { ...base, providerId: provider, username: 'session-2' })
  })

  it('refuses lowering max_accounts below the accounts it holds', async () => {
    const proxy = f.proxy(provider)
    const model = f.model()
    for (let i = 0; i < 2; i++)
      assignAccount(f.ctx, f.account(model), proxy, { reason: 'manual', actor: 'operator' })
    const envelope = await dispatch(f.ctx, 'proxies:update', { id: proxy, maxAccounts: 1 })
    expect(envelope).toMatchObject({
      ok: false,
      error: { code: 'RULE_VIOLATION', details: { rule: 'max_below_assigned' } },
    })
    expect(await ok<ProxyDto>('proxies:update', { id: proxy, maxAccounts: 2 })).toMatchObject({
      maxAccounts: 2,
    })
  })

  it('get returns the proxy with its accounts; unknown ids answer NOT_FOUND', async () => {
    const proxy = f.proxy(provider)
    const model = f.model('Mia')
    const account = f.account(model, { username: 'mia.one' })
    assignAccount(f.ctx, account, proxy, { reason: 'manual', actor: 'operator' })
    const detail = await ok<ProxyDetail>('proxies:get', { id: proxy })
    expect(detail).toMatchObject({ assignedModelName: 'Mia', accountCount: 1 })
    expect(detail.accounts).toMatchObject([{ id: account, username: 'mia.one', modelName: 'Mia' }])
    for (const channel of ['proxies:get', 'proxies:revealPassword'] as const) {
      expect(await dispatch(f.ctx, channel, { id: 4242 })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      })
    }
    expect(await dispatch(f.ctx, 'proxies:update', { id: 4242, notes: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(await dispatch(f.ctx, 'proxies:create', { ...base, providerId: 4242 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
  })
})

describe('bulk proxies:setStatus and proxies:remove', () => {
  it('sets the status of many proxies, keeping their accounts', async () => {
    const ids = [f.proxy(provider), f.proxy(provider), f.proxy(provider)]
    const model = f.model()
    assignAccount(f.ctx, f.account(model), ids[0]!, { reason: 'manual', actor: 'operator' })
    expect(await ok('proxies:setStatus', { ids: ids.slice(0, 2), status: 'inactive' })).toEqual({
      updated: 2,
    })
    expect(f.rows('SELECT status, account_count FROM proxies ORDER BY id')).toEqual([
      { status: 'inactive', account_count: 1 },
      { status: 'inactive', account_count: 0 },
      { status: 'active', account_count: 0 },
    ])
  })

  it('removes proxies, releasing their accounts with reason proxy_removed', async () => {
    const ids = [f.proxy(provider), f.proxy(provider), f.proxy(provider)]
    const model = f.model()
    const accounts = [f.account(model), f.account(model), f.account(model)]
    accounts.forEach((account, i) =>
      assignAccount(f.ctx, account, ids[i === 2 ? 1 : 0]!, { reason: 'manual', actor: 'operator' }),
    )
    expect(await ok('proxies:remove', { ids: ids.slice(0, 2) })).toEqual({
      removed: 2,
      releasedAccounts: 3,
    })
    expect(f.rows('SELECT id FROM proxies')).toEqual([{ id: ids[2] }])
    expect(f.count('SELECT count(*) FROM accounts WHERE proxy_id IS NOT NULL')).toBe(0)
    expect(
      f.rows(
        `SELECT account_id, reason, assigned_by FROM proxy_assignment_history WHERE action = 'released' ORDER BY account_id`,
      ),
    ).toEqual(
      accounts.map((account_id) => ({
        account_id,
        reason: 'proxy_removed',
        assigned_by: 'operator',
      })),
    )
  })

  it('refuses the whole request when one id is unknown, changing nothing', async () => {
    const ids = [f.proxy(provider), f.proxy(provider)]
    const before = f.ctx.sqlite.serialize()
    for (const [channel, input] of [
      ['proxies:remove', { ids: [...ids, 999] }],
      ['proxies:setStatus', { ids: [...ids, 999], status: 'error' }],
    ] as const) {
      expect(await dispatch(f.ctx, channel, input)).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND', details: { ids: [999] } },
      })
    }
    expect(f.ctx.sqlite.serialize().equals(before)).toBe(true)
  })
})
