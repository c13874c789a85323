import { chmodSync, copyFileSync, renameSync, rmSync, statSync } from 'node:fs'
import Database from 'better-sqlite3'
import { AppError } from '../../../shared/errors'
import { BACKUP_META_TABLE } from './backup-meta'

/**
 * A private copy of the file to restore, beside the live database: what is checked is what gets
 * installed, and the operator's file is never opened for writing.
 */
export function stageCopy(from: string, to: string): void {
  refusePendingWal(from)
  try {
    copyFileSync(from, to)
    chmodSync(to, 0o600)
  } catch (error) {
    rmSync(to, { force: true })
    const code = (error as NodeJS.ErrnoException).code
    throw new AppError('VALIDATION', `The backup file could not be read (${code ?? 'error'}).`, {
      reason: 'missing',
    })
  }
}

/**
 * Only the main file is copied. A non-empty `-wal` beside it holds commits not yet written back
 * into it (another program has it open, or crashed with it open): copying the main file alone
 * would silently drop them. ProxyDeck's own backups are self-contained and never have one.
 */
function refusePendingWal(file: string): void {
  let walBytes = 0
  try {
    walBytes = statSync(`${file}-wal`).size
  } catch {
    return // no -wal: nothing pending
  }
  if (walBytes === 0) return
  throw new AppError(
    'VALIDATION',
    `This database file has recent changes still in its "-wal" file beside it (${walBytes} bytes), ` +
      'which a restore would lose. Close the program that has it open (so it writes them into the ' +
      'file) and try again, or restore a backup made by ProxyDeck. Nothing was changed.',
    { reason: 'wal_pending' },
  )
}

/** Makes a staged backup a plain live database: no backup label, a rollback journal for now. */
export function makeLive(file: string, nativeBinding?: string): void {
  const sqlite = new Database(file, {
    fileMustExist: true,
    ...(nativeBinding ? { nativeBinding } : {}),
  })
  try {
    sqlite.pragma('journal_mode = DELETE')
    sqlite.exec(`DROP TABLE IF EXISTS ${BACKUP_META_TABLE}`)
  } finally {
    sqlite.close()
  }
}

/**
 * Moves a staged file over the (closed) live database in one rename. A -wal left beside the old
 * file would be replayed into the new one, so the sidecars go first.
 */
export function installDatabaseFile(staged: string, dbPath: string): void {
  rmSync(`${dbPath}-wal`, { force: true })
  rmSync(`${dbPath}-shm`, { force: true })
  renameSync(staged, dbPath)
}
