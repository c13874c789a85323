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
 * creates one. A locked or unreachable keychain is refused before anything changes. The vault in
 * `holder` is replaced as the reset goes (see below); the one returned is the one left in place.
 */
export async function resetVaultKey(
  options: OpenVaultOptions,
  holder: VaultHolder,
): Promise<{ vault: Vault; cleared: number; failure?: unknown }> {
  const o = resolveVaultOptions(options)
  try {
    await probeKeychainWritable(o.service, o.account, o.timeoutMs)
  } catch (error) {
    throw refusal(o, error)
  }
  const masterKey = createMasterKey((o.database.recordedFingerprint()?.keyVersion ?? 0) + 1)
  // From the clear until the new key is in the keychain, nothing may seal with the old key (its
  // passwords would be unreadable once the fingerprint says "new key") nor with the new one (not
  // stored yet): an unavailable vault refuses both. Swapped in the same synchronous stretch.
  const previous = holder.vault
  holder.replaceVault(unavailableVault(o.service, 'unreachable', 'The key is being reset.'))
  let cleared: number
  try {
    cleared = o.database.resetPasswords(fingerprintOf(masterKey), o.now())
  } catch (error) {
    // The transaction rolled back: the old key still fits every password.
    holder.replaceVault(previous)
    throw error
  }
  try {
    await storeInKeychain(o, masterKey)
  } catch (failure) {
    const message = failure instanceof Error ? failure.message : String(failure)
    const vault = unavailableVault(o.service, 'unreachable', message)
    holder.replaceVault(vault)
    return { vault, cleared, failure }
  }
  const vault = availableVault(o.service, masterKey)
  holder.replaceVault(vault)
  return { vault, cleared }
}

/** Where the running app keeps its vault (the context). */
export interface VaultHolder {
  readonly vault: Vault
  replaceVault(vault: Vault): void
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
