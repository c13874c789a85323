import { z } from 'zod'
import { defineContract } from '../contract'
import { noInput } from './common'

/*
 * Backups of the database. `app:backup` writes one into the backups folder (`folder`: the desktop's
 * and the bridge's "Back up now") or to a file chosen in a native dialog (`dialog`, desktop only).
 * `app:restore` replaces the live database with a backup from the folder or a chosen file, after
 * checking it; the database it replaces is kept as a `pre-restore` backup.
 */

export const backupKinds = ['daily', 'pre-migration', 'pre-restore', 'manual'] as const
export type BackupKind = (typeof backupKinds)[number]

export interface BackupInfo {
  /** File name inside `<dataDir>/backups/`. */
  name: string
  kind: BackupKind
  createdAt: number
  sizeBytes: number
}

/** Only names a backup can have: no folders, so a name never reaches outside the backups folder. */
export const backupFileName = z
  .string()
  .regex(/^proxydeck-(daily|pre-migration|pre-restore|manual)-\d{8}-\d{6}-\d{3}\.sqlite$/, {
    error: 'Not the name of a backup in the backups folder',
  })

export const backupInput = z.strictObject({ target: z.enum(['folder', 'dialog']) })

export const restoreInput = z.strictObject({
  source: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('backup'), name: backupFileName }),
    z.strictObject({ kind: z.literal('dialog') }),
  ]),
  /** Set by the renderer's confirmation dialog: restore replaces every row. */
  confirm: z.literal(true, { error: 'Restoring replaces all data; confirm it first' }),
  /**
   * The backup holds passwords this computer's key cannot open: restore anyway (they stay
   * unreadable until their key is imported, or are reset). Refused without it.
   */
  acceptUnreadablePasswords: z.boolean().default(false),
})

export type BackupResult =
  { target: 'folder'; backup: BackupInfo } | { target: 'dialog'; path: string; bytes: number }

export interface RestoreResult {
  /** Where the restored data came from (a backup's name or the chosen file's). */
  restored: string
  /** The replaced database, kept in the backups folder. */
  previous: BackupInfo
  /** `unreadable`: the backup's passwords need a key this computer's keychain does not hold. */
  passwords: 'none' | 'readable' | 'unreadable'
  schemaVersion: number
}

export const storageContracts = {
  'app:backup': defineContract<BackupResult>()('app:backup', backupInput),
  'app:backups': defineContract<BackupInfo[]>()('app:backups', noInput),
  'app:restore': defineContract<RestoreResult>()('app:restore', restoreInput),
}

export type RestoreInput = z.output<typeof restoreInput>
