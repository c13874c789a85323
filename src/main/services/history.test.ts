import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { channels } from '../../shared/channels'
import type { HistoryDto, Page } from '../../shared/contracts/dto'
import { dispatch } from '../ipc/dispatch'
import { setAccountsStatus } from './accounts/accounts'
import { assignAccount, reassignAccount } from './assignment/moves'
import { removeProxies } from './proxies'
import { createFixture, type Fixture } from '../../../test/support/fixture'

let f: Fixture
let proxies: number[]
let accounts: number[]
let models: number[]
let t0: number

const HOUR = 3_600_000
const byOperator = { reason: 'manual', actor: 'operator' } as const

beforeEach(async () => {
  f = await createFixture()
  const provider = f.provider()
  models = [f.model('A'), f.model('B')]
  proxies = [f.proxy(provider), f.proxy(provider), f.proxy(provider)]
  accounts = [f.account(models[0]!), f.account(models[0]!), f.account(models[1]!)]
  t0 = f.clock.now()
  assignAccount(f.ctx, accounts[0]!, proxies[0]!, byOperator) // t0
  f.clock.advance(HOUR)
  assignAccount(f.ctx, accounts[1]!, proxies[0]!, byOperator) // t0 + 1h
  assignAccount(f.ctx, accounts[2]!, proxies[1]!, byOperator)
  f.clock.advance(HOUR)
  reassignAccount(f.ctx, accounts[1]!, proxies[2]!, byOperator) // t0 + 2h
  f.clock.advance(HOUR)
  setAccountsStatus(f.ctx, [accounts[0]!], 'invalid') // t0 + 3h
  removeProxies(f.ctx, [proxies[1]!]) // t0 + 3h
})

afterEach(async () => {
  await f.dispose()
})

async function history(input: Record<string, unknown>): Promise<Page<HistoryDto>> {
  const envelope = await dispatch(f.ctx, 'history:list', input)
  if (!envelope.ok) throw new Error(envelope.error.message)
  return envelope.value as Page<HistoryDto>
}
const actions = async (input: Record<string, unknown>) =>
  (await history(input)).items.map((h) => `${h.action}:${h.reason}:${h.accountId}`)

describe('history:list', () => {
  it('lists newest first, with names that survive only while the rows exist', async () => {
    const page = await history({})
    expect(page.total).toBe(6)
    expect(page.items.map((h) => h.action)).toEqual([
      'released',
      'released',
      'reassigned',
      'assigned',
      'assigned',
      'assigned',
    ])
    const removedProxyRow = page.items.find((h) => h.reason === 'proxy_removed')
    expect(removedProxyRow).toMatchObject({ proxyId: proxies[1], proxyLabel: null, modelName: 'B' })
    expect(page.items.at(-1)).toMatchObject({
      proxyLabel: expect.stringMatching(/^198\.51\.100\.7:\d+$/),
      accountUsername: expect.any(String),
    })
  })

  it('filters by proxy, account, model, action, reason, actor and date range', async () => {
    const [a0, a1, a2] = accounts
    expect(await actions({ proxyId: proxies[0], sortDir: 'asc' })).toEqual([
      `assigned:manual:${a0}`,
      `assigned:manual:${a1}`,
      `released:account_invalid:${a0}`,
    ])
    expect(await actions({ accountId: a1, sortDir: 'asc' })).toEqual([
      `assigned:manual:${a1}`,
      `reassigned:manual:${a1}`,
    ])
    expect(await actions({ modelId: models[1] })).toEqual([
      `released:proxy_removed:${a2}`,
      `assigned:manual:${a2}`,
    ])
    expect((await history({ action: ['released', 'reassigned'] })).total).toBe(3)
    expect(await actions({ reason: 'proxy_removed' })).toEqual([`released:proxy_removed:${a2}`])
    expect((await history({ assignedBy: 'system' })).total).toBe(0)
    expect(await actions({ from: t0 + HOUR, to: t0 + 3 * HOUR, sortDir: 'asc' })).toEqual([
      `assigned:manual:${a1}`,
      `assigned:manual:${a2}`,
      `reassigned:manual:${a1}`,
    ])
  })

  it('pages', async () => {
    const page = await history({ page: 3, pageSize: 2, sortDir: 'asc' })
    expect(page).toMatchObject({ total: 6, page: 3, pageSize: 2 })
    expect(page.items.map((h) => h.action)).toEqual(['released', 'released'])
  })

  it('has no contract that edits or deletes history', () => {
    expect(channels.filter((c) => c.startsWith('history:'))).toEqual(['history:list'])
  })
})
