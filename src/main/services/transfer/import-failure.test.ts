import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { TestContext } from '../../../../test/support/context'
import { AppError } from '../../../shared/errors'
import type { AppContext } from '../../context'
import type { Vault } from '../../secrets'
import { createProvider } from '../providers'
import type { FileDialogs } from './file-dialogs'
import { commitImport } from './import-commit'
import { previewImport } from './import-preview'
import {
  call,
  provider,
  rejection,
  snapshot,
  storedProxies,
  withContext,
} from '../../../../test/support/transfer'

function lines(count: number, prefix = '10.3'): string {
  return Array.from(
    { length: count },
    (_, i) => `${prefix}.${i >> 8}.${i & 255}:8080:user${i}:pass${i}`,
  ).join('\n')
}

/** The real vault, failing on its nth encryption: a failure half-way through the batch. */
function vaultFailingAt(vault: Vault, nth: number): Vault {
  let calls = 0
  return {
    ...vault,
    encrypt(plaintext, aad) {
      if (++calls === nth) throw new AppError('KEYCHAIN_UNAVAILABLE', 'The keychain went away.')
      return vault.encrypt(plaintext, aad)
    },
    decrypt: (stored, aad) => vault.decrypt(stored, aad),
  }
}

describe('import: a failed commit stores nothing', () => {
  let test: TestContext
  let ctx: AppContext
  let main: number

  beforeEach(async () => {
    test = await withContext()
    ctx = test.ctx
    main = provider(ctx, 'Main')
    provider(ctx, 'Spare')
  })
  afterEach(() => test.dispose())

  // Rows go in 500 per INSERT, then one by one for the rest: a failure in either path.
  for (const failing of [1_499, 2_050]) {
    it(`rolls back when the database refuses row ${failing + 1} of 2,100`, async () => {
      // A real refusal: a trigger on the real table, deep in the batch.
      ctx.sqlite.exec(`CREATE TRIGGER inject_failure BEFORE INSERT ON proxies
        WHEN NEW.username = 'user${failing}'
        BEGIN SELECT RAISE(ABORT, 'injected failure'); END`)
      const { importId } = await call(ctx, 'import:preview', {
        source: 'text',
        text: lines(2_100),
      })
      const before = snapshot(ctx)

      const error = await rejection(call(ctx, 'import:commit', { importId, providerId: main }))
      expect(error.code).toBe('INTERNAL')
      expect(error.message).toContain('Nothing was imported')
      expect(error.message).toContain(`line ${failing + 1}`)
      expect(error.details).toEqual({ line: failing + 1 })
      expect(snapshot(ctx).equals(before)).toBe(true)
      expect(ctx.sqlite.inTransaction).toBe(false)

      // The batch survives a failed commit: fix the cause and try again.
      ctx.sqlite.exec('DROP TRIGGER inject_failure')
      const result = await call(ctx, 'import:commit', { importId, providerId: main })
      expect(result.inserted).toBe(2_100)
      const stored = storedProxies(ctx)
      expect(stored).toHaveLength(2_100)
      expect(stored.at(-1)).toMatchObject({ username: 'user2099', password: 'pass2099' })
    })
  }

  it('stores nothing when the vault fails on the 700th password', async () => {
    const failing = { ...ctx, vault: vaultFailingAt(ctx.vault, 700) }
    const preview = await previewImport(failing, {
      source: 'text',
      text: lines(1_000),
      format: 'auto',
      defaultProtocol: 'http',
      pageSize: 10,
    })
    const before = snapshot(ctx)
    const error = await rejection(
      commitImport(failing, { importId: preview.importId, providerId: main, duplicates: 'skip' }),
    )
    expect(error.code).toBe('KEYCHAIN_UNAVAILABLE')
    expect(snapshot(ctx).equals(before)).toBe(true)
  })

  it('re-plans inside the transaction when something was written while it encrypted', async () => {
    const text = lines(3_000)
    const { importId } = await call(ctx, 'import:preview', { source: 'text', text })
    // While the commit yields between chunks, another call stores a proxy the batch also holds,
    // and takes the id the plan meant to give the first row.
    let wrote = false
    const vault: Vault = {
      ...ctx.vault,
      encrypt(plaintext, aad) {
        if (!wrote && aad === 'proxy:1000') {
          wrote = true
          setImmediate(() => {
            void call(ctx, 'proxies:create', {
              providerId: main,
              protocol: 'http',
              host: '10.3.0.5',
              port: 8080,
              username: 'user5',
              password: 'written-meanwhile',
            })
          })
        }
        return ctx.vault.encrypt(plaintext, aad)
      },
    }
    const result = await commitImport(
      { ...ctx, vault },
      { importId, providerId: main, duplicates: 'skip' },
    )
    expect(wrote).toBe(true)
    expect(result).toMatchObject({ inserted: 2_999, skippedStored: 1 })
    const proxies = storedProxies(ctx)
    expect(proxies).toHaveLength(3_000)
    // Every password opens with its row's id: the ids were planned again, not reused.
    expect(proxies.find((p) => p.username === 'user5')?.password).toBe('written-meanwhile')
    expect(proxies.find((p) => p.username === 'user0')?.password).toBe('pass0')
    expect(new Set(proxies.map((p) => p.id)).size).toBe(3_000)
  })

  it('refuses malformed inputs with VALIDATION and leaves the database as it was', async () => {
    const before = snapshot(ctx)
    const bad: [string, unknown][] = [
      ['import:preview', { source: 'text', text: '' }],
      ['import:preview', { source: 'text' }],
      ['import:preview', { source: 'file', path: '/etc/passwd' }],
      ['import:preview', { source: 'text', text: '1.2.3.4:80', defaultProtocol: 'ftp' }],
      ['import:preview', { source: 'text', text: '1.2.3.4:80', format: 'xml' }],
      ['import:preview', { source: 'text', text: '1.2.3.4:80', path: '/etc/passwd' }],
      ['import:commit', { importId: 'not-a-uuid', providerId: main }],
      ['import:commit', { importId: randomUUID(), providerId: -1 }],
      ['import:commit', { importId: randomUUID(), duplicates: 'merge' }],
      ['import:previewRows', { importId: randomUUID(), pageSize: 10_000 }],
      ['import:previewRows', { importId: randomUUID(), filter: 'everything' }],
    ]
    for (const [channel, input] of bad) {
      const error = await rejection(call(ctx, channel as 'import:preview', input as never))
      expect(error.code, `${channel} ${JSON.stringify(input)}`).toBe('VALIDATION')
    }
    expect(snapshot(ctx).equals(before)).toBe(true)
  })

  it('refuses a commit that names no provider, or one that is gone', async () => {
    const { importId } = await call(ctx, 'import:preview', { source: 'text', text: lines(10) })
    const before = snapshot(ctx)
    const none = await rejection(call(ctx, 'import:commit', { importId }))
    expect(none.code).toBe('VALIDATION')
    expect(none.message).toContain('10 rows name no provider')
    const gone = await rejection(call(ctx, 'import:commit', { importId, providerId: 999 }))
    expect(gone.code).toBe('NOT_FOUND')
    const unknown = await rejection(
      call(ctx, 'import:commit', { importId: randomUUID(), providerId: main }),
    )
    expect(unknown.code).toBe('NOT_FOUND')
    expect(snapshot(ctx).equals(before)).toBe(true)
    // Still there after the refusals.
    expect((await call(ctx, 'import:commit', { importId, providerId: main })).inserted).toBe(10)
  })

  it('forgets a discarded or expired preview', async () => {
    const first = await call(ctx, 'import:preview', { source: 'text', text: lines(5) })
    expect(await call(ctx, 'import:discard', { importId: first.importId })).toEqual({
      discarded: true,
    })
    const discarded = await rejection(call(ctx, 'import:previewRows', { importId: first.importId }))
    expect(discarded.code).toBe('NOT_FOUND')

    let now = Date.now()
    const clocked = { ...ctx, clock: { now: () => now } }
    createProvider(clocked, { name: 'Clocked', monthlyCostPerProxyCents: 0 })
    const second = await previewImport(clocked, {
      source: 'text',
      text: lines(5),
      format: 'auto',
      defaultProtocol: 'http',
      pageSize: 5,
    })
    now = second.expiresAt + 1
    const expired = await rejection(
      commitImport(clocked, { importId: second.importId, providerId: main, duplicates: 'skip' }),
    )
    expect(expired.code).toBe('NOT_FOUND')
    expect(expired.message).toContain('expired')
  })
})

