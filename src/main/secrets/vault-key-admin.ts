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
 * the keychain. A refusal before the keychain write changes nothing; on success the new vault is
 * put in `holder`.
 */
export async function importVaultKey(
  liveOptions: () => OpenVaultOptions,
  keyFile: string,
  passphrase: string,
  holder: VaultHolder,
): Promise<Vault> {
  const o = resolveVaultOptions(liveOptions())
  const masterKey = await unwrapMasterKey(keyFile, passphrase)
  if (keyFitsDatabase(masterKey, o.database) === 'mismatch') {
    throw otherDatabase('Nothing was changed.')
  }
  await storeInKeychain(o, masterKey)
  // The keychain calls took time: check again against the database open now (not the one read
  // above), and record and swap in the same synchronous stretch, so nothing can come between.
  const live = resolveVaultOptions(liveOptions())
  if (keyFitsDatabase(masterKey, live.database) === 'mismatch') {
    throw otherDatabase(
      'The database changed while the key was being stored; the keychain now holds this key ' +
        '(the one it replaced is kept beside it). Import the key that belongs to this database.',
    )
  }
  live.database.recordFingerprint(fingerprintOf(masterKey), live.now())
  const vault = availableVault(live.service, masterKey)
  holder.replaceVault(vault)
  return vault
}

function otherDatabase(outcome: string): AppError {
  return new AppError(
    'VALIDATION',
    "This key file belongs to another database: its key does not open this database's " +
      `passwords. ${outcome}`,
    { reason: 'other_database' },
  )
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
