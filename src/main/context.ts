import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { AppError } from '../shared/errors'
import { openDatabase, type OpenedDatabase } from './db/connection'
import { keyDatabase } from './db/key-check'
import {
  DEFAULT_KEYCHAIN_SERVICE,
  openVault,
  unavailableVault,
  type OpenVaultOptions,
  type Vault,
} from './secrets'
import { createEventBus } from './events'
import { systemClock, type Clock } from './clock'
import { ensurePrivateDir } from './private-files'
import type { AppInfoSource } from './services/app-info'
import type { OperatorContext } from './services/service-context'
import type { FileDialogs } from './services/transfer/file-dialogs'
import { backUpBeforeMigration, dailyBackupIfDue, startDailyBackups } from './services/backup'
import { passwordAad } from './services/proxies'
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
  /**
   * Where the bundled location databases are (packaged app: its resources); false: none (tests).
   * The operator's own files (Settings) apply either way.
   */
  geo?: CheckServiceOptions['geo']
  /** false: checks skip the exit profile (geo, anonymity); only the check benchmark's baseline. */
  exitProfile?: boolean
  /** false: checks run on main's thread, not on their own (check-thread.ts); the bench's split. */
  checkThread?: boolean
  /** The health monitor's timers and first-round delay (tests). */
  monitor?: CheckServiceOptions['monitor']
  /** Native open/save dialogs (the desktop app). */
  dialogs?: FileDialogs
}

/**
 * Everything a service needs, built once at start-up and passed down; no singletons.
 * Built before any window or server opens, so migrations and the integrity check come first.
 * `sqlite`, `migrationsApplied` and `vault` are read through on every access: a restore
 * reopens the connection and a key import replaces the vault, and everything holding the context
 * (handlers, the check service, the monitor) then sees the new ones. So never copy it with a
 * spread (`{ ...ctx }` freezes them): pass extras such as `dialogs` through ContextOptions.
 */
export interface AppContext extends OperatorContext, AppInfoSource {
  readonly sqliteNativeBinding?: string
  /** Proxy checks: bulk runs, the health monitor (started by the entry points), rotation. */
  readonly checks: CheckService
  /** How to reach the keychain for this database (key import, password reset). */
  vaultOptions(): OpenVaultOptions
  /** Puts in the vault a key import or reset produced. */
  replaceVault(vault: Vault): void
  /**
   * Closes the connection, lets `install` put another database file at `dbPath`, reopens it
   * (migrating) and re-reads the vault. When the new file does not open, `rollBack` puts the
   * previous one back and that is reopened before the error is rethrown. Synchronous up to the
   * vault, so no call can run on a closed connection.
   */
  replaceDatabase(install: () => void, rollBack: () => void): Promise<void>
  /**
   * Runs a restore, key import or password reset (`what`, e.g. 'A restore') while no other one
   * runs: each replaces the database or the vault, and two interleaved would leave a key that
   * fits neither. A second one while busy is refused with CONFLICT rather than queued, since the
   * operator started it against a state that is about to change.
   */
  exclusiveAdmin<T>(what: string, task: () => Promise<T>): Promise<T>
  close(): void
}

export async function createContext(options: ContextOptions): Promise<AppContext> {
  ensurePrivateDir(options.dataDir)
  const dbPath = join(options.dataDir, DB_FILE_NAME)
  const clock = options.clock ?? systemClock
  const backupEnv = {
    dataDir: options.dataDir,
    version: options.version,
    clock,
    sqliteNativeBinding: options.sqliteNativeBinding,
  }
  const openLive = (): OpenedDatabase =>
    openDatabase({
      file: dbPath,
      nativeBinding: options.sqliteNativeBinding,
      beforeMigrate: (sqlite, from) => backUpBeforeMigration(backupEnv, sqlite, from),
    })
  let opened = openLive()
  /**
   * After a failed replace: opens whatever file is at dbPath (the previous database, put back, or
   * the one never moved). Missing, it is not created: an empty database would pass for the data.
   */
  const reopenAfterFailedReplace = (cause: unknown): OpenedDatabase => {
    try {
      if (!existsSync(dbPath)) throw new Error(`${dbPath} is missing`)
      return openLive()
    } catch (reopenError) {
      const why = (e: unknown): string => (e instanceof Error ? e.message : String(e))
      throw new AppError(
        'DB_CORRUPT',
        `Replacing the database failed (${why(cause)}) and the database could not be reopened ` +
          `(${why(reopenError)}). Quit ProxyDeck; the copy taken before the restore is in the ` +
          'backups folder.',
      )
    }
  }
  const vaultOptions = (): OpenVaultOptions => ({
    service: options.keychainService ?? DEFAULT_KEYCHAIN_SERVICE,
    timeoutMs: options.keychainTimeoutMs,
    database: keyDatabase(opened.sqlite, passwordAad),
    now: () => clock.now(),
  })
  let vault: Vault
  try {
    vault = await openVault(vaultOptions())
  } catch (error) {
    opened.close()
    throw error
  }
  let closed = false
  let adminBusy: string | null = null
  let stopDailyBackups = (): void => undefined
  const events = createEventBus()
  const live = {
    get sqlite() {
      return opened.sqlite
    },
    get vault() {
      return vault
    },
    clock,
  }
  const checks = createCheckService({
    ctx: live,
    events,
    ca: options.checkerCa,
    geo: options.geo,
    exitProfile: options.exitProfile,
    checkThread: options.checkThread,
    monitor: options.monitor,
  })
  const ctx: AppContext = {
    version: options.version,
    runtime: options.runtime,
    dataDir: options.dataDir,
    dbPath,
    get sqlite() {
      return opened.sqlite
    },
    get migrationsApplied() {
      return opened.migrationsApplied
    },
    get vault() {
      return vault
    },
    sqliteNativeBinding: options.sqliteNativeBinding,
    dialogs: options.dialogs,
    events,
    clock,
    checks,
    vaultOptions,
    replaceVault(next) {
      vault = next
    },
    async replaceDatabase(install, rollBack) {
      const service = vault.status.service
      opened.close()
      vault = unavailableVault(service, 'unreachable', 'The database is being replaced.')
      try {
        install()
        opened = openLive()
      } catch (error) {
        try {
          rollBack()
        } catch (rollBackError) {
          // Keep the first error (why the restore failed); the roll-back's goes to the log.
          console.error('Putting the previous database back failed:', rollBackError)
        } finally {
          // Whatever the roll-back managed, never stay on the closed connection.
          opened = reopenAfterFailedReplace(error)
        }
        vault = await openVault(vaultOptions())
        throw error
      }
      vault = await openVault(vaultOptions())
    },
    async exclusiveAdmin(what, task) {
      if (adminBusy !== null) {
        throw new AppError(
          'CONFLICT',
          `${adminBusy} is under way; try again once it has finished.`,
          { busy: adminBusy },
        )
      }
      adminBusy = what
      try {
        return await task()
      } finally {
        adminBusy = null
      }
    },
    close() {
      if (closed) return
      closed = true
      stopDailyBackups()
      checks.close()
      opened.close()
    },
  }
  try {
    await dailyBackupIfDue(ctx)
  } catch (error) {
    // A backup that cannot be written must not keep the app from starting; the next tick retries.
    console.error('The daily backup failed:', error)
  }
  stopDailyBackups = startDailyBackups(ctx)
  return ctx
}
