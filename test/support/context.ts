import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { createContext, type AppContext, type ContextOptions } from '../../src/main/context'
import { deleteVaultKey } from '../../src/main/secrets'

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
    ...overrides,
  })
  return {
    ctx,
    dataDir,
    keychainService,
    async dispose() {
      ctx.close()
      await deleteVaultKey(keychainService)
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
