import { AppError } from '../../shared/errors'
import { fingerprintOf } from './fingerprint'
import { unwrapMasterKey } from './key-file'
import {
  KeychainError,
  probeKeychainWritable,
  readKeychainEntry,
  writeKeychainEntry,
} from './keychain'
import { createMasterKey, serializeMasterKey, type MasterKey } from './master-key'
import {
  keychainFailure,
  keyFitsDatabase,
  resolveVaultOptions,
  type OpenVaultOptions,
  type ResolvedVaultOptions,
} from './vault'
import { availableVault, unavailableVault, type Vault } from './vault-status'

/**
 * Restores an exported key: opens the file with the passphrase, checks it against the database's
 * fingerprint (or, on an older database, against a sealed password), and only then writes it to
 * the keychain. A refusal changes nothing; the caller swaps in the returned vault.
 */
export async function importVaultKey(
  options: OpenVaultOptions,
  keyFile: string,
  passphrase: string,
): Promise<Vault> {
  const o = resolveVaultOptions(options)
  const masterKey = await unwrapMasterKey(keyFile, passphrase)
  if (keyFitsDatabase(masterKey, o.database) === 'mismatch') {
    throw new AppError(
      'VALIDATION',
      "This key file belongs to another database: its key does not open this database's " +
        'passwords. Nothing was changed.',
      { reason: 'other_database' },
    )
  }
  await storeInKeychain(o, masterKey)
  o.database.recordFingerprint(fingerprintOf(masterKey), o.now())
  return availableVault(o.service, masterKey)
}

/**
 * "Reset the passwords": a new key, every sealed password cleared (proxies keep everything else)
 * and the new fingerprint recorded. The database changes first, in one transaction: if the
 * keychain write then fails, no password is left that needs the lost key, and the next start
 * creates one. A locked or unreachable keychain is refused before anything changes.
 */
export async function resetVaultKey(
  options: OpenVaultOptions,
): Promise<{ vault: Vault; cleared: number; failure?: unknown }> {
  const o = resolveVaultOptions(options)
  try {
    await probeKeychainWritable(o.service, o.account, o.timeoutMs)
  } catch (error) {
    throw refusal(o, error)
  }
  const masterKey = createMasterKey((o.database.recordedFingerprint()?.keyVersion ?? 0) + 1)
  const cleared = o.database.resetPasswords(fingerprintOf(masterKey), o.now())
  try {
    await storeInKeychain(o, masterKey)
  } catch (failure) {
    const message = failure instanceof Error ? failure.message : String(failure)
    return { vault: unavailableVault(o.service, 'unreachable', message), cleared, failure }
  }
  return { vault: availableVault(o.service, masterKey), cleared }
}

/**
 * Writes the key, keeping a different entry it replaces under `<account>.replaced-<ms>`: that key
 * may still open another copy of the data, and the keychain is the only place it lives.
 */
async function storeInKeychain(o: ResolvedVaultOptions, masterKey: MasterKey): Promise<void> {
  const text = serializeMasterKey(masterKey)
  try {
    const existing = await readKeychainEntry(o.service, o.account, o.timeoutMs)
    if (existing !== null && existing !== text) {
      await writeKeychainEntry(o.service, `${o.account}.replaced-${o.now()}`, existing, o.timeoutMs)
    }
    await writeKeychainEntry(o.service, o.account, text, o.timeoutMs)
    if ((await readKeychainEntry(o.service, o.account, o.timeoutMs)) !== text) {
      throw new KeychainError('it accepted the key but returned something else when read back')
    }
  } catch (error) {
    throw refusal(o, error)
  }
}

function refusal(o: ResolvedVaultOptions, error: unknown): unknown {
  if (!(error instanceof KeychainError)) return error
  const failed = keychainFailure(o.service, error).status
  return new AppError('KEYCHAIN_UNAVAILABLE', failed.message ?? error.message, {
    problem: failed.problem,
  })
}