describe('import: files chosen in a dialog', () => {
  let test: TestContext
  let dir: string

  beforeEach(async () => {
    test = await withContext()
    dir = mkdtempSync(join(tmpdir(), 'proxydeck-import-file-'))
  })
  afterEach(async () => {
    rmSync(dir, { recursive: true, force: true })
    await test.dispose()
  })

  function dialogs(choice: string | null): FileDialogs {
    return {
      chooseOpenFile: async () => choice,
      chooseSaveFile: async () => {
        throw new Error('not expected')
      },
    }
  }

  it('reads the file main asked the operator for', async () => {
    const file = join(dir, 'list.txt')
    writeFileSync(file, lines(3))
    const ctx = { ...test.ctx, dialogs: dialogs(file) }
    const preview = await call(ctx, 'import:preview', { source: 'dialog' })
    expect(preview).toMatchObject({ fileName: 'list.txt', counts: { total: 3, new: 3 } })
  })

  it('refuses a file that is not UTF-8 text, or holds a NUL, naming the file', async () => {
    const latin1 = join(dir, 'latin1.txt')
    writeFileSync(latin1, Buffer.from('10.0.0.1:8080:user:p\xe4ss\n', 'latin1'))
    const nul = join(dir, 'nul.txt')
    writeFileSync(nul, '10.0.0.1:8080:user:p\u0000ss\n')
    const before = snapshot(test.ctx)
    for (const [file, words] of [
      [latin1, 'latin1.txt is not UTF-8 text'],
      [nul, 'nul.txt contains a NUL character'],
    ] as const) {
      const ctx = { ...test.ctx, dialogs: dialogs(file) }
      const error = await rejection(call(ctx, 'import:preview', { source: 'dialog' }))
      expect(error.code).toBe('VALIDATION')
      expect(error.message).toContain(words)
    }
    expect(snapshot(test.ctx).equals(before)).toBe(true)
  })

  it('answers CANCELLED when the operator closes the dialog', async () => {
    const ctx = { ...test.ctx, dialogs: dialogs(null) }
    const error = await rejection(call(ctx, 'import:preview', { source: 'dialog' }))
    expect(error.code).toBe('CANCELLED')
  })

  it('answers a clear error where there are no dialogs (the HTTP bridge)', async () => {
    const error = await rejection(call(test.ctx, 'import:preview', { source: 'dialog' }))
    expect(error.code).toBe('VALIDATION')
    expect(error.message).toContain('paste the text or upload the file')
  })
})
