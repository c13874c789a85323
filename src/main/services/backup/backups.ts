import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type Database from 'better-sqlite3'
import type { BackupInfo, BackupKind } from '../../../shared/contracts/storage'
import type { Clock } from '../../clock'
import { readSettings } from '../settings'
import {
  backupName,
  ensureBackupsDir,
  listBackups,
  parseBackupName,
  pruneBackups,
} from './backup-files'
import { writeBackupFromConnection, writeOnlineBackup } from './write-backup'

/** What backups need from the app: the live file and connection, and who is writing them. */
export interface BackupContext {
  readonly dataDir: string
  readonly dbPath: string
  readonly version: string
  readonly sqlite: Database.Database
  readonly migrationsApplied: number
  readonly clock: Clock
  readonly sqliteNativeBinding?: string
}

const DAY_MS = 24 * 60 * 60 * 1000

/** An online backup into `<dataDir>/backups/`, then the oldest of its kind beyond the setting go. */
export async function backUpIntoFolder(ctx: BackupContext, kind: BackupKind): Promise<BackupInfo> {
  const dir = ensureBackupsDir(ctx.dataDir)
  const { name, createdAt } = freeName(dir, kind, ctx.clock.now())
  await writeOnlineBackup(
    { dbPath: ctx.dbPath, nativeBinding: ctx.sqliteNativeBinding },
    join(dir, name),
    {
      kind,
      createdAt,
      appVersion: ctx.version,
      schemaVersion: ctx.migrationsApplied,
    },
  )
  pruneBackups(ctx.dataDir, readSettings(ctx.sqlite).backupsKeep)
  return { name, kind, createdAt, sizeBytes: statSync(join(dir, name)).size }
}

/** A manual backup to a file the operator chose. */
export async function backUpToFile(
  ctx: BackupContext,
  path: string,
): Promise<{ path: string; bytes: number }> {
  await writeOnlineBackup({ dbPath: ctx.dbPath, nativeBinding: ctx.sqliteNativeBinding }, path, {
    kind: 'manual',
    createdAt: ctx.clock.now(),
    appVersion: ctx.version,
    schemaVersion: ctx.migrationsApplied,
  })
  return { path, bytes: statSync(path).size }
}

/** Called by openDatabase before the first pending migration runs (db/connection.ts). */
export function backUpBeforeMigration(
  env: Pick<BackupContext, 'dataDir' | 'version' | 'clock' | 'sqliteNativeBinding'>,
  sqlite: Database.Database,
  schemaVersion: number,
): void {
  const dir = ensureBackupsDir(env.dataDir)
  const { name, createdAt } = freeName(dir, 'pre-migration', env.clock.now())
  const meta = { kind: 'pre-migration' as const, createdAt, appVersion: env.version, schemaVersion }
  writeBackupFromConnection(sqlite, join(dir, name), meta, env.sqliteNativeBinding)
  pruneBackups(env.dataDir, readSettings(sqlite).backupsKeep)
}

/**
 * The daily backup, when the newest is more than a day old. A database with nothing in it yet
 * has nothing worth keeping, so a first start writes none.
 */
export async function dailyBackupIfDue(ctx: BackupContext): Promise<BackupInfo | null> {
  const newest = listBackups(ctx.dataDir).find((backup) => backup.kind === 'daily')
  if (newest && ctx.clock.now() - newest.createdAt < DAY_MS) return null
  if (!hasData(ctx.sqlite)) return null
  return backUpIntoFolder(ctx, 'daily')
}

/** Re-checks every hour while running, so an app left open for days still backs up daily. */
export function startDailyBackups(ctx: BackupContext, everyMs = 60 * 60 * 1000): () => void {
  let running = false
  const tick = (): void => {
    if (running) return
    running = true
    dailyBackupIfDue(ctx)
      .catch((error: unknown) => console.error('The daily backup failed:', error))
      .finally(() => {
        running = false
      })
  }
  const timer = setInterval(tick, everyMs)
  timer.unref()
  return () => clearInterval(timer)
}

function hasData(sqlite: Database.Database): boolean {
  return (
    (
      sqlite
        .prepare(
          `SELECT EXISTS (SELECT 1 FROM proxy_providers) OR EXISTS (SELECT 1 FROM models)
             OR EXISTS (SELECT 1 FROM proxies) OR EXISTS (SELECT 1 FROM accounts) AS any`,
        )
        .get() as { any: number }
    ).any === 1
  )
}

/** Two backups in the same millisecond (a restore's pair) must not share a name. */
function freeName(dir: string, kind: BackupKind, at: number): { name: string; createdAt: number } {
  let createdAt = at
  while (existsSync(join(dir, backupName(kind, createdAt)))) createdAt += 1
  const name = backupName(kind, createdAt)
  return { name, createdAt: parseBackupName(name)?.createdAt ?? createdAt }
}
