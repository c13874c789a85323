import { statSync } from 'node:fs'
import type { AppInfo } from '../../shared/contracts/app'
import type { AppContext } from '../context'

// The tables an operator cares about when checking that the data dir is the one they expect.
const COUNTED_TABLES = [
  'proxy_providers',
  'proxies',
  'models',
  'accounts',
  'proxy_assignment_history',
  'proxy_checks',
] as const

export function getAppInfo(ctx: AppContext): AppInfo {
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
