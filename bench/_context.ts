import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase, type OpenedDatabase } from '../src/main/db/connection'
import { systemClock } from '../src/main/clock'
import type { ServiceContext } from '../src/main/services/service-context'
import { unavailableVault, type Vault } from '../src/main/secrets'

/**
 * Benchmarks run the real services on a real SQLite file (same pragmas and migrations as the app)
 * but without a keychain: they store no passwords, and `npm run bench` needs no D-Bus session.
 */
const noKeychain: Vault = unavailableVault('bench', 'unreachable', 'Benchmarks use no keychain.')

export interface BenchDb {
  ctx: ServiceContext
  opened: OpenedDatabase
  file: string
  close(): void
}

export function benchDir(prefix: string): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), `proxydeck-bench-${prefix}-`))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

export function openBenchDb(file: string): BenchDb {
  const opened = openDatabase({ file })
  return {
    ctx: { sqlite: opened.sqlite, vault: noKeychain, clock: systemClock },
    opened,
    file,
    close: () => opened.close(),
  }
}

/** Copies a closed database file, so each timed run starts from the same state. */
export function cloneDb(from: string, to: string): void {
  copyFileSync(from, to)
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}
