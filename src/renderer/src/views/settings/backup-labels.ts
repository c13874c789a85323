import type { BackupKind } from '../../../../shared/contracts/storage'

export const backupKindLabels: Record<BackupKind, string> = {
  daily: 'Daily',
  'pre-migration': 'Before an update',
  'pre-restore': 'Before a restore',
  manual: 'Manual',
}

// With seconds: backups taken minutes apart (a restore's pair, "Back up now" twice) stay apart.
const backupTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium' })

export function formatBackupTime(epochMs: number): string {
  return backupTime.format(epochMs)
}

/** The backups folder in the platform's own spelling (the data dir tells which separator). */
export function backupsFolderOf(dataDir: string): string {
  return `${dataDir}${dataDir.includes('\\') ? '\\' : '/'}backups`
}
