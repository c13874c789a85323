import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AssignmentDto, Page, ProxyDto } from '../../../shared/contracts/dto'
import { dispatch } from '../../ipc/dispatch'
import { setProxiesStatus } from '../proxies'
import { createFixture, type Fixture } from '../../../../test/support/fixture'
import { assignAccount, reassignAccount } from './moves'

let f: Fixture
let provider: number
let a: number
let b: number

beforeEach(async () => {
  f = await createFixture()
  provider = f.provider('Acme')
  a = f.model('A')
  b = f.model('B')
})

afterEach(async () => {
  await f.dispose()
})

const byOperator = { reason: 'manual', actor: 'operator' } as const

describe('assignments:list', () => {
  it('lists current assignments by proxy or by model, with when each began', async () => {
    const [p1, p2] = [f.proxy(provider), f.proxy(provider)]
    const a1 = f.account(a)
    const b1 = f.account(b)
    assignAccount(f.ctx, a1, p1, byOperator)
    f.clock.advance(5_000)
    assignAccount(f.ctx, b1, p2, byOperator)
    f.clock.advance(5_000)
    const a2 = f.account(a)
    assignAccount(f.ctx, a2, p1, byOperator)
    f.clock.advance(5_000)
    const p3 = f.proxy(provider)
    reassignAccount(f.ctx, a2, p3, byOperator)
    f.account(a) // unassigned: not listed

    const list = async (input: unknown) => {
      const envelope = await dispatch(f.ctx, 'assignments:list', input)
      if (!envelope.ok) throw new Error(envelope.error.message)
      return envelope.value as Page<AssignmentDto>
    }
    const all = await list({})
    expect(all.total).toBe(3)
    expect(all.items.map((x) => [x.accountId, x.proxyId])).toEqual([
      [a1, p1],
      [b1, p2],
      [a2, p3],
    ])
    expect(all.items[2]).toMatchObject({
      modelName: 'A',
      providerName: 'Acme',
      assignedAt: f.clock.now(),
    })
    expect((await list({ modelId: a })).items.map((x) => x.accountId)).toEqual([a1, a2])
    expect((await list({ proxyId: p2 })).items.map((x) => x.accountId)).toEqual([b1])
    expect(
      (await list({ sortBy: 'assignedAt', sortDir: 'desc', pageSize: 1 })).items[0]?.accountId,
    ).toBe(a2)
  })
})

describe('assignments:available', () => {
  it('lists the proxies an account of the model could take, in first-available order', async () => {
    const proxies = Array.from({ length: 6 }, () => f.proxy(provider))
    assignAccount(f.ctx, f.account(b), proxies[0]!, byOperator) // serves B
    assignAccount(f.ctx, f.account(a), proxies[3]!, byOperator) // serves A
    setProxiesStatus(f.ctx, [proxies[1]!], 'inactive')
    f.ctx.sqlite
      .prepare('UPDATE proxies SET expires_at = ? WHERE id = ?')
      .run(f.clock.now(), proxies[2])

    const envelope = await dispatch(f.ctx, 'assignments:available', { modelId: a, limit: 2 })
    expect(envelope.ok && (envelope.value as ProxyDto[]).map((p) => p.id)).toEqual([
      proxies[3],
      proxies[4],
    ])
    const forB = await dispatch(f.ctx, 'assignments:available', { modelId: b })
    expect(forB.ok && (forB.value as ProxyDto[]).map((p) => p.id)).toEqual([
      proxies[0],
      proxies[4],
      proxies[5],
    ])
    expect(await dispatch(f.ctx, 'assignments:available', { modelId: 99 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
  })
})
