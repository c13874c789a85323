import { chmodSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '../../test/support/context'
import { DB_FILE_NAME } from './context'

// POSIX modes only: Windows has no group/other bits to tighten.
const posix = describe.skipIf(process.platform === 'win32')

const mode = (path: string) => statSync(path).mode & 0o777
const parents: string[] = []
const contexts: TestContext[] = []

afterEach(async () => {
  for (const test of contexts.splice(0)) await test.dispose()
  for (const dir of parents.splice(0)) rmSync(dir, { recursive: true, force: true })
})

async function open(dataDir: string): Promise<TestContext> {
  const test = await createTestContext({ dataDir })
  contexts.push(test)
  return test
}

function newDataDir(): string {
  const parent = mkdtempSync(join(tmpdir(), 'proxydeck-modes-'))
  parents.push(parent)
  chmodSync(parent, 0o755)
  return join(parent, 'data')
}

posix('data folder and database file modes', () => {
  it('creates the folder 0700 and the database, -wal and -shm 0600', async () => {
    const dataDir = newDataDir()
    const { ctx } = await open(dataDir)
    ctx.sqlite.exec(`INSERT INTO settings (key, value) VALUES ('theme', '"dark"')`)
    const db = join(dataDir, DB_FILE_NAME)
    expect(existsSync(`${db}-wal`)).toBe(true)
    expect(mode(dataDir)).toBe(0o700)
    for (const file of [db, `${db}-wal`, `${db}-shm`]) expect(mode(file), file).toBe(0o600)
  })

  it('tightens a folder and files an older version left open to others', async () => {
    const dataDir = newDataDir()
    const first = await open(dataDir)
    first.ctx.sqlite.exec(`INSERT INTO settings (key, value) VALUES ('theme', '"dark"')`)
    const db = join(dataDir, DB_FILE_NAME)
    chmodSync(dataDir, 0o755)
    for (const file of [db, `${db}-wal`, `${db}-shm`]) chmodSync(file, 0o644)

    await open(dataDir)
    expect(mode(dataDir)).toBe(0o700)
    for (const file of [db, `${db}-wal`, `${db}-shm`]) expect(mode(file), file).toBe(0o600)
  })
})
