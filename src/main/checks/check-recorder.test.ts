import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createFixture, type Fixture } from '../../../test/support/fixture'
import { recordExit } from '../../../test/support/exits'

describe('recordChecks durability setting', () => {
  let f: Fixture
  beforeEach(async () => {
    f = await createFixture()
  })
  afterEach(() => f.dispose())

  it('gives the connection back with its own synchronous level after recording', () => {
    const proxyId = f.proxy(f.provider())
    expect(f.ctx.sqlite.pragma('synchronous', { simple: true })).toBe(2)
    recordExit(f, proxyId, '203.0.113.9')
    expect(f.ctx.sqlite.pragma('synchronous', { simple: true })).toBe(2)
    expect(f.count('SELECT count(*) FROM proxy_checks WHERE proxy_id = ?', proxyId)).toBe(1)
    expect(f.rows('SELECT exit_ip FROM proxies WHERE id = ?', proxyId)).toEqual([
      { exit_ip: '203.0.113.9' },
    ])
  })

  it('records inside a caller transaction without touching the setting, and rolls back with it', () => {
    const proxyId = f.proxy(f.provider())
    expect(() =>
      f.ctx.sqlite.transaction(() => {
        recordExit(f, proxyId, '203.0.113.10')
        expect(f.ctx.sqlite.pragma('synchronous', { simple: true })).toBe(2)
        throw new Error('caller gives up')
      })(),
    ).toThrow('caller gives up')
    expect(f.count('SELECT count(*) FROM proxy_checks WHERE proxy_id = ?', proxyId)).toBe(0)
    expect(f.ctx.sqlite.pragma('synchronous', { simple: true })).toBe(2)
  })
})
