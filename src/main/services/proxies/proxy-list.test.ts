import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page, ProxyDto } from '../../../shared/contracts/dto'
import { dispatch } from '../../ipc/dispatch'
import { assignAccount } from '../assignment/moves'
import { createFixture, type Fixture } from '../../../../test/support/fixture'
import { setProxiesStatus } from '.'

let f: Fixture
const ids: Record<string, number> = {}
let modelA: number

// One shared, read-only data set: every test below only lists.
beforeAll(async () => {
  f = await createFixture()
  const acme = f.provider('Acme', 300)
  const zeta = f.provider('Zeta', 900)
  modelA = f.model('A')
  ids.us1 = f.proxy(acme, {
    host: '10.0.0.3',
    country: 'US',
    location: 'US-California',
    tags: ['fast'],
  })
  ids.us2 = f.proxy(acme, {
    host: 'gw.alpha.example',
    protocol: 'socks5',
    country: 'US',
    username: 'Bob_user',
    maxAccounts: 1,
  })
  ids.de = f.proxy(zeta, {
    host: '10.0.0.1',
    country: 'DE',
    location: 'Berlin',
    notes: '100% uptime promised',
    monthlyCostOverrideCents: 100,
  })
  ids.err = f.proxy(zeta, { host: '2001:db8::5', protocol: 'https', tags: ['slow', 'fast'] })
  setProxiesStatus(f.ctx, [ids.err], 'error')
  assignAccount(f.ctx, f.account(modelA), ids.us2, { reason: 'manual', actor: 'operator' })
  assignAccount(f.ctx, f.account(modelA), ids.us1, { reason: 'manual', actor: 'operator' })
  // Last checks as the check recorder leaves them: us1 passed, us2 failed, de's judges failed,
  // err never tested.
  const lastCheck = f.ctx.sqlite.prepare(
    `UPDATE proxies SET last_tested_at = ?, last_error_code = ?, exit_asn = ?, exit_org = ?,
       anonymity = ? WHERE id = ?`,
  )
  lastCheck.run(1_000, null, 13335, 'Cloudflare, Inc.', 'elite', ids.us1)
  lastCheck.run(2_000, 'timeout', 15169, 'Google LLC', 'anonymous', ids.us2)
  lastCheck.run(3_000, 'judge_failed', null, null, 'not_applicable', ids.de)
})

afterAll(async () => {
  await f.dispose()
})

async function list(input: Record<string, unknown>): Promise<Page<ProxyDto>> {
  const envelope = await dispatch(f.ctx, 'proxies:list', input)
  if (!envelope.ok) throw new Error(envelope.error.message)
  return envelope.value as Page<ProxyDto>
}
const idsOf = async (input: Record<string, unknown>) => (await list(input)).items.map((p) => p.id)

describe('proxies:list', () => {
  it('lists every proxy by id by default, with totals and no password field', async () => {
    const page = await list({})
    expect(page).toMatchObject({ total: 4, page: 1, pageSize: 50 })
    expect(page.items.map((p) => p.id)).toEqual([ids.us1, ids.us2, ids.de, ids.err])
    expect(page.items.every((p) => !('password' in p) && !('passwordEncrypted' in p))).toBe(true)
  })

  it.each([
    [{ providerId: 2 }, ['de', 'err']],
    [{ status: 'error' }, ['err']],
    [{ status: ['active', 'error'] }, ['us1', 'us2', 'de', 'err']],
    [{ protocol: 'socks5' }, ['us2']],
    [{ protocol: ['http', 'https'] }, ['us1', 'de', 'err']],
    [{ country: 'us' }, ['us1', 'us2']],
    [{ location: 'berl' }, ['de']],
    [{ modelId: 1 }, ['us1', 'us2']],
    [{ modelId: null }, ['de', 'err']],
    [{ tag: 'fast' }, ['us1', 'err']],
    [{ hasFreeSlots: false }, ['us2']],
    [{ hasFreeSlots: true }, ['us1', 'de', 'err']],
    [{ search: 'ALPHA' }, ['us2']],
    [{ search: 'bob_' }, ['us2']],
    [{ search: '100%' }, ['de']],
    [{ search: '_' }, ['us2']],
    [{ country: 'US', hasFreeSlots: true }, ['us1']],
    [{ lastCheck: 'failed' }, ['us2', 'de']],
    [{ lastCheck: 'passed' }, ['us1']],
    [{ lastCheck: 'untested' }, ['err']],
    [{ errorCode: 'timeout' }, ['us2']],
    [{ errorCode: ['timeout', 'judge_failed'] }, ['us2', 'de']],
    [{ anonymity: 'elite' }, ['us1']],
    [{ anonymity: ['anonymous', 'not_applicable'] }, ['us2', 'de']],
    [{ network: 'AS13335' }, ['us1']],
    [{ network: 'as15169' }, ['us2']],
    [{ network: '15169' }, ['us2']],
    [{ network: 'google' }, ['us2']],
    [{ network: 'inc.' }, ['us1']],
    [{ network: '%' }, []],
    [{ lastCheck: 'failed', country: 'US' }, ['us2']],
  ])('filters %j', async (filter, expected) => {
    if ('modelId' in filter && filter.modelId === 1) filter = { ...filter, modelId: modelA }
    const page = await list(filter)
    expect(page.items.map((p) => p.id)).toEqual(expected.map((key) => ids[key]))
    expect(page.total).toBe(expected.length)
  })

  it.each([
    ['host', 'asc', ['de', 'us1', 'err', 'us2']],
    ['provider', 'desc', ['err', 'de', 'us2', 'us1']],
    ['monthlyCost', 'asc', ['de', 'us1', 'us2', 'err']],
    ['freeSlots', 'asc', ['us2', 'us1', 'de', 'err']],
    ['accountCount', 'desc', ['us2', 'us1', 'err', 'de']],
  ])('sorts by %s %s', async (sortBy, sortDir, expected) => {
    expect(await idsOf({ sortBy, sortDir })).toEqual(expected.map((key) => ids[key]))
  })

  it('pages, keeping the total', async () => {
    const second = await list({ page: 2, pageSize: 3 })
    expect(second).toMatchObject({ total: 4, page: 2, pageSize: 3 })
    expect(second.items.map((p) => p.id)).toEqual([ids.err])
    expect((await list({ page: 9, pageSize: 3 })).items).toEqual([])
  })

  it('refuses a sort column outside the whitelist, a page size over 500 and bad check filters', async () => {
    for (const input of [
      { sortBy: 'password_encrypted' },
      { sortBy: 'id; DROP TABLE proxies' },
      { pageSize: 501 },
      { lastCheck: 'broken' },
      { errorCode: 'nope' },
      { errorCode: [] },
      { anonymity: 'invisible' },
      { network: '' },
      { network: 'x'.repeat(201) },
    ]) {
      expect(await dispatch(f.ctx, 'proxies:list', input)).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' },
      })
    }
  })
})
