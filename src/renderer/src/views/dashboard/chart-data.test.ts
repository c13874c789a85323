import { describe, expect, it } from 'vitest'
import { checkDayRows, shortDay, spendRows, utilizationRows } from './chart-data'

describe('dashboard chart rows', () => {
  it('labels a day by its calendar date, whatever the zone the test runs in', () => {
    expect(shortDay('2026-11-02')).toBe('Nov 2')
    expect(shortDay('2026-01-31')).toBe('Jan 31')
  })

  it('keeps a day without successful checks as a gap in the latency line', () => {
    const rows = checkDayRows({
      generatedAt: 0,
      timeZone: 'UTC',
      totalChecks: 3,
      expiring: [],
      checks: [
        {
          date: '2026-01-01',
          start: 0,
          end: 1,
          checks: 3,
          failedChecks: 3,
          failingProxies: 2,
          medianLatencyMs: null,
        },
        {
          date: '2026-01-02',
          start: 1,
          end: 2,
          checks: 0,
          failedChecks: 0,
          failingProxies: 0,
          medianLatencyMs: 212.5,
        },
      ],
    })
    expect(rows.map((r) => [r.day, r.failing, r.latency])).toEqual([
      ['Jan 1', 2, null],
      ['Jan 2', 0, 213],
    ])
  })

  it('stacks in-use and idle spend in dollars and skips what costs or holds nothing', () => {
    const provider = {
      providerId: 1,
      proxies: 1,
      capacity: 3,
      used: 1,
      free: 2,
      utilization: 1 / 3,
    }
    expect(
      spendRows([
        { ...provider, name: 'Acme', monthlyCostCents: 1_175, idleCostCents: 450 },
        { ...provider, name: 'Free', monthlyCostCents: 0, idleCostCents: 0 },
      ]),
    ).toEqual([{ provider: 'Acme', inUse: 7.25, idle: 4.5 }])
    const model = {
      modelId: 1,
      proxies: 1,
      assignedAccounts: 2,
      unassignedAccounts: 0,
      monthlyCostCents: 0,
      costPerAccountCents: null,
    }
    expect(
      utilizationRows([
        { ...model, name: 'A', capacity: 3, utilization: 2 / 3 },
        { ...model, name: 'B', capacity: 0, utilization: 0 },
      ]),
    ).toEqual([{ model: 'A', utilization: 66.7 }])
  })
})
