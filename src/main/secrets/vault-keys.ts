import type { MasterKey } from './master-key'

/*
 * Which vault objects this folder made, with their key: what the seal worker needs to seal for a
 * vault. Keyed by the object itself, so a copy or a wrapper of a vault (`{ ...vault, encrypt }`,
 * as the import failure tests build) is not found, and its own `encrypt` does the sealing: the
 * worker never bypasses what a wrapper decided. Not exported from the folder's index.
 */
// `object`, not Vault: vault-status.ts imports this file, and the type would close a circle.
const keys = new WeakMap<object, MasterKey>()

export function rememberVaultKey(vault: object, masterKey: MasterKey): void {
  keys.set(vault, masterKey)
}

export function vaultKeyOf(vault: object): MasterKey | undefined {
  return keys.get(vault)
}
