// ctx.replaceDatabase when the restore's own safety net fails: real SQLite files in a temp data
// folder, the real test keychain.
import { writeFileSync } from 'node:fs'
import { afterEach, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '../../test/support/context'
import { AppError } from '../shared/errors'

let test: TestContext | undefined
afterEach(async () => {
  await test?.dispose()
  test = undefined
})

const providers = (test: TestContext): number =>
  (test.ctx.sqlite.prepare('SELECT count(*) AS n FROM proxy_providers').get() as { n: number }).n

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => new Error('expected a failure'),
    (error: unknown) => error,
  )
}

it('reopens what is at dbPath when the roll-back throws, and rethrows the first error', async () => {
  test = await createTestContext()
  test.ctx.sqlite.prepare("INSERT INTO proxy_providers (name) VALUES ('Kept')").run()
  const installFailed = new Error('install failed')

  const error = await failure(
    test.ctx.replaceDatabase(
      () => {
        throw installFailed
      },
      () => {
        throw new Error('roll-back failed too')
      },
    ),
  )

  expect(error).toBe(installFailed)
  // The file was never replaced: the app is back on it, not on a closed connection.
  expect(test.ctx.sqlite.open).toBe(true)
  expect(providers(test)).toBe(1)
  expect(test.ctx.vault.status.status).toBe('available')
})

it('says so clearly when nothing at dbPath opens any more', async () => {
  test = await createTestContext()
  const dbPath = test.ctx.dbPath

  const error = await failure(
    test.ctx.replaceDatabase(
      () => writeFileSync(dbPath, 'not a database, and long enough to have a header ......'),
      () => {
        throw new Error('roll-back failed too')
      },
    ),
  )

  expect(error).toBeInstanceOf(AppError)
  expect((error as AppError).code).toBe('DB_CORRUPT')
  expect((error as AppError).message).toContain('could not be reopened')
  expect((error as AppError).message).toContain('backups')
})
