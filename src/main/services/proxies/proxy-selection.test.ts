import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../ipc/dispatch'
import { selectRunTargets } from '../../checks/run-targets'
import { assignAccount } from '../assignment/moves'
import { createFixture, type Fixture } from '../../../../test/support/fixture'

// Bulk actions on a "select all matching" selection ({ filter, exceptIds? }) over real SQLite:
// resolved in main, one transaction, the same audit rows as the ids-based actions.
let f: Fixture
let acme: number
let zeta: number
let model: number
const tagged: number[] = []
const others: number[] = []

beforeEach(async () => {
  f = await createFixture()
  acme = f.provider('Acme', 300)
  zeta = f.provider('Zeta', 300)
  model = f.model('Ann')
  tagged.length = 0
  others.length = 0
  for (let i = 0; i < 6; i++)
    tagged.push(f.proxy(acme, { host: `10.1.0.${i + 1}`, tags: ['batch'] }))
  for (let i = 0; i < 3; i++) others.push(f.proxy(zeta, { host: `10.2.0.${i + 1}` }))
})

afterEach(async () => {
  await f.dispose()
})

async function call(channel: Parameters<typeof dispatch>[1], input: unknown) {
  return dispatch(f.ctx, channel, input)
}
async function ok<T>(channel: Parameters<typeof dispatch>[1], input: unknown): Promise<T> {
  const envelope = await call(channel, input)
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.code} ${envelope.error.message}`)
  return envelope.value as T
}
const remaining = () =>
  f.rows<{ id: number }>('SELECT id FROM proxies ORDER BY id').map((r) => r.id)

describe('bulk actions on a filter selection', () => {
  it('deletes every match but the excepted, releasing their accounts with history rows', async () => {
    const onFirst = f.account(model)
    assignAccount(f.ctx, onFirst, tagged[0] as number, { reason: 'manual', actor: 'operator' })
    const kept = tagged[5] as number
    const result = await ok('proxies:remove', {
      filter: { tag: 'batch', search: '10.1.0' },
      exceptIds: [kept],
    })
    expect(result).toEqual({ removed: 5, releasedAccounts: 1 })
    expect(remaining()).toEqual([kept, ...others])
    expect(
      f.rows(
        'SELECT account_id, action, reason, assigned_by FROM proxy_assignment_history WHERE action = ?',
        'released',
      ),
    ).toEqual([
      { account_id: onFirst, action: 'released', reason: 'proxy_removed', assigned_by: 'operator' },
    ])
  })

  it('still refuses unknown ids as a whole, and a filter matching nothing removes nothing', async () => {
    expect(await call('proxies:remove', { ids: [others[0], 9_999] })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(await ok('proxies:remove', { filter: { search: 'nowhere' } })).toEqual({
      removed: 0,
      releasedAccounts: 0,
    })
    expect(remaining()).toEqual([...tagged, ...others])
  })

  it('sets the status of the matches only', async () => {
    const result = await ok('proxies:setStatus', {
      filter: { providerId: zeta },
      exceptIds: [others[2]],
      status: 'inactive',
    })
    expect(result).toEqual({ updated: 2 })
    expect(
      f.rows<{ id: number }>(`SELECT id FROM proxies WHERE status = 'inactive' ORDER BY id`),
    ).toEqual([{ id: others[0] }, { id: others[1] }])
  })

  it('assigns a model onto the selection only: its waiting accounts take the first available of it', async () => {
    const accounts = [f.account(model), f.account(model), f.account(model), f.account(model)]
    // Two Zeta proxies with one slot each: three accounts cannot all fit; one stays waiting.
    f.ctx.sqlite.prepare('UPDATE proxies SET max_accounts = 1 WHERE provider_id = ?').run(zeta)
    const result = await ok<{
      assigned: { accountId: number; proxyId: number }[]
      unassigned: unknown[]
    }>('assignments:auto', {
      modelId: model,
      proxies: { filter: { providerId: zeta }, exceptIds: [others[0]] },
    })
    expect(result.assigned).toEqual([
      { accountId: accounts[0], proxyId: others[1], modelId: model },
      { accountId: accounts[1], proxyId: others[2], modelId: model },
    ])
    expect(result.unassigned).toMatchObject([
      { accountId: accounts[2], reason: 'no_capacity_for_model' },
      { accountId: accounts[3], reason: 'no_capacity_for_model' },
    ])
    expect(
      f.rows(`SELECT count(*) AS n FROM proxy_assignment_history WHERE reason = 'automatic'`),
    ).toEqual([{ n: 2 }])
  })

  it('tests and exports a filter selection less its excepted ids', async () => {
    const targets = selectRunTargets(f.ctx, {
      filter: { tag: 'batch' },
      exceptIds: [tagged[0] as number, tagged[1] as number],
    })
    expect(targets.map((t) => t.id)).toEqual(tagged.slice(2))
    const exported = await ok<{ content?: string }>('export:proxies', {
      scope: { kind: 'filter', filter: { providerId: zeta }, exceptIds: [others[1]] },
      format: 'txt',
      destination: 'download',
    })
    expect(JSON.stringify(exported)).toContain('10.2.0.1')
    expect(JSON.stringify(exported)).not.toContain('10.2.0.2')
  })

  it('validates the selection in main', async () => {
    for (const [channel, input] of [
      ['proxies:remove', { filter: { tag: 'batch' }, ids: [1] }],
      ['proxies:remove', { filter: { nope: 1 } }],
      ['proxies:remove', { filter: {}, exceptIds: [0] }],
      ['proxies:setStatus', { filter: {}, status: 'gone' }],
      ['assignments:auto', { proxies: { filter: {} } }],
      ['proxies:test', { filter: {}, exceptIds: 'x' }],
    ] as const) {
      expect(await call(channel, input), `${channel} ${JSON.stringify(input)}`).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' },
      })
    }
    expect(remaining()).toHaveLength(9)
  })
})
