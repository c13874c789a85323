import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { AppError } from '../../shared/errors'
import { ensurePrivateFile, restrictExisting } from '../private-files'
import { assertDatabaseIntact } from './integrity'
import { countJournalEntries, resolveMigrationsDir } from './migrations-dir'
import * as schema from './schema'

export type Db = BetterSQLite3Database<typeof schema>

export interface OpenDatabaseOptions {
  /** Path of the SQLite file; created (with its parent directory) when missing. */
  file: string
  /** Folder holding drizzle's `meta/_journal.json`; found with `resolveMigrationsDir()` when omitted. */
  migrationsDir?: string
  /** Path of a better-sqlite3 `.node` binary; defaults to env `PROXYDECK_SQLITE_BINDING`. */
  nativeBinding?: string
  /**
   * Called on an existing database that is about to take migrations, before the first one runs
   * (the app backs it up here). A throw stops the open with nothing migrated.
   */
  beforeMigrate?: (sqlite: Database.Database, from: number, to: number) => void
}

export interface OpenedDatabase {
  sqlite: Database.Database
  db: Db
  /** Rows in `__drizzle_migrations` after migrating: every migration this file has ever taken. */
  migrationsApplied: number
  close(): void
}

const MIGRATIONS_TABLE = '__drizzle_migrations'

/**
 * Opens (or creates) the app database: refuses a damaged file without writing to it, sets the
 * pragmas that better-sqlite3 does not persist, and brings the schema up to date.
 */
export function openDatabase(options: OpenDatabaseOptions): OpenedDatabase {
  const file = options.file
  const nativeBinding = options.nativeBinding ?? (process.env.PROXYDECK_SQLITE_BINDING || undefined)
  const inMemory = file === ':memory:'

  const sidecars = [`${file}-wal`, `${file}-shm`]
  if (!inMemory) {
    // A folder made here is private; an existing one is the caller's (createContext tightens the
    // data folder; a test's file may sit in the system temp folder, which must stay as it is).
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true, mode: 0o700 })
    // Read-only and before any pragma: journal_mode=WAL alone rewrites the header.
    assertDatabaseIntact(file, nativeBinding)
    // SQLite gives a new -wal and -shm the database file's mode, so a 0600 file keeps them private.
    ensurePrivateFile(file)
    restrictExisting(sidecars)
  }

  const migrationsFolder = options.migrationsDir ?? resolveMigrationsDir()
  const sqlite = new Database(file, nativeBinding ? { nativeBinding } : {})
  try {
    applyPragmas(sqlite, inMemory)
    // -wal/-shm may have just been made from a file another process opened first.
    if (!inMemory) restrictExisting(sidecars)
    const db = drizzle(sqlite, { schema })
    const before = countMigrations(sqlite)
    const target = countJournalEntries(migrationsFolder)
    if (options.beforeMigrate && before > 0 && before < target) {
      options.beforeMigrate(sqlite, before, target)
    }
    migrate(db, { migrationsFolder, migrationsTable: MIGRATIONS_TABLE })
    const migrationsApplied = countMigrations(sqlite)
    return {
      sqlite,
      db,
      migrationsApplied,
      close: () => {
        if (!sqlite.open) return
        try {
          // SQLite's advice for long-lived connections: refresh planner statistics where useful.
          sqlite.pragma('optimize')
        } finally {
          sqlite.close()
        }
      },
    }
  } catch (error) {
    sqlite.close()
    throw error
  }
}

function applyPragmas(sqlite: Database.Database, inMemory: boolean): void {
  const mode = sqlite.pragma('journal_mode = WAL', { simple: true })
  if (!inMemory && String(mode).toLowerCase() !== 'wal') {
    throw new AppError(
      'INTERNAL',
      `SQLite refused write-ahead logging for ${sqlite.name} (journal mode stayed "${String(mode)}").`,
    )
  }
  // Not persisted in the file: better-sqlite3 reopens a WAL database with synchronous=NORMAL.
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  // Statement journals of multi-index writes stay in memory instead of temp files (measured: per-row
  // inserts into proxies spent most of their system time creating them). No temp tables are used.
  sqlite.pragma('temp_store = MEMORY')
}

function countMigrations(sqlite: Database.Database): number {
  const exists = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
    .get(MIGRATIONS_TABLE)
  if (!exists) return 0
  const row = sqlite.prepare(`SELECT count(*) AS n FROM "${MIGRATIONS_TABLE}"`).get() as {
    n: number
  }
  return row.n
}
