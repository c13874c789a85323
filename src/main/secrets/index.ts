export {
  DEFAULT_KEYCHAIN_SERVICE,
  DEFAULT_KEYCHAIN_TIMEOUT_MS,
  DEFAULT_KEY_ACCOUNT,
  deleteVaultKey,
  keychainKeyFits,
  openVault,
  type OpenVaultOptions,
  type Vault,
  type VaultStatus,
} from './vault'
export { importVaultKey, resetVaultKey } from './vault-key-admin'
export { unavailableVault } from './vault-status'
export { fingerprintOf, sameFingerprint } from './fingerprint'
export type { KeyDatabase, KeyFingerprint } from './key-database'
export { SEALED_FORMAT, type OpenFailure } from './sealed-secret'
export { openSealWorker, type SealWorker, type SealWorkerOptions } from './seal-worker'
export { sealWorkerSource } from './seal-core'
