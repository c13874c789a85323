import { defineContract } from '../contract'
import { noInput } from './common'

export type KeychainStatus = 'available' | 'unavailable'

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
  }
}

export const appContracts = {
  'app:info': defineContract<AppInfo>()('app:info', noInput),
}
