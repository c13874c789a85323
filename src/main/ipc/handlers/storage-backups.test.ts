// The backups folder on real files: modes, rotation per kind, the daily backup on start and the
// backup before a migration. Time comes from a clock the test moves, never from waiting.
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import {
  createTestContext,
  type TestContext,
  TEST_KEYCHAIN_TIMEOUT_MS,
} from '../../../../test/support/context'
import { rewindNewestMigration } from '../../../../test/support/older-schema'
import { call, provider } from '../../../../test/support/transfer'
import { createContext, type AppContext } from '../../context'
import { backupsDir } from '../../services/backup'

const DAY = 24 * 60 * 60 * 1000
const tests: TestContext[] = []
const extra: AppContext[] = []

afterEach(async () => {
  for (const ctx of extra.splice(0)) ctx.close()
  for (const test of tests.splice(0)) await test.dispose()
})

function steppingClock(start: number) {
  let now = start
  return { now: () => now, advance: (ms: number) => (now += ms) }
}

async function reopen(test: TestContext, clock: { now(): number }): Promise<AppContext> {
  const ctx = await createContext({
    dataDir: test.dataDir,
    runtime: 'node',
    version: '0.0.0-test',
    keychainTimeoutMs: TEST_KEYCHAIN_TIMEOUT_MS,
    keychainService: test.keychainService,
    clock,
  })
  extra.push(ctx)
  return ctx
}

describe('the backups folder', () => {
  it('holds owner-only files, newest first, and keeps backupsKeep of each kind', async () => {
    const clock = steppingClock(Date.UTC(2026, 0, 10, 12))
    const test = await createTestContext({ clock })
    tests.push(test)
    await call(test.ctx, 'settings:set', { backupsKeep: 2 })
    for (let i = 0; i < 3; i++) {
      clock.advance(1_000)
      await call(test.ctx, 'app:backup', { target: 'folder' })
    }
    const listed = await call(test.ctx, 'app:backups', {})
    expect(listed.map((b) => [b.kind, b.createdAt])).toEqual([
      ['manual', Date.UTC(2026, 0, 10, 12, 0, 3)],
      ['manual', Date.UTC(2026, 0, 10, 12, 0, 2)],
    ])
    expect(listed[0]?.name).toBe('proxydeck-manual-20260110-120003-000.sqlite')
    expect(listed[0]?.sizeBytes).toBeGreaterThan(0)
    const dir = backupsDir(test.dataDir)
    expect(statSync(dir).mode & 0o777).toBe(0o700)
    for (const name of readdirSync(dir)) expect(statSync(join(dir, name)).mode & 0o777).toBe(0o600)
  })

  it('backs up daily on start once there is data and the newest daily is a day old', async () => {
    const clock = steppingClock(Date.UTC(2026, 0, 10, 12))
    const test = await createTestContext({ clock })
    tests.push(test)
    // An empty database has nothing to keep.
    expect(await call(test.ctx, 'app:backups', {})).toEqual([])
    provider(test.ctx, 'Kept')
    test.ctx.close()

    const first = await reopen(test, clock)
    expect((await call(first, 'app:backups', {})).map((b) => b.kind)).toEqual(['daily'])
    first.close()
    clock.advance(DAY - 1)
    const sameDay = await reopen(test, clock)
    expect(await call(sameDay, 'app:backups', {})).toHaveLength(1)
    sameDay.close()
    clock.advance(1)
    const nextDay = await reopen(test, clock)
    expect((await call(nextDay, 'app:backups', {})).map((b) => b.kind)).toEqual(['daily', 'daily'])
  })

  it('backs up before a migration, labelled with the schema it had', async () => {
    const test = await createTestContext()
    tests.push(test)
    provider(test.ctx, 'Before the migration')
    const latest = test.ctx.migrationsApplied
    test.ctx.close()
    // Back to the schema before the newest migration, as an older ProxyDeck left it.
    rewindNewestMigration(join(test.dataDir, 'proxydeck.sqlite'))

    const ctx = await reopen(test, { now: () => Date.now() })
    expect(ctx.migrationsApplied).toBe(latest)
    const kinds = (await call(ctx, 'app:backups', {})).map((b) => b.kind).sort()
    expect(kinds).toEqual(['daily', 'pre-migration'])
    const backup = (await call(ctx, 'app:backups', {})).find((b) => b.kind === 'pre-migration')
    const copy = new Database(join(backupsDir(test.dataDir), backup?.name ?? ''), {
      readonly: true,
    })
    expect(copy.prepare('SELECT schema_version, key_included FROM backup_meta').get()).toEqual({
      schema_version: latest - 1,
      key_included: 0,
    })
    expect(copy.prepare('SELECT name FROM proxy_providers').all()).toEqual([
      { name: 'Before the migration' },
    ])
    copy.close()
  })
})
