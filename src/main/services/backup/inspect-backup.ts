import { statSync } from 'node:fs'
import Database from 'better-sqlite3'
import { AppError } from '../../../shared/errors'
import { assertDatabaseIntact } from '../../db/integrity'
import { countSealedPasswords, keyDatabase } from '../../db/key-check'
import type { KeyDatabase } from '../../secrets'
import { passwordAad } from '../proxies'
import { readBackupMeta, type BackupMeta } from './backup-meta'

export interface BackupInspection {
  schemaVersion: number
  meta: BackupMeta | null
  sealedPasswords: number
}

/**
 * Checks a file before it may replace the live database: a SQLite file that passes
 * `quick_check`, made by ProxyDeck, with a schema this app can open (older ones are migrated on
 * open). Reads through a read-only connection; `withKeys` sees the file's key fingerprint and a
 * sealed password while it is open.
 */
export async function inspectBackup<T>(
  file: string,
  appSchemaVersion: number,
  nativeBinding: string | undefined,
  withKeys: (inspection: BackupInspection, database: KeyDatabase) => Promise<T>,
): Promise<T> {
  const size = sizeOf(file)
  if (size === 0) {
    throw new AppError('DB_CORRUPT', 'The chosen file is empty: it is not a ProxyDeck backup.', {
      reason: 'damaged',
    })
  }
  try {
    assertDatabaseIntact(file, nativeBinding)
  } catch (error) {
    if (error instanceof AppError)
      throw new AppError(error.code, error.message, { reason: 'damaged' })
    throw error
  }
  const sqlite = new Database(file, {
    readonly: true,
    fileMustExist: true,
    ...(nativeBinding ? { nativeBinding } : {}),
  })
  try {
    if (!hasTable(sqlite, '__drizzle_migrations') || !hasTable(sqlite, 'proxies')) {
      throw new AppError(
        'VALIDATION',
        'The chosen file is a SQLite database, but not a ProxyDeck one.',
        {
          reason: 'not_proxydeck',
        },
      )
    }
    const schemaVersion = (
      sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }
    ).n
    if (schemaVersion > appSchemaVersion) {
      throw new AppError(
        'VALIDATION',
        `The backup comes from a newer ProxyDeck (schema ${schemaVersion}; this one knows ` +
          `${appSchemaVersion}). Update ProxyDeck to restore it. Nothing was changed.`,
        { reason: 'schema_newer', backupSchema: schemaVersion, appSchema: appSchemaVersion },
      )
    }
    const inspection = {
      schemaVersion,
      meta: readBackupMeta(sqlite),
      sealedPasswords: countSealedPasswords(sqlite),
    }
    const keys = keyDatabase(sqlite, passwordAad)
    const database: KeyDatabase = hasTable(sqlite, 'vault_key_check')
      ? keys
      : { ...keys, recordedFingerprint: () => null }
    return await withKeys(inspection, database)
  } finally {
    sqlite.close()
  }
}

function hasTable(sqlite: Database.Database, name: string): boolean {
  return (
    sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !==
    undefined
  )
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size
  } catch {
    throw new AppError('VALIDATION', 'The chosen backup file does not exist (any more).', {
      reason: 'missing',
    })
  }
}
