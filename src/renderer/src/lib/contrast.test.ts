import { describe, expect, it } from 'vitest'
import { contrastRatio, over, readableOn } from './contrast'

describe('contrast', () => {
  it('gives the WCAG ratios of known pairs', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5)
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1)
    // Mantine's dimmed grey on white, the 3.3:1.
    expect(contrastRatio('#868e96', '#ffffff')).toBeCloseTo(3.32, 2)
  })

  it('flattens a translucent colour over its background', () => {
    expect(over('#000000', 0.5, '#ffffff')).toBe('#808080')
    expect(over('#12b886', 0, '#ffffff')).toBe('#ffffff')
  })

  it('keeps the first candidate that reads, else pushes the last one until it does', () => {
    expect(readableOn(['#868e96', '#495057'], ['#ffffff'])).toBe('#495057')
    const teal = readableOn(['#12b886'], ['#ffffff', '#f8f9fa'])
    expect(contrastRatio(teal, '#f8f9fa')).toBeGreaterThanOrEqual(4.5)
    const dimDark = readableOn(['#828282'], ['#242424', '#2e2e2e'])
    expect(contrastRatio(dimDark, '#2e2e2e')).toBeGreaterThanOrEqual(4.5)
    expect(contrastRatio(dimDark, '#ffffff')).toBeGreaterThan(1.5)
  })
})
