import { describe, expect, it } from 'vitest'
import { channels } from './channels'
import { contracts } from './contracts'

describe('contracts', () => {
  it('every channel has a contract named after it', () => {
    expect(Object.keys(contracts).sort()).toEqual([...channels].sort())
    for (const channel of channels) expect(contracts[channel].channel).toBe(channel)
    for (const channel of channels) expect(channel).toMatch(/^[a-z]+:[a-zA-Z]+$/)
  })
})
