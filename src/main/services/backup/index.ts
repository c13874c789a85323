export {
  backupsDir,
  ensureBackupsDir,
  listBackups,
  parseBackupName,
  pruneBackups,
} from './backup-files'
export { BACKUP_META_TABLE, readBackupMeta, type BackupMeta } from './backup-meta'
export {
  backUpBeforeMigration,
  backUpIntoFolder,
  backUpToFile,
  dailyBackupIfDue,
  startDailyBackups,
  type BackupContext,
} from './backups'
export { inspectBackup, type BackupInspection } from './inspect-backup'
export { installDatabaseFile, makeLive, stageCopy } from './restore-files'
export { backupName } from './backup-files'
export { backupsReading, backupsSettled, writeBackupFromConnection } from './write-backup'
