import { statSync } from 'node:fs'
import type { AppInfo } from '../../shared/contracts/app'
import type { ServiceContext } from './service-context'

/** What `app:info` reports on top of the services' context: where the data lives, what runs. */
export interface AppInfoSource extends Pick<ServiceContext, 'sqlite' | 'vault'> {
  readonly version: string
  readonly runtime: 'electron' | 'node'
  readonly dataDir: string
  readonly dbPath: string
  readonly migrationsApplied: number
}

// The tables an operator cares about when checking that the data dir is the one they expect.
const COUNTED_TABLES = [
  'proxy_providers',
  'proxies',
  'models',
  'accounts',
  'proxy_assignment_history',
  'proxy_checks',
] as const

export function getAppInfo(ctx: AppInfoSource): AppInfo {
  const rows: Record<string, number> = {}
  for (const table of COUNTED_TABLES) {
    const row = ctx.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }
    rows[table] = row.n
  }
  const journalMode = ctx.sqlite.pragma('journal_mode', { simple: true }) as string
  return {
    name: 'ProxyDeck',
    version: ctx.version,
    runtime: ctx.runtime,
    platform: process.platform,
    dataDir: ctx.dataDir,
    db: {
      path: ctx.dbPath,
      sizeBytes: fileSize(ctx.dbPath) + fileSize(`${ctx.dbPath}-wal`),
      journalMode,
      migrationsApplied: ctx.migrationsApplied,
      rows,
    },
    keychain: { ...ctx.vault.status },
  }
}

function fileSize(path: string): number {
  try {
    return statSync(path).size
  } catch {
    return 0
  }
}
