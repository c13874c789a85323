import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from './connection'
import { resolveMigrationsDir } from './migrations-dir'
import { models } from './schema'

const repoDrizzle = path.resolve(__dirname, '../../../drizzle')

let dir: string

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proxydeck-conn-'))
})

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('openDatabase', () => {
  it('creates a missing parent directory and the file', () => {
    const file = path.join(dir, 'nested', 'deeper', 'app.sqlite')
    const opened = openDatabase({ file })
    opened.close()
    expect(fs.statSync(file).size).toBeGreaterThan(0)
  })

  it('sets WAL, synchronous FULL, foreign keys and a busy timeout on every open', () => {
    const file = path.join(dir, 'app.sqlite')
    for (let round = 0; round < 2; round++) {
      const { sqlite, close } = openDatabase({ file })
      expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(sqlite.pragma('synchronous', { simple: true })).toBe(2)
      expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
      expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000)
      close()
    }
  })

  it('reopens idempotently: same migration count, data kept', () => {
    const file = path.join(dir, 'app.sqlite')
    const first = openDatabase({ file })
    first.db.insert(models).values({ name: 'Alice' }).run()
    const count = first.migrationsApplied
    first.close()

    const second = openDatabase({ file })
    expect(second.migrationsApplied).toBe(count)
    expect(
      second.db
        .select()
        .from(models)
        .all()
        .map((m) => m.name),
    ).toEqual(['Alice'])
    second.close()

    const third = openDatabase({ file, migrationsDir: repoDrizzle })
    expect(third.migrationsApplied).toBe(count)
    third.close()
  })

  it('close() may be called twice', () => {
    const opened = openDatabase({ file: path.join(dir, 'app.sqlite') })
    opened.close()
    expect(() => opened.close()).not.toThrow()
    expect(opened.sqlite.open).toBe(false)
  })

  it('loads the native binding it is given, from the option or PROXYDECK_SQLITE_BINDING', () => {
    const binding = path.resolve(
      __dirname,
      '../../../node_modules/better-sqlite3/build/Release/better_sqlite3.node',
    )
    const opened = openDatabase({ file: path.join(dir, 'a.sqlite'), nativeBinding: binding })
    expect(opened.migrationsApplied).toBeGreaterThan(0)
    opened.close()

    const missing = path.join(dir, 'no-such-binding.node')
    expect(() =>
      openDatabase({ file: path.join(dir, 'b.sqlite'), nativeBinding: missing }),
    ).toThrow()

    const saved = process.env.PROXYDECK_SQLITE_BINDING
    process.env.PROXYDECK_SQLITE_BINDING = missing
    try {
      expect(() => openDatabase({ file: path.join(dir, 'c.sqlite') })).toThrow()
      const explicit = openDatabase({ file: path.join(dir, 'd.sqlite'), nativeBinding: binding })
      explicit.close()
    } finally {
      if (saved === undefined) delete process.env.PROXYDECK_SQLITE_BINDING
      else process.env.PROXYDECK_SQLITE_BINDING = saved
    }
  })

  it('leaves no half-migrated database behind when a migration fails', () => {
    const broken = path.join(dir, 'broken-migrations')
    fs.cpSync(repoDrizzle, broken, { recursive: true })
    const journal = JSON.parse(fs.readFileSync(path.join(broken, 'meta/_journal.json'), 'utf8'))
    const last = journal.entries.at(-1) as { tag: string }
    fs.appendFileSync(
      path.join(broken, `${last.tag}.sql`),
      '\n--> statement-breakpoint\nTHIS IS NOT SQL;\n',
    )
    const file = path.join(dir, 'app.sqlite')
    expect(() => openDatabase({ file, migrationsDir: broken })).toThrow()

    const healthy = openDatabase({ file })
    expect(healthy.migrationsApplied).toBe(journal.entries.length)
    healthy.close()
  })
})

describe('resolveMigrationsDir', () => {
  it('finds the repo drizzle folder from src/main/db and from a bundled out/main', () => {
    expect(resolveMigrationsDir()).toBe(repoDrizzle)
    expect(resolveMigrationsDir(path.resolve(__dirname, '../../../out/main'))).toBe(repoDrizzle)
  })

  it('prefers <resourcesPath>/drizzle when packaged', () => {
    const resources = path.join(dir, 'resources')
    fs.cpSync(repoDrizzle, path.join(resources, 'drizzle'), { recursive: true })
    const proc = process as unknown as { resourcesPath?: string }
    proc.resourcesPath = resources
    try {
      expect(resolveMigrationsDir()).toBe(path.join(resources, 'drizzle'))
    } finally {
      delete proc.resourcesPath
    }
  })

  it('says the installation is incomplete when there is no journal anywhere', () => {
    expect(() => resolveMigrationsDir(dir)).toThrow(/No database migrations found/)
  })
})
