import { describe, expect, it } from 'vitest'
import { formatCents, formatRelative, parseDollarsToCents } from './format'

describe('money', () => {
  it('formats cents as dollars and reads dollars back as cents', () => {
    expect(formatCents(123456)).toBe('$1,234.56')
    expect(formatCents(null)).toBe('—')
    expect(parseDollarsToCents('12.5')).toBe(1250)
    expect(parseDollarsToCents('$3')).toBe(300)
    expect(parseDollarsToCents('0,99')).toBe(99)
    expect(parseDollarsToCents('1.005')).toBeNull()
    expect(parseDollarsToCents('-1')).toBeNull()
    expect(parseDollarsToCents('abc')).toBeNull()
  })
})

describe('relative time', () => {
  it('says never for no time and picks a readable unit', () => {
    const now = 1_700_000_000_000
    expect(formatRelative(null, now)).toBe('never')
    expect(formatRelative(now - 5 * 60_000, now)).toBe('5 minutes ago')
    expect(formatRelative(now + 2 * 86_400_000, now)).toBe('in 2 days')
  })
})
