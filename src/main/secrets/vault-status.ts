import type { AppInfo } from '../../shared/contracts/app'
import { AppError } from '../../shared/errors'
import type { KeyFingerprint } from './key-database'
import { wrapMasterKey } from './key-file'
import { fingerprintOf } from './fingerprint'
import type { MasterKey } from './master-key'
import { openSecret, sealSecret } from './sealed-secret'
import { rememberVaultKey } from './vault-keys'

/** The same shape `app:info` reports, so the status can be passed through unchanged. */
export type VaultStatus = AppInfo['keychain']
export type VaultProblem = NonNullable<VaultStatus['problem']>

export interface Vault {
  readonly status: VaultStatus
  /** The fingerprint of the key in use; null when there is none. */
  readonly fingerprint: KeyFingerprint | null
  /** Seals a password for the row named by `aad` (e.g. `proxy:42`); see sealed-secret.ts. */
  encrypt(plaintext: string, aad: string): string
  /** Opens what `encrypt` returned for the same `aad`; fails with AppError, never a wrong value. */
  decrypt(stored: string, aad: string): string
  /** The key wrapped with the operator's passphrase (key-file.ts); the key never leaves otherwise. */
  exportKey(passphrase: string, now: number): Promise<string>
}

export function availableVault(service: string, masterKey: MasterKey): Vault {
  // Retired keys join this map when rotation arrives; the key itself never leaves the closure.
  const keys: ReadonlyMap<number, Buffer> = new Map([[masterKey.version, masterKey.key]])
  const vault: Vault = Object.freeze({
    status: Object.freeze({ status: 'available' as const, service }),
    fingerprint: fingerprintOf(masterKey),
    encrypt: (plaintext: string, aad: string) => sealSecret(masterKey, plaintext, aad),
    decrypt: (stored: string, aad: string) => openSecret(keys, stored, aad),
    exportKey: (passphrase: string, now: number) => wrapMasterKey(masterKey, passphrase, now),
  })
  // For the seal worker (seal-worker.ts), which seals for this very object only.
  rememberVaultKey(vault, masterKey)
  return vault
}

export function unavailableVault(service: string, problem: VaultProblem, message: string): Vault {
  const refuse = (): never => {
    throw new AppError('KEYCHAIN_UNAVAILABLE', message, { problem })
  }
  const status = problem === 'locked' ? ('locked' as const) : ('unavailable' as const)
  return Object.freeze({
    status: Object.freeze({ status, service, message, problem }),
    fingerprint: null,
    encrypt: refuse,
    decrypt: refuse,
    exportKey: () => Promise.reject(new AppError('KEYCHAIN_UNAVAILABLE', message, { problem })),
  })
}

export const KEY_NOT_HERE =
  "The key that protects these passwords is not in this computer's keychain: import it, or reset " +
  'the passwords.'

export function keyNotHereMessage(problem: 'key_missing' | 'key_mismatch'): string {
  const why =
    problem === 'key_missing'
      ? 'The keychain has no ProxyDeck key'
      : 'The keychain holds a different key (from another computer, or made after a reset)'
  return (
    `${KEY_NOT_HERE} ${why}; ProxyDeck did not create a new one, because the stored passwords ` +
    'could then never be read again. Everything else works meanwhile.'
  )
}

export function lockedMessage(reason: string): string {
  return (
    `The OS keychain is locked (${reason}). Unlock it (on Linux, the "login" keyring of ` +
    'gnome-keyring or KWallet), then restart ProxyDeck. ProxyDeck can run, but cannot store or ' +
    'read proxy passwords until then, and did not create a new key.'
  )
}

export function unreachableMessage(reason: string): string {
  return (
    `The OS keychain could not be used (${reason}). ProxyDeck can run, but cannot store or read ` +
    `proxy passwords until the keychain is available. ${platformHint()}`
  )
}

export function malformedMessage(service: string, account: string, problem: string): string {
  return (
    `The OS keychain entry for service "${service}", account "${account}" does not hold a valid ` +
    `ProxyDeck key (${problem}). ProxyDeck will not replace it, because passwords saved ` +
    'with the original key could then never be read again. ProxyDeck can run, but cannot store ' +
    'or read proxy passwords until the entry is restored from a backup of the keychain. If no ' +
    'password was ever saved, delete the entry and restart ProxyDeck to create a new key.'
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
