import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { channels } from '../../shared/channels'
import { defaultSettings } from '../../shared/settings'
import { createTestContext, type TestContext } from '../../../test/support/context'
import { dispatch } from './dispatch'

let test: TestContext

beforeAll(async () => {
  test = await createTestContext()
})

afterAll(async () => {
  await test?.dispose()
})

// Inputs no contract accepts: wrong top-level types and stray keys.
const malformed: unknown[] = ['text', 42, true, null, [], { __unexpected: 1 }]

describe('contracts', () => {
  it.each([...channels])(
    '%s rejects malformed input and leaves the DB unchanged',
    async (channel) => {
      const before = test.ctx.sqlite.serialize()
      for (const input of malformed) {
        const envelope = await dispatch(test.ctx, channel, input)
        expect(envelope.ok, `${channel} accepted ${JSON.stringify(input)}`).toBe(false)
        if (!envelope.ok) expect(envelope.error.code).toBe('VALIDATION')
      }
      expect(test.ctx.sqlite.serialize().equals(before)).toBe(true)
    },
  )

  it('refuses an unknown channel', async () => {
    const envelope = await dispatch(test.ctx, 'db:drop', {})
    expect(envelope).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } })
  })
})

describe('settings', () => {
  it('returns the defaults on a new data dir', async () => {
    expect(await dispatch(test.ctx, 'settings:get', undefined)).toEqual({
      ok: true,
      value: defaultSettings,
    })
  })

  it('stores a valid patch and keeps the other keys', async () => {
    const set = await dispatch(test.ctx, 'settings:set', { failureThreshold: 3, theme: 'dark' })
    expect(set).toEqual({
      ok: true,
      value: { ...defaultSettings, failureThreshold: 3, theme: 'dark' },
    })
    const get = await dispatch(test.ctx, 'settings:get', {})
    expect(get).toEqual(set)
  })

  it('rejects a bad value with field-level details and writes nothing, not even the good keys', async () => {
    const before = await dispatch(test.ctx, 'settings:get', {})
    const bad = await dispatch(test.ctx, 'settings:set', {
      monitorIntervalMinutes: 30,
      checkConcurrency: 0,
      judges: ['ftp://example.com'],
    })
    expect(bad.ok).toBe(false)
    if (bad.ok) return
    expect(bad.error.code).toBe('VALIDATION')
    const paths = (bad.error.details as { issues: { path: string }[] }).issues.map((i) => i.path)
    expect(paths).toEqual(expect.arrayContaining(['checkConcurrency', 'judges.0']))
    expect(await dispatch(test.ctx, 'settings:get', {})).toEqual(before)
  })

  it('takes askJudgesDirectly as a boolean only, and stores nothing else', async () => {
    const before = test.ctx.sqlite.serialize()
    for (const value of ['yes', 1, null]) {
      const bad = await dispatch(test.ctx, 'settings:set', { askJudgesDirectly: value })
      expect(bad.ok).toBe(false)
      if (bad.ok) return
      expect(bad.error.code).toBe('VALIDATION')
      expect(bad.error.message).toContain('askJudgesDirectly')
    }
    expect(test.ctx.sqlite.serialize().equals(before)).toBe(true)
    const off = await dispatch(test.ctx, 'settings:set', { askJudgesDirectly: false })
    expect(off).toMatchObject({ ok: true, value: { askJudgesDirectly: false } })
    await dispatch(test.ctx, 'settings:set', { askJudgesDirectly: true })
  })

  it('rejects an empty patch and unknown keys', async () => {
    for (const input of [{}, { colour: 'red' }]) {
      const envelope = await dispatch(test.ctx, 'settings:set', input)
      expect(envelope.ok).toBe(false)
    }
  })
})

describe('app:info', () => {
  it('reports version, data dir, DB stats and keychain status', async () => {
    const envelope = await dispatch(test.ctx, 'app:info', {})
    expect(envelope.ok).toBe(true)
    if (!envelope.ok) return
    const info = envelope.value as import('../../shared/contracts/app').AppInfo
    expect(info.version).toBe('0.0.0-test')
    expect(info.runtime).toBe('node')
    expect(info.dataDir).toBe(test.dataDir)
    expect(info.db.journalMode).toBe('wal')
    expect(info.db.migrationsApplied).toBeGreaterThan(0)
    expect(info.db.sizeBytes).toBeGreaterThan(0)
    expect(info.db.rows).toMatchObject({ proxies: 0, accounts: 0, proxy_providers: 0 })
    expect(info.keychain).toEqual({ status: 'available', service: test.keychainService })
  })
})
