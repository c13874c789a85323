import type Database from 'better-sqlite3'
import type { BackupKind } from '../../../shared/contracts/storage'

/**
 * What a backup says about itself, in a `backup_meta` table that exists only inside backup files
 * (the live database never has it; restore drops it). It states that the master key is not in the
 * file: the key stays in the keychain, and only its fingerprint (vault_key_check) travels along.
 */
export interface BackupMeta {
  kind: BackupKind
  createdAt: number
  appVersion: string
  /** Migrations applied to the data in the file. */
  schemaVersion: number
}

export const BACKUP_META_TABLE = 'backup_meta'

export function writeBackupMeta(sqlite: Database.Database, meta: BackupMeta): void {
  sqlite.exec(
    `CREATE TABLE IF NOT EXISTS ${BACKUP_META_TABLE} (
       id INTEGER PRIMARY KEY CHECK (id = 1),
       kind TEXT NOT NULL, created_at INTEGER NOT NULL, app_version TEXT NOT NULL,
       schema_version INTEGER NOT NULL, key_included INTEGER NOT NULL CHECK (key_included = 0),
       note TEXT NOT NULL)`,
  )
  sqlite
    .prepare(
      `INSERT OR REPLACE INTO ${BACKUP_META_TABLE}
         (id, kind, created_at, app_version, schema_version, key_included, note)
       VALUES (1, ?, ?, ?, ?, 0, ?)`,
    )
    .run(
      meta.kind,
      meta.createdAt,
      meta.appVersion,
      meta.schemaVersion,
      'The master key is not in this file; it stays in the OS keychain. Export it separately.',
    )
}

export function readBackupMeta(sqlite: Database.Database): BackupMeta | null {
  const exists = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
    .get(BACKUP_META_TABLE)
  if (!exists) return null
  const row = sqlite
    .prepare(
      `SELECT kind, created_at AS createdAt, app_version AS appVersion,
              schema_version AS schemaVersion FROM ${BACKUP_META_TABLE} WHERE id = 1`,
    )
    .get() as BackupMeta | undefined
  return row ?? null
}
