export {
  DEFAULT_KEYCHAIN_SERVICE,
  DEFAULT_KEYCHAIN_TIMEOUT_MS,
  DEFAULT_KEY_ACCOUNT,
  deleteVaultKey,
  openVault,
  type OpenVaultOptions,
  type Vault,
  type VaultStatus,
} from './vault'
export { SEALED_FORMAT, type OpenFailure } from './sealed-secret'
