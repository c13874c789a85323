import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { channels } from './channels'
import { contracts } from './contracts'
import { isWellFormedText } from './contracts/fields'
import { settingsSchema } from './settings'

describe('contracts', () => {
  it('every channel has a contract named after it', () => {
    expect(Object.keys(contracts).sort()).toEqual([...channels].sort())
    for (const channel of channels) expect(contracts[channel].channel).toBe(channel)
    for (const channel of channels) expect(channel).toMatch(/^[a-z]+:[a-zA-Z]+$/)
  })
})

/** Every string schema inside a schema: through objects, wrappers, pipes, unions and arrays. */
function stringLeaves(schema: z.ZodType, path: string, out: [string, z.ZodType][]): void {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string }
  const walk = (child: unknown, at: string) => stringLeaves(child as z.ZodType, at, out)
  switch (def.type) {
    case 'string':
      out.push([path, schema])
      return
    case 'object':
      for (const [key, child] of Object.entries(def.shape as Record<string, unknown>)) {
        walk(child, `${path}.${key}`)
      }
      return
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
      return walk(def.innerType, path)
    case 'pipe':
      walk(def.in, path)
      return walk(def.out, path)
    case 'union':
      for (const option of def.options as unknown[]) walk(option, path)
      return
    case 'array':
      return walk(def.element, `${path}[]`)
  }
}

describe('text inputs', () => {
  it('every string a contract or the settings take refuses a NUL and a lone surrogate', () => {
    const leaves: [string, z.ZodType][] = []
    for (const channel of channels) stringLeaves(contracts[channel].input, channel, leaves)
    stringLeaves(settingsSchema, 'settings', leaves)
    expect(leaves.length).toBeGreaterThan(20)
    for (const [path, leaf] of leaves) {
      for (const bad of ['ab\u0000cd', 'ab\ud800cd', 'https://example.com/\u0000']) {
        expect(leaf.safeParse(bad).success, `${path} took ${JSON.stringify(bad)}`).toBe(false)
      }
    }
  })

  it('keeps well-formed text, emoji (surrogate pairs) included', () => {
    expect(isWellFormedText('Zoë 😀 名前')).toBe(true)
    expect(isWellFormedText('a\u0000')).toBe(false)
    expect(isWellFormedText('\udc00b')).toBe(false)
  })
})
