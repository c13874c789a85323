import { AppError } from '../../shared/errors'
import { fingerprintOf, sameFingerprint } from './fingerprint'
import type { KeyDatabase } from './key-database'
import {
  KeychainError,
  deleteKeychainEntry,
  isLockedKeychain,
  probeKeychainWritable,
  readKeychainEntry,
  writeKeychainEntry,
} from './keychain'
import { createMasterKey, parseMasterKey, serializeMasterKey, type MasterKey } from './master-key'
import { openSecret } from './sealed-secret'
import {
  availableVault,
  keyNotHereMessage,
  lockedMessage,
  malformedMessage,
  unavailableVault,
  unreachableMessage,
  type Vault,
} from './vault-status'

export type { Vault, VaultStatus } from './vault-status'

export const DEFAULT_KEYCHAIN_SERVICE = 'ProxyDeck'
export const DEFAULT_KEY_ACCOUNT = 'master-key'
/** Long enough for a healthy Secret Service, short enough that start-up never appears to hang. */
export const DEFAULT_KEYCHAIN_TIMEOUT_MS = 5_000

export interface OpenVaultOptions {
  /** Keychain service name: `ProxyDeck` in the app, a unique throwaway name in tests. */
  service: string
  account?: string
  /** Bound on each keychain call. */
  timeoutMs?: number
  /** The database whose passwords the key guards; without one, a database with none yet. */
  database?: KeyDatabase
  now?: () => number
}

export type ResolvedVaultOptions = Required<OpenVaultOptions>

const noDatabase: KeyDatabase = {
  recordedFingerprint: () => null,
  sealedSample: () => null,
  recordFingerprint: () => undefined,
  resetPasswords: () => 0,
}

export function resolveVaultOptions(options: OpenVaultOptions): ResolvedVaultOptions {
  const resolved: ResolvedVaultOptions = {
    service: options.service,
    account: options.account ?? DEFAULT_KEY_ACCOUNT,
    timeoutMs: options.timeoutMs ?? DEFAULT_KEYCHAIN_TIMEOUT_MS,
    database: options.database ?? noDatabase,
    now: options.now ?? Date.now,
  }
  if (resolved.service.length === 0 || resolved.account.length === 0) {
    throw new AppError('INTERNAL', 'The keychain service and account names must not be empty.')
  }
  return resolved
}

/**
 * Reads the master key from the OS keychain and checks it against the database's recorded
 * fingerprint. Never throws for a keychain problem: the app must still start, so the vault comes
 * back `unavailable` or `locked`, says why, and refuses to encrypt or decrypt. A key is created
 * only on an unlocked keychain and only when the database holds no sealed password: otherwise a
 * fresh key would open none of them.
 */
export async function openVault(options: OpenVaultOptions): Promise<Vault> {
  const o = resolveVaultOptions(options)
  try {
    const existing = await readKeychainEntry(o.service, o.account, o.timeoutMs)
    if (existing !== null) return useStoredEntry(o, existing)
    // A locked keyring also reads as "no entry": find out before concluding the key is missing.
    await probeKeychainWritable(o.service, o.account, o.timeoutMs)
    if (o.database.sealedSample() !== null) {
      return unavailableVault(o.service, 'key_missing', keyNotHereMessage('key_missing'))
    }
    const version = (o.database.recordedFingerprint()?.keyVersion ?? 0) + 1
    // Read again right before creating: a keyring unlocked since the first read, or another
    // instance starting at the same time, may hold a key by now, and writing would destroy it.
    const arrived = await readKeychainEntry(o.service, o.account, o.timeoutMs)
    if (arrived !== null) return useStoredEntry(o, arrived)
    await writeKeychainEntry(
      o.service,
      o.account,
      serializeMasterKey(createMasterKey(version)),
      o.timeoutMs,
    )
    // Read back rather than trust the write: a keychain that drops the entry would strand every
    // password sealed in this session, and if two instances raced on first start, the entry that
    // won is the one both must use.
    const stored = await readKeychainEntry(o.service, o.account, o.timeoutMs)
    if (stored === null) {
      throw new KeychainError('it accepted a new key but did not return it when read back')
    }
    return useStoredEntry(o, stored)
  } catch (error) {
    if (!(error instanceof KeychainError)) throw error
    return keychainFailure(o.service, error)
  }
}

export function keychainFailure(service: string, error: KeychainError): Vault {
  return isLockedKeychain(error)
    ? unavailableVault(service, 'locked', lockedMessage(error.message))
    : unavailableVault(service, 'unreachable', unreachableMessage(error.message))
}

function useStoredEntry(o: ResolvedVaultOptions, text: string): Vault {
  const parsed = parseMasterKey(text)
  if (!parsed.ok) {
    return unavailableVault(
      o.service,
      'malformed',
      malformedMessage(o.service, o.account, parsed.problem),
    )
  }
  const fit = keyFitsDatabase(parsed.masterKey, o.database)
  if (fit === 'mismatch') {
    return unavailableVault(o.service, 'key_mismatch', keyNotHereMessage('key_mismatch'))
  }
  if (fit === 'fits') o.database.recordFingerprint(fingerprintOf(parsed.masterKey), o.now())
  return availableVault(o.service, parsed.masterKey)
}

/**
 * `recorded`: the database names this key. `fits`: nothing disagrees (no password sealed, or a
 * database from before fingerprints whose sealed password this key opens), so record it.
 * `mismatch`: the database's passwords were sealed with another key.
 */
export function keyFitsDatabase(
  masterKey: MasterKey,
  database: KeyDatabase,
): 'recorded' | 'fits' | 'mismatch' {
  const recorded = database.recordedFingerprint()
  if (recorded && sameFingerprint(recorded, fingerprintOf(masterKey))) return 'recorded'
  const sample = database.sealedSample()
  if (sample === null) return 'fits'
  if (recorded) return 'mismatch'
  try {
    openSecret(new Map([[masterKey.version, masterKey.key]]), sample.stored, sample.aad)
    return 'fits'
  } catch {
    return 'mismatch'
  }
}

/**
 * Whether this computer's keychain key opens another database's passwords (a backup about to be
 * restored), without touching the keychain or the vault in use.
 */
export async function keychainKeyFits(
  options: OpenVaultOptions,
): Promise<'recorded' | 'fits' | 'mismatch' | 'no_key' | 'unreachable'> {
  const o = resolveVaultOptions(options)
  let text: string | null
  try {
    text = await readKeychainEntry(o.service, o.account, o.timeoutMs)
  } catch (error) {
    if (!(error instanceof KeychainError)) throw error
    return 'unreachable'
  }
  const parsed = text === null ? null : parseMasterKey(text)
  if (!parsed?.ok) return 'no_key'
  return keyFitsDatabase(parsed.masterKey, o.database)
}

/**
 * Removes the master key entry. Meant for tests' cleanup: on a real service name this makes every
 * stored password unreadable for good.
 */
export async function deleteVaultKey(
  service: string,
  account: string = DEFAULT_KEY_ACCOUNT,
  timeoutMs: number = DEFAULT_KEYCHAIN_TIMEOUT_MS,
): Promise<boolean> {
  resolveVaultOptions({ service, account })
  try {
    return await deleteKeychainEntry(service, account, timeoutMs)
  } catch (error) {
    if (!(error instanceof KeychainError)) throw error
    throw new AppError('KEYCHAIN_UNAVAILABLE', unreachableMessage(error.message))
  }
}
