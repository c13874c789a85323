import { describe, expect, it } from 'vitest'
import { countryFlag, countryName } from './country'

describe('country flag and name', () => {
  it('draws the flag from regional-indicator letters', () => {
    expect(countryFlag('DE')).toBe('\u{1F1E9}\u{1F1EA}')
    expect(countryFlag('us')).toBe('\u{1F1FA}\u{1F1F8}')
  })

  it('names the country in English', () => {
    expect(countryName('DE')).toBe('Germany')
    expect(countryName('br')).toBe('Brazil')
  })

  it('gives nothing for a missing or malformed code', () => {
    for (const code of [null, undefined, '', 'USA', '1A', 'ü']) {
      expect(countryFlag(code)).toBeNull()
      expect(countryName(code)).toBeNull()
    }
  })
})
