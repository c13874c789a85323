import { z } from 'zod'
import { defineContract } from '../contract'
import { text } from './fields'
import type { AppInfo } from './app'
import { exportDestinations, type ExportResult } from './export'

/*
 * The master key: exported wrapped with a passphrase the operator chooses (so that the data can
 * move to another computer, or survive a keychain reset), imported back, or given up ("reset the
 * passwords"). Export and reset are behind confirmations in the renderer; the flags say so.
 */

/** Long enough that the wrapped key is not the weak point; the UI says so. */
export const MIN_PASSPHRASE_LENGTH = 10
const passphrase = text().max(1024)
/** A key file is ~1 KiB; the bridge's upload and a file chosen in a dialog share this cap. */
export const MAX_KEY_FILE_BYTES = 64 * 1024

export const exportKeyInput = z.strictObject({
  passphrase: passphrase.min(MIN_PASSPHRASE_LENGTH, {
    error: `Choose a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters`,
  }),
  confirm: z.literal(true, { error: 'Exporting the key needs the operator to confirm it' }),
  destination: z.enum(exportDestinations),
})

export const importKeyInput = z.strictObject({
  source: z.discriminatedUnion('kind', [
    /** Desktop: main opens a native dialog. */
    z.strictObject({ kind: z.literal('dialog') }),
    /** Bridge: the renderer uploads the file's text. */
    z.strictObject({
      kind: z.literal('content'),
      text: text().min(1).max(MAX_KEY_FILE_BYTES),
    }),
  ]),
  passphrase: passphrase.min(1),
})

export const resetPasswordsInput = z.strictObject({
  confirm: z.literal(true, { error: 'Resetting the passwords needs the operator to confirm it' }),
})

export interface KeyImportResult {
  keychain: AppInfo['keychain']
}

export interface PasswordsResetResult {
  /** Proxies whose stored password was cleared. */
  cleared: number
  keychain: AppInfo['keychain']
}

export const vaultContracts = {
  'app:exportKey': defineContract<ExportResult>()('app:exportKey', exportKeyInput),
  'app:importKey': defineContract<KeyImportResult>()('app:importKey', importKeyInput),
  'app:resetPasswords': defineContract<PasswordsResetResult>()(
    'app:resetPasswords',
    resetPasswordsInput,
  ),
}
