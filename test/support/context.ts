import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { createContext, type AppContext, type ContextOptions } from '../../src/main/context'
import { deleteVaultKey } from '../../src/main/secrets'

/**
 * How long tests let a keychain call take. The product's 5 s (DEFAULT_KEYCHAIN_TIMEOUT_MS) is for
 * an operator's running Secret Service; a test's keyring is a daemon started for the run on a
 * shared 2-core machine, whose first answers wait for D-Bus activation and a busy core. A test that
 * is not about the deadline allows most of its own time (vitest's 30 s), so it cannot fail on
 * scheduling alone; tests of the deadline itself pass their own.
 */
export const TEST_KEYCHAIN_TIMEOUT_MS = 20_000

export interface TestContext {
  ctx: AppContext
  dataDir: string
  keychainService: string
  /** Closes the DB, deletes the test's keychain entry and its data dir. */
  dispose(): Promise<void>
}

/**
 * A real context on a fresh temp-dir SQLite file and a keychain service name of its own, so tests
 * never share data and never touch the operator's `ProxyDeck` keychain entry.
 */
export async function createTestContext(
  overrides: Partial<ContextOptions> = {},
): Promise<TestContext> {
  const dataDir = mkdtempSync(join(tmpdir(), 'proxydeck-test-'))
  const keychainService = `ProxyDeck-test-${randomUUID()}`
  const ctx = await createContext({
    dataDir,
    runtime: 'node',
    version: '0.0.0-test',
    keychainService,
    keychainTimeoutMs: TEST_KEYCHAIN_TIMEOUT_MS,
    ...overrides,
  })
  return {
    ctx,
    dataDir,
    keychainService,
    async dispose() {
      ctx.close()
      await deleteVaultKey(keychainService, undefined, TEST_KEYCHAIN_TIMEOUT_MS)
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
