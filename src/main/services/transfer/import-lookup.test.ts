import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { TestContext } from '../../../../test/support/context'
import { proxyKey } from '../../formats'
import { insertProxyRows, removeProxies } from '../proxies'
import {
  changeMarker,
  loadProviders,
  loadStoredKeys,
  nextProxyId,
  sameMarker,
} from './import-lookup'
import { provider, withContext } from '../../../../test/support/transfer'

describe('import lookups', () => {
  let test: TestContext

  beforeEach(async () => {
    test = await withContext()
  })
  afterEach(() => test.dispose())

  it('builds stored keys in SQL exactly as proxyKey() does', () => {
    const { ctx } = test
    const id = provider(ctx, 'P')
    const proxies = [
      { protocol: 'http' as const, host: '203.0.113.1', port: 80, username: null },
      { protocol: 'socks5' as const, host: '2001:db8::1', port: 1080, username: 'a|b:c' },
      { protocol: 'https' as const, host: 'gw.example.com', port: 65535, username: 'ü' },
    ]
    const ids = insertProxyRows(
      ctx,
      proxies.map((p) => ({ providerId: id, ...p, username: p.username ?? undefined })),
    )
    expect(loadStoredKeys(ctx.sqlite)).toEqual(
      new Map(proxies.map((p, i) => [proxyKey(p), ids[i] as number])),
    )
  })

  it('finds providers by exact name, else by a case-insensitive name that picks one', () => {
    const { ctx } = test
    const acme = provider(ctx, 'Acme')
    const upper = provider(ctx, 'ACME')
    const solo = provider(ctx, 'Solo Net')
    const lookup = loadProviders(ctx.sqlite)
    expect(lookup.resolve('Acme')).toBe(acme)
    expect(lookup.resolve(' ACME ')).toBe(upper)
    expect(lookup.resolve('acme')).toBeUndefined()
    expect(lookup.resolve('solo net')).toBe(solo)
    expect(lookup.resolve('Nobody')).toBeUndefined()
    expect(lookup.has(solo)).toBe(true)
    expect(lookup.has(solo + 1)).toBe(false)
  })

  it('never hands out a deleted proxy id again, and notices any write', () => {
    const { ctx } = test
    const id = provider(ctx, 'P')
    expect(nextProxyId(ctx.sqlite)).toBe(1)
    const [first, second] = insertProxyRows(ctx, [
      { providerId: id, protocol: 'http', host: '203.0.113.1', port: 80 },
      { providerId: id, protocol: 'http', host: '203.0.113.2', port: 80 },
    ]) as [number, number]
    const marker = changeMarker(ctx.sqlite)
    expect(sameMarker(marker, changeMarker(ctx.sqlite))).toBe(true)
    removeProxies(ctx, [second])
    expect(sameMarker(marker, changeMarker(ctx.sqlite))).toBe(false)
    expect(nextProxyId(ctx.sqlite)).toBe(second + 1)
    expect(first).toBe(1)

    // Another connection's write (another process on the same file) shows in data_version.
    const afterDelete = changeMarker(ctx.sqlite)
    const other = new Database(ctx.dbPath)
    try {
      other.prepare("INSERT INTO proxy_providers (name) VALUES ('From elsewhere')").run()
    } finally {
      other.close()
    }
    expect(sameMarker(afterDelete, changeMarker(ctx.sqlite))).toBe(false)
  })
})
