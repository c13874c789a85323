import { chmodSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { backupKinds, type BackupInfo, type BackupKind } from '../../../shared/contracts/storage'

/** Automatic and "Back up now" backups live here, readable by the operator only. */
export function backupsDir(dataDir: string): string {
  return join(dataDir, 'backups')
}

export function ensureBackupsDir(dataDir: string): string {
  const dir = backupsDir(dataDir)
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  // mkdir's mode is filtered by the umask and ignored for a folder that exists: set it outright.
  chmodSync(dir, 0o700)
  return dir
}

// `proxydeck-<kind>-YYYYMMDD-HHMMSS-mmm.sqlite`: the list needs no file opened, and sorts by date.
const NAME = /^proxydeck-(daily|pre-migration|pre-restore|manual)-(\d{8})-(\d{6})-(\d{3})\.sqlite$/

export function backupName(kind: BackupKind, at: number): string {
  const iso = new Date(at).toISOString()
  const day = iso.slice(0, 10).replace(/-/g, '')
  const time = iso.slice(11, 19).replace(/:/g, '')
  return `proxydeck-${kind}-${day}-${time}-${iso.slice(20, 23)}.sqlite`
}

export function parseBackupName(name: string): { kind: BackupKind; createdAt: number } | null {
  const match = NAME.exec(name)
  if (!match) return null
  const [, kind, day = '', time = '', ms = ''] = match
  const createdAt = Date.parse(
    `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6)}T${time.slice(0, 2)}:${time.slice(2, 4)}:${time.slice(4)}.${ms}Z`,
  )
  if (Number.isNaN(createdAt) || !backupKinds.includes(kind as BackupKind)) return null
  return { kind: kind as BackupKind, createdAt }
}

/** Newest first. Files that do not carry a backup's name are not ProxyDeck's: left out. */
export function listBackups(dataDir: string): BackupInfo[] {
  let names: string[]
  try {
    names = readdirSync(backupsDir(dataDir))
  } catch {
    return []
  }
  const found: BackupInfo[] = []
  for (const name of names) {
    const parsed = parseBackupName(name)
    if (!parsed) continue
    try {
      found.push({ name, ...parsed, sizeBytes: statSync(join(backupsDir(dataDir), name)).size })
    } catch {
      // Removed between the listing and the stat: not there any more.
    }
  }
  return found.sort((a, b) => b.createdAt - a.createdAt || b.name.localeCompare(a.name))
}

/** Keeps the newest `keep` of each kind, so daily backups never push out a pre-restore one. */
export function pruneBackups(dataDir: string, keep: number): string[] {
  const seen = new Map<BackupKind, number>()
  const removed: string[] = []
  for (const backup of listBackups(dataDir)) {
    const count = (seen.get(backup.kind) ?? 0) + 1
    seen.set(backup.kind, count)
    if (count <= keep) continue
    rmSync(join(backupsDir(dataDir), backup.name), { force: true })
    removed.push(backup.name)
  }
  return removed
}
