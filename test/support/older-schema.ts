import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { openDatabase } from '../../src/main/db/connection'
import { resolveMigrationsDir } from '../../src/main/db/migrations-dir'

interface SchemaObject {
  type: string
  name: string
}

/**
 * Takes the database file back to the schema before the newest migration, as an older ProxyDeck
 * left it, keeping its rows: whatever the newest migration created (tables, indexes, triggers,
 * columns) is dropped and its row in `__drizzle_migrations` deleted. Found by comparing with a
 * database migrated without it, so the tests need no edit when a migration is added.
 */
export function rewindNewestMigration(file: string): void {
  const older = olderSchema()
  const db = new Database(file)
  try {
    const objects = db
      .prepare("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
      .all() as SchemaObject[]
    const known = new Set(older.objects.map((o) => `${o.type}:${o.name}`))
    const added = objects.filter((o) => !known.has(`${o.type}:${o.name}`))
    // Triggers and indexes first: a column cannot be dropped while one names it.
    for (const type of ['trigger', 'index', 'view', 'table']) {
      for (const object of added.filter((o) => o.type === type)) {
        db.exec(`DROP ${type.toUpperCase()} "${object.name}"`)
      }
    }
    for (const [table, columns] of older.columns) {
      const now = db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as {
        name: string
      }[]
      for (const { name } of now) {
        if (!columns.has(name)) db.exec(`ALTER TABLE "${table}" DROP COLUMN "${name}"`)
      }
    }
    db.exec(
      'DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations)',
    )
  } finally {
    db.close()
  }
}

function olderSchema(): { objects: SchemaObject[]; columns: Map<string, Set<string>> } {
  const dir = mkdtempSync(join(tmpdir(), 'proxydeck-older-schema-'))
  try {
    const migrations = join(dir, 'drizzle')
    cpSync(resolveMigrationsDir(), migrations, { recursive: true })
    const journalFile = join(migrations, 'meta', '_journal.json')
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: unknown[] }
    journal.entries.pop()
    writeFileSync(journalFile, JSON.stringify(journal))
    const opened = openDatabase({ file: join(dir, 'older.sqlite'), migrationsDir: migrations })
    try {
      const objects = opened.sqlite
        .prepare("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
        .all() as SchemaObject[]
      const columns = new Map<string, Set<string>>()
      for (const { name } of objects.filter((o) => o.type === 'table')) {
        const info = opened.sqlite.prepare('SELECT name FROM pragma_table_info(?)').all(name) as {
          name: string
        }[]
        columns.set(name, new Set(info.map((c) => c.name)))
      }
      return { objects, columns }
    } finally {
      opened.sqlite.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
