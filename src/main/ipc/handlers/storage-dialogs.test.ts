// The desktop path: files chosen in native dialogs (a fake FileDialogs that answers with a path, as
// src/main/electron/dialogs.ts would), written owner-only, and read back by restore and import.
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '../../../../test/support/context'
import { call, provider } from '../../../../test/support/transfer'
import type { FileDialogs } from '../../services/transfer/file-dialogs'

let test: TestContext | undefined
let dir: string | undefined

afterEach(async () => {
  await test?.dispose()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

/** Answers every dialog with the path the test chose last. */
function chosen(): { dialogs: FileDialogs; choose(path: string): void } {
  let path = ''
  return {
    dialogs: {
      chooseOpenFile: () => Promise.resolve(path),
      chooseSaveFile: () => Promise.resolve(path),
    },
    choose: (next) => (path = next),
  }
}

describe('backup, restore and the key through native dialogs', () => {
  it('writes owner-only files where the operator chose and reads them back', async () => {
    dir = mkdtempSync(join(tmpdir(), 'proxydeck-chosen-'))
    const picker = chosen()
    test = await createTestContext({ dialogs: picker.dialogs })
    const { ctx } = test
    provider(ctx, 'In the copy')

    picker.choose(join(dir, 'copy.sqlite'))
    const saved = await call(ctx, 'app:backup', { target: 'dialog' })
    expect(saved).toMatchObject({ target: 'dialog', path: join(dir, 'copy.sqlite') })
    expect(statSync(join(dir, 'copy.sqlite')).mode & 0o777).toBe(0o600)

    picker.choose(join(dir, 'key.json'))
    const exported = await call(ctx, 'app:exportKey', {
      passphrase: 'a long passphrase',
      confirm: true,
      destination: 'dialog',
    })
    expect(exported).toMatchObject({ destination: 'dialog', path: join(dir, 'key.json') })
    expect(statSync(join(dir, 'key.json')).mode & 0o777).toBe(0o600)

    provider(ctx, 'Not in the copy')
    picker.choose(join(dir, 'copy.sqlite'))
    const restored = await call(ctx, 'app:restore', { source: { kind: 'dialog' }, confirm: true })
    expect(restored).toMatchObject({ restored: 'copy.sqlite', passwords: 'none' })
    expect((await call(ctx, 'providers:list', {})).map((p) => p.name)).toEqual(['In the copy'])

    picker.choose(join(dir, 'key.json'))
    const imported = await call(ctx, 'app:importKey', {
      source: { kind: 'dialog' },
      passphrase: 'a long passphrase',
    })
    expect(imported.keychain.status).toBe('available')
  })
})
