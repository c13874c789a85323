import { describe, expect, it } from 'vitest'
import { channels } from './channels'
import { channelEffects, dataKinds, readsOf, writesOf } from './data-changes'

describe('channel effects', () => {
  it('every kind a call can change is shown by some read, and no call both reads and writes', () => {
    const written = new Set(channels.flatMap((channel) => writesOf(channel)))
    const read = new Set(channels.flatMap((channel) => readsOf(channel)))
    for (const kind of written) expect(read.has(kind), kind).toBe(true)
    expect([...read].every((kind) => (dataKinds as readonly string[]).includes(kind))).toBe(true)
    for (const channel of channels) {
      const effect = channelEffects[channel]
      expect(Boolean(effect.reads?.length && effect.writes?.length), channel).toBe(false)
    }
  })
})
