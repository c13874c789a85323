// Backup and restore on real SQLite files, with the real keychain of the test session: a backup
// taken while a 100,000-row import holds its transaction open, restored into a working app; and
// the files restore must refuse, leaving the live data as it was.
import { closeSync, copyFileSync, mkdirSync, openSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import type { TestContext } from '../../../../test/support/context'
import { call, provider, rejection, withContext } from '../../../../test/support/transfer'
import type { ImportProgress } from '../../../shared/import-types'
import { exclusiveGate } from '../../db/exclusive'
import { backupsDir, backUpIntoFolder } from '../../services/backup'

const LINES = 100_000

function lines(count: number): string {
  return Array.from(
    { length: count },
    (_, i) => `10.${i >> 16}.${(i >> 8) & 255}.${i & 255}:8080:user${i}:pass${i}`,
  ).join('\n')
}

function readOnly<T>(file: string, read: (sqlite: Database.Database) => T): T {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true })
  try {
    return read(sqlite)
  } finally {
    sqlite.close()
  }
}

const count = (sqlite: Database.Database, table: string): number =>
  (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n

const tests: TestContext[] = []
afterEach(async () => {
  for (const test of tests.splice(0)) await test.dispose()
})

async function context(): Promise<TestContext> {
  const test = await withContext()
  tests.push(test)
  return test
}

async function proxyWithPassword(test: TestContext, password: string): Promise<number> {
  const providerId = provider(test.ctx, `P-${password}`)
  const created = await call(test.ctx, 'proxies:create', {
    providerId,
    protocol: 'http',
    host: '192.0.2.20',
    port: 3128,
    username: password,
    password,
  })
  return created.id
}

describe('a backup taken during a 100,000-row import', () => {
  it('is consistent, passes quick_check and restores to a working app', async () => {
    const { ctx } = await context()
    const before = await proxyWithPassword({ ctx } as TestContext, 'before-pw')
    const main = provider(ctx, 'Main')
    const { importId } = await call(ctx, 'import:preview', { source: 'text', text: lines(LINES) })

    let backup: ReturnType<typeof backUpIntoFolder> | undefined
    let heldWhenTaken = false
    const stop = ctx.events.subscribe((event, payload) => {
      if (event !== 'import:progress' || backup) return
      if ((payload as ImportProgress).phase !== 'storing') return
      // Rows are going in, the transaction is open: the daily timer fires now.
      heldWhenTaken = exclusiveGate(ctx.sqlite).held
      backup = backUpIntoFolder(ctx, 'daily')
    })
    const committed = await call(ctx, 'import:commit', { importId, providerId: main })
    stop()
    expect(committed.inserted).toBe(LINES)
    expect(heldWhenTaken).toBe(true)
    const taken = await (backup as NonNullable<typeof backup>)
    const file = join(backupsDir(ctx.dataDir), taken.name)

    const inside = readOnly(file, (sqlite) => ({
      check: sqlite.pragma('quick_check', { simple: true }),
      proxies: count(sqlite, 'proxies'),
      migrations: count(sqlite, '__drizzle_migrations'),
      meta: sqlite.prepare('SELECT kind, schema_version, key_included FROM backup_meta').get(),
    }))
    expect(inside.check).toBe('ok')
    // All of the import or none of it, never a part.
    expect([1, LINES + 1]).toContain(inside.proxies)
    expect(inside.migrations).toBe(ctx.migrationsApplied)
    expect(inside.meta).toEqual({
      kind: 'daily',
      schema_version: ctx.migrationsApplied,
      key_included: 0,
    })

    const restored = await call(ctx, 'app:restore', {
      source: { kind: 'backup', name: taken.name },
      confirm: true,
    })
    expect(restored).toMatchObject({ restored: taken.name, passwords: 'readable' })
    expect(restored.previous.kind).toBe('pre-restore')
    const previousFile = join(backupsDir(ctx.dataDir), restored.previous.name)
    expect(readOnly(previousFile, (sqlite) => count(sqlite, 'proxies'))).toBe(LINES + 1)

    // The context works on the restored data: reads, writes, passwords, checks, the list.
    expect((await call(ctx, 'proxies:list', {})).total).toBe(inside.proxies)
    expect(await call(ctx, 'proxies:revealPassword', { id: before })).toEqual({
      password: 'before-pw',
    })
    const after = await call(ctx, 'proxies:create', {
      providerId: main,
      protocol: 'socks5',
      host: '192.0.2.99',
      port: 1080,
      password: 'after-pw',
    })
    expect(await call(ctx, 'proxies:revealPassword', { id: after.id })).toEqual({
      password: 'after-pw',
    })
    expect((await call(ctx, 'checks:status', {})).run).toBeNull()
    expect(ctx.vault.status.status).toBe('available')
    expect(
      ctx.sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'backup_meta'").get(),
    ).toBeUndefined()
    const kinds = (await call(ctx, 'app:backups', {})).map((b) => b.kind).sort()
    expect(kinds).toEqual(['daily', 'pre-restore'])
  })
})

describe('restore refuses', () => {
  async function backupCopy(test: TestContext, edit: (file: string) => void): Promise<string> {
    const taken = await call(test.ctx, 'app:backup', { target: 'folder' })
    if (taken.target !== 'folder') throw new Error('expected a backup in the folder')
    const name = taken.backup.name.replace('manual', 'daily')
    const file = join(backupsDir(test.ctx.dataDir), name)
    copyFileSync(join(backupsDir(test.ctx.dataDir), taken.backup.name), file)
    edit(file)
    return name
  }

  it('a damaged file and a file of a newer schema, with typed errors, live data unchanged', async () => {
    const test = await context()
    await proxyWithPassword(test, 'live-pw')
    const damaged = await backupCopy(test, (file) => {
      // Garbage over the second page onwards: a b-tree SQLite cannot read.
      const fd = openSync(file, 'r+')
      writeSync(fd, Buffer.alloc(4096 * 3, 0xa5), 0, 4096 * 3, 4096)
      closeSync(fd)
    })
    const newer = await backupCopy(test, (file) => {
      const sqlite = new Database(file)
      sqlite
        .prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)')
        .run('from-the-future', Date.now())
      sqlite.close()
    })
    const before = test.ctx.sqlite.serialize()

    const corrupt = await rejection(
      call(test.ctx, 'app:restore', { source: { kind: 'backup', name: damaged }, confirm: true }),
    )
    expect(corrupt.code).toBe('DB_CORRUPT')
    expect(corrupt.details).toMatchObject({ reason: 'damaged' })

    const future = await rejection(
      call(test.ctx, 'app:restore', { source: { kind: 'backup', name: newer }, confirm: true }),
    )
    expect(future.code).toBe('VALIDATION')
    expect(future.details).toMatchObject({ reason: 'schema_newer' })
    expect(future.message).toContain('newer ProxyDeck')

    const unconfirmed = await rejection(
      call(test.ctx, 'app:restore', { source: { kind: 'backup', name: newer } } as never),
    )
    expect(unconfirmed.code).toBe('VALIDATION')
    const outside = await rejection(
      call(test.ctx, 'app:restore', {
        source: { kind: 'backup', name: '../proxydeck.sqlite' },
        confirm: true,
      }),
    )
    expect(outside.code).toBe('VALIDATION')

    expect(test.ctx.sqlite.serialize().equals(before)).toBe(true)
    expect((await call(test.ctx, 'app:backups', {})).map((b) => b.kind)).not.toContain(
      'pre-restore',
    )
  })

  it("a backup whose passwords this keychain's key cannot open, unless accepted", async () => {
    const here = await context()
    const there = await context()
    await proxyWithPassword(here, 'here-pw')
    await proxyWithPassword(there, 'there-pw')
    const taken = await call(there.ctx, 'app:backup', { target: 'folder' })
    if (taken.target !== 'folder') throw new Error('expected a backup in the folder')
    const name = taken.backup.name
    mkdirSync(backupsDir(here.ctx.dataDir), { recursive: true })
    copyFileSync(
      join(backupsDir(there.ctx.dataDir), name),
      join(backupsDir(here.ctx.dataDir), name),
    )
    const before = here.ctx.sqlite.serialize()

    const refused = await rejection(
      call(here.ctx, 'app:restore', { source: { kind: 'backup', name }, confirm: true }),
    )
    expect(refused.code).toBe('VALIDATION')
    expect(refused.details).toEqual({ reason: 'passwords_unreadable', sealedPasswords: 1 })
    expect(here.ctx.sqlite.serialize().equals(before)).toBe(true)

    const accepted = await call(here.ctx, 'app:restore', {
      source: { kind: 'backup', name },
      confirm: true,
      acceptUnreadablePasswords: true,
    })
    expect(accepted.passwords).toBe('unreadable')
    expect(here.ctx.vault.status).toMatchObject({ status: 'unavailable', problem: 'key_mismatch' })
    expect((await call(here.ctx, 'proxies:list', {})).items[0]?.username).toBe('there-pw')
  })
})
