import { describe, expect, it } from 'vitest'
import { emptyHistoryFilters, historyFiltersActive, toHistoryInput } from './history-filters'

const day = 86_400_000

describe('toHistoryInput', () => {
  it('sends nothing for empty filters', () => {
    expect(toHistoryInput(emptyHistoryFilters)).toEqual({})
    expect(historyFiltersActive(emptyHistoryFilters)).toBe(false)
  })

  it('covers whole local days, the last one included, with an exclusive upper bound', () => {
    const start = new Date(2026, 2, 3, 15, 30)
    const end = new Date(2026, 2, 5, 9, 0)
    const input = toHistoryInput({ ...emptyHistoryFilters, range: [start, end] })
    expect(input.from).toBe(new Date(2026, 2, 3).getTime())
    expect(input.to).toBe(new Date(2026, 2, 6).getTime())
  })

  it('treats a range with only its start picked as that one day', () => {
    const input = toHistoryInput({ ...emptyHistoryFilters, range: [new Date(2026, 0, 31), null] })
    expect(input.to! - input.from!).toBe(day)
  })

  it('passes ids, lists and the actor through, leaving empty lists out', () => {
    const filters = {
      ...emptyHistoryFilters,
      proxyId: 4,
      accountId: 9,
      modelId: 2,
      actions: ['released' as const],
      reasons: [],
      actor: 'operator' as const,
    }
    expect(toHistoryInput(filters)).toEqual({
      proxyId: 4,
      accountId: 9,
      modelId: 2,
      action: ['released'],
      assignedBy: 'operator',
    })
    expect(historyFiltersActive(filters)).toBe(true)
  })
})
