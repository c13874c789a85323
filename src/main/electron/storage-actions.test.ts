// File > Backup… and Restore… against a real context (SQLite file, test keychain) through the real
// dispatch; only Electron's message boxes are the fake module's, and the file the operator picks is
// a FileDialogs that answers with a path, as electron/dialogs.ts would.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createTestContext, type TestContext } from '../../../test/support/context'
import { dialog, resetFakeElectron } from '../../../test/support/fake-electron'
import { dispatch } from '../ipc/dispatch'
import { listProviders } from '../services/providers'
import { provider } from '../../../test/support/transfer'
import { createStorageActions } from './storage-actions'

vi.mock('electron', () => import('../../../test/support/fake-electron'))

let test: TestContext
let dir: string
let chosen: string | null

beforeEach(async () => {
  resetFakeElectron()
  dir = mkdtempSync(join(tmpdir(), 'proxydeck-menu-'))
  chosen = null
  test = await createTestContext({
    dialogs: {
      chooseOpenFile: () => Promise.resolve(chosen),
      chooseSaveFile: () => Promise.resolve(chosen),
    },
  })
})

afterEach(async () => {
  await test.dispose()
  rmSync(dir, { recursive: true, force: true })
})

function menuStorage() {
  return createStorageActions(
    (channel, input) => dispatch(test.ctx, channel, input) as never,
    () => null,
  )
}

/** The message boxes' answers, in order (0: Cancel / OK, 1: the action). */
function answer(...responses: number[]): void {
  for (const response of responses) {
    dialog.showMessageBox.mockResolvedValueOnce({ response, checkboxChecked: false })
  }
}

const messages = () =>
  dialog.showMessageBox.mock.calls.map((args) => (args.at(-1) as { message: string }).message)

describe('File > Backup… and Restore…', () => {
  it('Backup… writes a verified backup where the operator chose and says where', async () => {
    provider(test.ctx, 'Kept')
    chosen = join(dir, 'copy.sqlite')
    await menuStorage().backup()
    expect(existsSync(chosen)).toBe(true)
    expect(messages()).toEqual(['Backup saved'])
  })

  it('Restore… asks first; Cancel restores nothing, confirming restores the chosen file', async () => {
    provider(test.ctx, 'Before')
    chosen = join(dir, 'before.sqlite')
    await menuStorage().backup()
    provider(test.ctx, 'After')

    answer(0)
    await menuStorage().restore()
    expect(listProviders(test.ctx).map((p) => p.name)).toEqual(['After', 'Before'])

    dialog.showMessageBox.mockClear()
    answer(1, 0)
    await menuStorage().restore()
    expect(listProviders(test.ctx).map((p) => p.name)).toEqual(['Before'])
    expect(messages()).toEqual(['Restore from a backup file?', 'Restored'])
  })

  it('a cancelled file choice says nothing; a file that is no backup is refused in words', async () => {
    chosen = null
    await menuStorage().backup()
    expect(dialog.showMessageBox).not.toHaveBeenCalled()

    chosen = join(dir, 'not-a-backup.sqlite')
    await import('node:fs').then((fs) => fs.writeFileSync(chosen as string, 'hello'))
    answer(1, 0)
    await menuStorage().restore()
    expect(messages()).toEqual(['Restore from a backup file?', 'Nothing was restored'])
  })
})
