// The desktop path: files chosen in native dialogs (a fake FileDialogs that answers with a path, as
// src/main/electron/dialogs.ts would), written owner-only, and read back by restore and import.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '../../../../test/support/context'
import { call, provider, rejection } from '../../../../test/support/transfer'
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

  it('refuses a chosen key file over 64 KiB or not UTF-8, before parsing it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'proxydeck-chosen-'))
    const picker = chosen()
    test = await createTestContext({ dialogs: picker.dialogs })
    const importChosen = () =>
      rejection(call(test!.ctx, 'app:importKey', { source: { kind: 'dialog' }, passphrase: 'x' }))

    // The same limit as the bridge's upload: a file one byte over it is not read at all.
    picker.choose(join(dir, 'huge.json'))
    writeFileSync(join(dir, 'huge.json'), `{"pad":"${'a'.repeat(64 * 1024)}"}`)
    const huge = await importChosen()
    expect(huge.code).toBe('VALIDATION')
    expect(huge.details).toEqual({ reason: 'too_large' })
    expect(huge.message).toContain('64 KiB')

    // Invalid UTF-8 (a lone continuation byte) is refused, not read as U+FFFD.
    picker.choose(join(dir, 'latin1.json'))
    writeFileSync(join(dir, 'latin1.json'), Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]))
    const latin1 = await importChosen()
    expect(latin1.code).toBe('VALIDATION')
    expect(latin1.details).toEqual({ reason: 'not_a_key_file' })
    expect(latin1.message).toContain('UTF-8')

    picker.choose(join(dir, 'missing.json'))
    expect((await importChosen()).details).toEqual({ reason: 'not_a_key_file' })
  })

  it('refuses a chosen database whose -wal still holds writes, changing nothing', async () => {
    dir = mkdtempSync(join(tmpdir(), 'proxydeck-chosen-'))
    const picker = chosen()
    test = await createTestContext({ dialogs: picker.dialogs })
    const { ctx } = test
    provider(ctx, 'Live')
    const file = join(dir, 'other-app.sqlite')
    picker.choose(file)
    await call(ctx, 'app:backup', { target: 'dialog' })

    // Another process has the copy open in WAL mode with a write not yet checkpointed: the main
    // file alone lacks it.
    const other = new Database(file)
    try {
      other.pragma('journal_mode = WAL')
      other.pragma('wal_autocheckpoint = 0')
      other.prepare("UPDATE proxy_providers SET name = 'Only in the WAL'").run()
      expect(statSync(`${file}-wal`).size).toBeGreaterThan(0)

      const refused = await rejection(
        call(ctx, 'app:restore', { source: { kind: 'dialog' }, confirm: true }),
      )
      expect(refused.code).toBe('VALIDATION')
      expect(refused.details).toEqual({ reason: 'wal_pending' })
      expect(refused.message).toContain('Close the program that has it open')
      expect((await call(ctx, 'providers:list', {})).map((p) => p.name)).toEqual(['Live'])
    } finally {
      other.close()
    }

    // Closed, SQLite checkpoints and removes the -wal: the file restores, with the write.
    const restored = await call(ctx, 'app:restore', { source: { kind: 'dialog' }, confirm: true })
    expect(restored.restored).toBe('other-app.sqlite')
    expect((await call(ctx, 'providers:list', {})).map((p) => p.name)).toEqual(['Only in the WAL'])
  })
})
