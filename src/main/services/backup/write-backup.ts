import { chmodSync, closeSync, openSync, renameSync, rmSync } from 'node:fs'
import Database from 'better-sqlite3'
import { AppError } from '../../../shared/errors'
import { writeBackupMeta, type BackupMeta } from './backup-meta'

export interface BackupSource {
  /** The live database file. */
  dbPath: string
  /** Electron's better-sqlite3 build, when running under Electron. */
  nativeBinding?: string
}

// The backup API copies this many pages per step at most: all of them, in one read transaction.
const ALL_PAGES = 0x7fffffff

// Online backups still reading each live file: a restore waits for them before it swaps the file.
const reading = new Map<string, Set<Promise<unknown>>>()

export function backupsReading(dbPath: string): boolean {
  return (reading.get(dbPath)?.size ?? 0) > 0
}

/** Resolves once no online backup of `dbPath` is reading it (those started meanwhile included). */
export async function backupsSettled(dbPath: string): Promise<void> {
  for (let pending = reading.get(dbPath); pending?.size; pending = reading.get(dbPath)) {
    await Promise.allSettled([...pending])
  }
}

/**
 * An online backup: better-sqlite3's `backup()` from a second, read-only connection. In WAL mode a
 * reader sees only committed data, so a backup taken while an import holds its transaction open
 * (db/exclusive.ts) captures the state before the import, consistent, without waiting for it or
 * slowing it. Copied in one step, so no later commit can restart it half-way. The copy is then
 * made self-contained (rollback journal, no -wal beside it), labelled and verified before it takes
 * its final name; a failure leaves no file behind.
 */
export async function writeOnlineBackup(
  source: BackupSource,
  destination: string,
  meta: BackupMeta,
): Promise<void> {
  const partial = `${destination}.partial`
  // Outside the try: a partial that already exists belongs to another backup, not ours to remove.
  createPrivateFile(partial)
  try {
    const reader = openFile(source.dbPath, source.nativeBinding, true)
    const copying = reader.backup(partial, { progress: () => ALL_PAGES })
    const pending = reading.get(source.dbPath) ?? new Set()
    reading.set(source.dbPath, pending.add(copying))
    try {
      await copying
    } finally {
      pending.delete(copying)
      if (pending.size === 0) reading.delete(source.dbPath)
      reader.close()
    }
    finishBackup(partial, destination, meta, source.nativeBinding)
  } catch (error) {
    rmSync(partial, { force: true })
    throw error
  }
}

/**
 * Before migrations the open is synchronous, so this copy is `VACUUM INTO` on the live connection
 * (nothing else runs yet): the same consistent, compacted copy, in one statement.
 */
export function writeBackupFromConnection(
  sqlite: Database.Database,
  destination: string,
  meta: BackupMeta,
  nativeBinding?: string,
): void {
  const partial = `${destination}.partial`
  // Outside the try: a partial that already exists belongs to another backup, not ours to remove.
  createPrivateFile(partial)
  try {
    sqlite.prepare('VACUUM INTO ?').run(partial)
    finishBackup(partial, destination, meta, nativeBinding)
  } catch (error) {
    rmSync(partial, { force: true })
    throw error
  }
}

/**
 * SQLite would create the copy with the umask's mode (often 0644) and the chmod comes only once
 * it is written: created empty and 0600 first, the passwords' ciphertext is never readable by
 * others, and SQLite's journal beside it takes the same mode. Both backup() and VACUUM INTO accept
 * an empty file. 'wx': an existing partial is an error rather than a file of unknown mode reused.
 */
function createPrivateFile(file: string): void {
  closeSync(openSync(file, 'wx', 0o600))
}

function finishBackup(
  partial: string,
  destination: string,
  meta: BackupMeta,
  nativeBinding?: string,
): void {
  chmodSync(partial, 0o600)
  const copy = openFile(partial, nativeBinding, false)
  try {
    copy.pragma('journal_mode = DELETE')
    writeBackupMeta(copy, meta)
    verifyBackup(copy, meta.schemaVersion)
  } finally {
    copy.close()
  }
  renameSync(partial, destination)
}

/** `PRAGMA quick_check` passes and the copy holds as many migrations as the live database. */
function verifyBackup(copy: Database.Database, schemaVersion: number): void {
  const check = copy.pragma('quick_check', { simple: true })
  if (check !== 'ok') {
    throw new AppError(
      'DB_CORRUPT',
      `The new backup failed its integrity check (${String(check)}).`,
    )
  }
  const row = copy.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }
  if (row.n !== schemaVersion) {
    throw new AppError(
      'INTERNAL',
      `The new backup holds ${row.n} migrations where the database has ${schemaVersion}.`,
    )
  }
}

function openFile(
  file: string,
  nativeBinding: string | undefined,
  readonly: boolean,
): Database.Database {
  return new Database(file, {
    readonly,
    fileMustExist: true,
    ...(nativeBinding ? { nativeBinding } : {}),
  })
}
