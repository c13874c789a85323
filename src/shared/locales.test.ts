import { describe, expect, it } from 'vitest'
import { suggestedLocale } from './locales'

describe('suggestedLocale', () => {
  it.each([
    ['US', 'en-US'],
    ['DE', 'de-DE'],
    ['BR', 'pt-BR'],
    ['gb', 'en-GB'],
    [' jp ', 'ja-JP'],
  ])('%s → %s', (country, locale) => {
    expect(suggestedLocale(country)).toBe(locale)
  })

  it('suggests nothing for an unknown, empty or missing country', () => {
    for (const country of ['XX', 'ZZ', '', null, undefined, 'USA']) {
      expect(suggestedLocale(country)).toBeNull()
    }
  })

  it('only suggests well-formed BCP 47 tags whose region is the country', () => {
    for (const code of ['US', 'DE', 'BR', 'FR', 'IN', 'CH', 'TW']) {
      const locale = suggestedLocale(code)
      expect(locale).toMatch(/^[a-z]{2,3}-[A-Z]{2}$/)
      expect(locale?.endsWith(`-${code}`)).toBe(true)
      expect(Intl.getCanonicalLocales(locale ?? '')).toEqual([locale])
    }
  })
})
