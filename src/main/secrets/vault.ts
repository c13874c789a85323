import type { AppInfo } from '../../shared/contracts/app'
import { AppError } from '../../shared/errors'
import {
  KeychainError,
  deleteKeychainEntry,
  readKeychainEntry,
  writeKeychainEntry,
} from './keychain'
import { createMasterKey, parseMasterKey, serializeMasterKey, type MasterKey } from './master-key'
import { openSecret, sealSecret } from './sealed-secret'

export const DEFAULT_KEYCHAIN_SERVICE = 'ProxyDeck'
export const DEFAULT_KEY_ACCOUNT = 'master-key'
/** Long enough for a healthy Secret Service, short enough that start-up never appears to hang. */
export const DEFAULT_KEYCHAIN_TIMEOUT_MS = 5_000

/** The same shape `app:info` reports, so the status can be passed through unchanged. */
export type VaultStatus = AppInfo['keychain']

export interface Vault {
  readonly status: VaultStatus
  /** Seals a password for the row named by `aad` (e.g. `proxy:42`); see sealed-secret.ts. */
  encrypt(plaintext: string, aad: string): string
  /** Opens what `encrypt` returned for the same `aad`; fails with AppError, never a wrong value. */
  decrypt(stored: string, aad: string): string
}

export interface OpenVaultOptions {
  /** Keychain service name: `ProxyDeck` in the app, a unique throwaway name in tests. */
  service: string
  account?: string
  /** Bound on each keychain call. */
  timeoutMs?: number
}

type MasterKeyLookup = { ok: true; masterKey: MasterKey } | { ok: false; message: string }

/**
 * Reads the master key from the OS keychain, creating it on first start. Never throws for a
 * keychain problem: the app must still start, so the vault comes back `unavailable`, says why, and
 * refuses to encrypt or decrypt (a password is never written in plaintext instead).
 */
export async function openVault(options: OpenVaultOptions): Promise<Vault> {
  const {
    service,
    account = DEFAULT_KEY_ACCOUNT,
    timeoutMs = DEFAULT_KEYCHAIN_TIMEOUT_MS,
  } = options
  checkEntryName(service, account)
  let lookup: MasterKeyLookup
  try {
    lookup = await readOrCreateMasterKey(service, account, timeoutMs)
  } catch (error) {
    if (!(error instanceof KeychainError)) throw error
    lookup = { ok: false, message: unreachableMessage(error.message) }
  }
  return lookup.ok
    ? availableVault(service, lookup.masterKey)
    : unavailableVault(service, lookup.message)
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
  checkEntryName(service, account)
  try {
    return await deleteKeychainEntry(service, account, timeoutMs)
  } catch (error) {
    if (!(error instanceof KeychainError)) throw error
    throw new AppError('KEYCHAIN_UNAVAILABLE', unreachableMessage(error.message))
  }
}

async function readOrCreateMasterKey(
  service: string,
  account: string,
  timeoutMs: number,
): Promise<MasterKeyLookup> {
  const existing = await readKeychainEntry(service, account, timeoutMs)
  if (existing !== null) return checkStoredEntry(service, account, existing)

  // A locked keyring also reads as "no entry"; the write below then fails, so an existing key is
  // not overwritten by this path.
  await writeKeychainEntry(service, account, serializeMasterKey(createMasterKey()), timeoutMs)
  // Read back rather than trust the write: a keychain that drops the entry would strand every
  // password sealed in this session, and if two instances raced on first start, the entry that
  // won is the one both must use.
  const stored = await readKeychainEntry(service, account, timeoutMs)
  if (stored === null) {
    throw new KeychainError('it accepted a new key but did not return it when read back')
  }
  return checkStoredEntry(service, account, stored)
}

function checkStoredEntry(service: string, account: string, text: string): MasterKeyLookup {
  const parsed = parseMasterKey(text)
  if (parsed.ok) return parsed
  return {
    ok: false,
    message:
      `The OS keychain entry for service "${service}", account "${account}" does not hold a valid ` +
      `ProxyDeck key (${parsed.problem}). ProxyDeck will not replace it, because passwords saved ` +
      'with the original key could then never be read again. ProxyDeck can run, but cannot store ' +
      'or read proxy passwords until the entry is restored from a backup of the keychain. If no ' +
      'password was ever saved, delete the entry and restart ProxyDeck to create a new key.',
  }
}

function availableVault(service: string, masterKey: MasterKey): Vault {
  // Retired keys join this map when rotation arrives; the key itself never leaves the closure.
  const keys: ReadonlyMap<number, Buffer> = new Map([[masterKey.version, masterKey.key]])
  return Object.freeze({
    status: Object.freeze({ status: 'available' as const, service }),
    encrypt: (plaintext: string, aad: string) => sealSecret(masterKey, plaintext, aad),
    decrypt: (stored: string, aad: string) => openSecret(keys, stored, aad),
  })
}

function unavailableVault(service: string, message: string): Vault {
  const refuse = (): never => {
    throw new AppError('KEYCHAIN_UNAVAILABLE', message)
  }
  return Object.freeze({
    status: Object.freeze({ status: 'unavailable' as const, service, message }),
    encrypt: refuse,
    decrypt: refuse,
  })
}

function unreachableMessage(reason: string): string {
  return (
    `The OS keychain could not be used (${reason}). ProxyDeck can run, but cannot store or read ` +
    `proxy passwords until the keychain is available. ${platformHint()}`
  )
}

function platformHint(): string {
  switch (process.platform) {
    case 'darwin':
      return 'On macOS, unlock the login keychain, then restart ProxyDeck.'
    case 'win32':
      return 'On Windows, check that Credential Manager is available, then restart ProxyDeck.'
    default:
      return (
        'On Linux, start a Secret Service such as gnome-keyring and unlock it, then restart ' +
        'ProxyDeck.'
      )
  }
}

function checkEntryName(service: string, account: string): void {
  if (service.length === 0 || account.length === 0) {
    throw new AppError('INTERNAL', 'The keychain service and account names must not be empty.')
  }
}
