import { defineContract } from '../contract'
import { noInput } from './common'

export type KeychainStatus = 'available' | 'unavailable' | 'locked'

/**
 * Why the vault cannot be used: the keychain is unreachable, locked, holds a malformed entry, or
 * lacks this database's key (`key_missing`: no entry; `key_mismatch`: another key).
 */
export const keychainProblems = [
  'unreachable',
  'locked',
  'malformed',
  'key_missing',
  'key_mismatch',
] as const
export type KeychainProblem = (typeof keychainProblems)[number]

export interface AppInfo {
  name: string
  version: string
  runtime: 'electron' | 'node'
  platform: string
  dataDir: string
  db: {
    path: string
    sizeBytes: number
    journalMode: string
    migrationsApplied: number
    rows: Record<string, number>
  }
  keychain: {
    status: KeychainStatus
    service: string
    /** Why the keychain cannot be used, in words an operator can act on. */
    message?: string
    problem?: KeychainProblem
  }
}

export const appContracts = {
  'app:info': defineContract<AppInfo>()('app:info', noInput),
}
