import type { BackupKind } from '../../../../shared/contracts/storage'

export const backupKindLabels: Record<BackupKind, string> = {
  daily: 'Daily',
  'pre-migration': 'Before an update',
  'pre-restore': 'Before a restore',
  manual: 'Manual',
}
