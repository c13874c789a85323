import { join } from 'node:path'
import type Database from 'better-sqlite3'
import { openDatabase, type OpenedDatabase } from './db/connection'
import { DEFAULT_KEYCHAIN_SERVICE, openVault, type Vault } from './secrets'
import { createEventBus, type EventBus } from './events'
import { systemClock, type Clock } from './clock'
import { ensurePrivateDir } from './private-files'
import type { FileDialogs } from './services/transfer/file-dialogs'
import { createCheckService, type CheckServiceOptions } from './checks/service'
import type { CheckService } from './checks/service-types'

export const DB_FILE_NAME = 'proxydeck.sqlite'

export interface ContextOptions {
  dataDir: string
  runtime: 'electron' | 'node'
  version: string
  /** Keychain service name; tests use a unique one so an operator's keychain is never touched. */
  keychainService?: string
  /** How long to wait for the keychain; the desktop app allows time for an unlock prompt. */
  keychainTimeoutMs?: number
  /** Electron-ABI better-sqlite3 binary, when running under Electron. */
  sqliteNativeBinding?: string
  clock?: Clock
  /** Extra trust anchors for the proxy checker (tests: the fixture CA). */
  checkerCa?: CheckServiceOptions['ca']
  /** GeoLite2 files for check results (packaged app: its resources); false turns geo off. */
  geo?: CheckServiceOptions['geo']
  /** The health monitor's timers and first-round delay (tests). */
  monitor?: CheckServiceOptions['monitor']
}

/**
 * Everything a service needs, built once at start-up and passed down; no singletons.
 * Built before any window or server opens, so migrations and the integrity check come first.
 */
export interface AppContext {
  readonly version: string
  readonly runtime: 'electron' | 'node'
  readonly dataDir: string
  readonly dbPath: string
  readonly sqlite: Database.Database
  readonly db: OpenedDatabase['db']
  readonly migrationsApplied: number
  readonly vault: Vault
  readonly events: EventBus
  readonly clock: Clock
  /** Native open/save dialogs: the desktop app only (the HTTP bridge has none). */
  readonly dialogs?: FileDialogs
  /** Proxy checks: bulk runs, the health monitor (started by the entry points), rotation. */
  readonly checks: CheckService
  close(): void
}

export async function createContext(options: ContextOptions): Promise<AppContext> {
  ensurePrivateDir(options.dataDir)
  const dbPath = join(options.dataDir, DB_FILE_NAME)
  const opened = openDatabase({ file: dbPath, nativeBinding: options.sqliteNativeBinding })
  let vault: Vault
  try {
    vault = await openVault({
      service: options.keychainService ?? DEFAULT_KEYCHAIN_SERVICE,
      timeoutMs: options.keychainTimeoutMs,
    })
  } catch (error) {
    opened.close()
    throw error
  }
  let closed = false
  const clock = options.clock ?? systemClock
  const events = createEventBus()
  const checks = createCheckService({
    ctx: { sqlite: opened.sqlite, vault, clock },
    events,
    ca: options.checkerCa,
    geo: options.geo,
    monitor: options.monitor,
  })
  return {
    version: options.version,
    runtime: options.runtime,
    dataDir: options.dataDir,
    dbPath,
    sqlite: opened.sqlite,
    db: opened.db,
    migrationsApplied: opened.migrationsApplied,
    vault,
    events,
    clock,
    checks,
    close() {
      if (closed) return
      closed = true
      checks.close()
      opened.close()
    },
  }
}
