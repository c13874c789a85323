import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AnalyticsSummary } from '../../shared/contracts/analytics'
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

const DAY = 86_400_000
const byOperator = { reason: 'manual', actor: 'operator' } as const

async function summary(): Promise<AnalyticsSummary> {
  const envelope = await dispatch(f.ctx, 'analytics:summary', {})
  if (!envelope.ok) throw new Error(envelope.error.message)
  return envelope.value as AnalyticsSummary
}

describe('analytics:summary', () => {
  it('costs a provider without proxies nothing', async () => {
    f.provider('Empty', 1_500)
    const s = await summary()
    expect(s.byProvider.map((p) => [p.name, p.monthlyCostCents, p.idleCostCents])).toEqual([
      ['Empty', 0, 0],
    ])
    expect(s.cost.monthlyTotalCents).toBe(0)
  })

  it('is all zeros on an empty database', async () => {
    const s = await summary()
    expect(s.capacity).toEqual({
      proxies: 0,
      capacity: 0,
      used: 0,
      free: 0,
      utilization: 0,
      assignableFree: 0,
    })
    expect(s.cost).toEqual({
      monthlyTotalCents: 0,
      assignedAccounts: 0,
      perAssignedAccountCents: null,
      idleCents: 0,
      idleProxies: 0,
    })
  })

  it('adds up capacity, cost (override or provider price), idle spend, expiry and health', async () => {
    const acme = f.provider('Acme', 1_000)
    const zeta = f.provider('Zeta', 333)
    const [a, b] = [f.model('A'), f.model('B')]
    const p1 = f.proxy(acme) // A, 2 accounts
    const p2 = f.proxy(acme, { monthlyCostOverrideCents: 250, expiresAt: f.clock.now() + 2 * DAY }) // B, 1
    const p3 = f.proxy(zeta, { maxAccounts: 5, expiresAt: f.clock.now() + 10 * DAY }) // idle
    const p4 = f.proxy(zeta, { expiresAt: f.clock.now() - DAY }) // idle, expired
    setProxiesStatus(f.ctx, [p3], 'error')
    f.ctx.sqlite
      .prepare('UPDATE proxies SET last_tested_at = 1, consecutive_failures = 2 WHERE id = ?')
      .run(p3)
    for (let i = 0; i < 2; i++) assignAccount(f.ctx, f.account(a), p1, byOperator)
    assignAccount(f.ctx, f.account(b), p2, byOperator)
    f.account(b) // waiting

    const s = await summary()

    expect(s.capacity).toEqual({
      proxies: 4,
      capacity: 14,
      used: 3,
      free: 11,
      utilization: 3 / 14,
      assignableFree: 3,
    })
    expect(s.byProvider).toEqual([
      {
        providerId: acme,
        name: 'Acme',
        proxies: 2,
        capacity: 6,
        used: 3,
        free: 3,
        utilization: 0.5,
        monthlyCostCents: 1_250,
        idleCostCents: 0,
      },
      {
        providerId: zeta,
        name: 'Zeta',
        proxies: 2,
        capacity: 8,
        used: 0,
        free: 8,
        utilization: 0,
        monthlyCostCents: 666,
        idleCostCents: 666,
      },
    ])
    expect(s.byModel).toEqual([
      {
        modelId: a,
        name: 'A',
        proxies: 1,
        capacity: 3,
        assignedAccounts: 2,
        unassignedAccounts: 0,
        utilization: 2 / 3,
        monthlyCostCents: 1_000,
        costPerAccountCents: 500,
      },
      {
        modelId: b,
        name: 'B',
        proxies: 1,
        capacity: 3,
        assignedAccounts: 1,
        unassignedAccounts: 1,
        utilization: 1 / 3,
        monthlyCostCents: 250,
        costPerAccountCents: 250,
      },
    ])
    expect(s.cost).toEqual({
      monthlyTotalCents: 1_916,
      assignedAccounts: 3,
      perAssignedAccountCents: 639,
      idleCents: 666,
      idleProxies: 2,
    })
    expect(s.expiring).toMatchObject({
      withinDays: 7,
      count: 1,
      alreadyExpired: 1,
      items: [{ id: p2, providerName: 'Acme' }],
    })
    expect(s.health).toEqual({
      byStatus: { active: 3, inactive: 0, error: 1, testing: 0 },
      failing: 1,
      neverTested: 3,
    })
    expect(
      Number.isInteger(s.cost.monthlyTotalCents) &&
        Number.isInteger(s.cost.perAssignedAccountCents),
    ).toBe(true)
    void p4
  })
})
