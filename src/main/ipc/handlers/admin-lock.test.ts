// Restore, key import and password reset each replace the database or the vault: one at a time per
// context. Real SQLite files, the real test keychain.
import { afterEach, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '../../../../test/support/context'
import { call, provider, rejection } from '../../../../test/support/transfer'
import type { DownloadableExport } from '../../../shared/contracts/export'
import { backUpIntoFolder } from '../../services/backup'

let test: TestContext | undefined
afterEach(async () => {
  await test?.dispose()
  test = undefined
})

it('refuses a second restore, key import or reset while one is under way, with CONFLICT', async () => {
  test = await createTestContext()
  const { ctx } = test
  provider(ctx, 'In the backup')
  const backup = await backUpIntoFolder(ctx, 'manual')
  const key = (await call(ctx, 'app:exportKey', {
    passphrase: 'a long passphrase',
    confirm: true,
    destination: 'download',
  })) as DownloadableExport
  const others = [
    () =>
      call(ctx, 'app:restore', { source: { kind: 'backup', name: backup.name }, confirm: true }),
    () =>
      call(ctx, 'app:importKey', {
        source: { kind: 'content', text: key.content },
        passphrase: 'a long passphrase',
      }),
    () => call(ctx, 'app:resetPasswords', { confirm: true }),
  ]

  for (const [index, first] of others.entries()) {
    // The first one runs up to its first await before call() returns: it holds the lock now.
    const running = first()
    for (const [other, second] of others.entries()) {
      const refused = await rejection(second())
      expect(refused.code, `${index} then ${other}`).toBe('CONFLICT')
      expect(refused.message).toMatch(/is under way; try again once it has finished\.$/)
    }
    await running
  }
  // Free again once they finished.
  await call(ctx, 'app:resetPasswords', { confirm: true })
  expect((await call(ctx, 'providers:list', {})).map((p) => p.name)).toEqual(['In the backup'])
})
