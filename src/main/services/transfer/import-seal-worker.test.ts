import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { TestContext } from '../../../../test/support/context'
import {
  provider,
  rejection,
  snapshot,
  storedProxies,
  withContext,
} from '../../../../test/support/transfer'
import type { AppContext } from '../../context'
import {
  openSealWorker,
  sealWorkerSource,
  unavailableVault,
  type SealWorker,
  type Vault,
} from '../../secrets'
import { commitImport, type CommitOptions } from './import-commit'
import { previewImport } from './import-preview'

// The commit's two ways of sealing, through the real vault and SQLite: the worker (the default for
// a batch over 2,000 rows), and main when the worker cannot start. Either way every stored
// password opens for its row, and a worker that dies half-way stores nothing.

const ROWS = 9_000

function lines(count: number): string {
  return Array.from(
    { length: count },
    (_, i) => `10.7.${i >> 8}.${i & 255}:8080:user${i}:${i % 10 === 9 ? '' : `pass${i}`}`,
  ).join('\n')
}

describe('import: sealing on a worker thread', () => {
  let test: TestContext
  let ctx: AppContext
  let main: number

  beforeEach(async () => {
    test = await withContext()
    ctx = test.ctx
    main = provider(ctx, 'Main')
  })
  afterEach(() => test.dispose())

  async function preview(count = ROWS): Promise<string> {
    const { importId } = await previewImport(ctx, {
      source: 'text',
      text: lines(count),
      format: 'auto',
      defaultProtocol: 'http',
      pageSize: 10,
    })
    return importId
  }

  /** The sealer the commit opens, recorded: which way it sealed. */
  function recording(open: (vault: Vault) => Promise<SealWorker | null>) {
    const opened: (SealWorker | null)[] = []
    const options: CommitOptions = {
      openSealer: async (vault) => {
        const worker = await open(vault)
        opened.push(worker)
        return worker
      },
    }
    return { options, opened }
  }

  function expectAllStored(count: number): void {
    const stored = storedProxies(ctx)
    expect(stored).toHaveLength(count)
    stored.forEach((proxy, i) => {
      expect(proxy.username).toBe(`user${i}`)
      // storedProxies opens each with the vault for its own row id.
      expect(proxy.password).toBe(i % 10 === 9 ? null : `pass${i}`)
    })
  }

  it('stores passwords the vault opens, each for its own row', async () => {
    const importId = await preview()
    const { options, opened } = recording((vault) => openSealWorker(vault))
    const result = await commitImport(
      ctx,
      { importId, providerId: main, duplicates: 'skip' },
      undefined,
      options,
    )
    expect(result.inserted).toBe(ROWS)
    expect(opened).toHaveLength(1)
    expect(opened[0]).not.toBeNull()
    expectAllStored(ROWS)
  })

  it('seals on main when the worker cannot start, and the import still succeeds', async () => {
    const importId = await preview()
    const { options, opened } = recording((vault) =>
      openSealWorker(vault, { source: 'throw new Error("no threads here")' }),
    )
    const result = await commitImport(
      ctx,
      { importId, providerId: main, duplicates: 'skip' },
      undefined,
      options,
    )
    expect(opened).toEqual([null])
    expect(result.inserted).toBe(ROWS)
    expectAllStored(ROWS)
  })

  it('rolls everything back when the worker dies half-way through the write', async () => {
    const importId = await preview()
    // The thread ends on its fourth chunk of 2,000 rows, while the rows of the first chunks are
    // being inserted inside the open transaction.
    const dying = `
      require('node:worker_threads').parentPort.on('message', (m) => {
        if (m.type === 'seal' && m.job === 3) process.exit(70)
      })
      ${sealWorkerSource()}`
    const { options, opened } = recording((vault) => openSealWorker(vault, { source: dying }))
    const before = snapshot(ctx)
    const error = await rejection(
      commitImport(ctx, { importId, providerId: main, duplicates: 'skip' }, undefined, options),
    )
    expect(opened[0]).not.toBeNull()
    expect(error.code).toBe('INTERNAL')
    expect(error.message).toContain('sealing thread')
    expect(snapshot(ctx).equals(before)).toBe(true)
    expect(ctx.sqlite.inTransaction).toBe(false)

    // The batch survives: the next try (a healthy worker) stores every row.
    const retried = await commitImport(ctx, { importId, providerId: main, duplicates: 'skip' })
    expect(retried.inserted).toBe(ROWS)
    expectAllStored(ROWS)
  })

  it('updates stored rows with passwords sealed for their existing ids', async () => {
    await commitImport(ctx, { importId: await preview(), providerId: main, duplicates: 'skip' })
    const ids = storedProxies(ctx).map((p) => p.id)
    const again = lines(ROWS).replaceAll(/:pass(\d+)$/gm, ':new$1')
    const { importId } = await previewImport(ctx, {
      source: 'text',
      text: again,
      format: 'auto',
      defaultProtocol: 'http',
      pageSize: 10,
    })
    const { options, opened } = recording((vault) => openSealWorker(vault))
    const result = await commitImport(
      ctx,
      { importId, providerId: main, duplicates: 'update' },
      undefined,
      options,
    )
    expect(opened[0]).not.toBeNull()
    expect(result.updated).toBe(ROWS)
    const stored = storedProxies(ctx)
    expect(stored.map((p) => p.id)).toEqual(ids)
    stored.forEach((proxy, i) => expect(proxy.password).toBe(i % 10 === 9 ? null : `new${i}`))
  })

  it('stores nothing when the vault is replaced while the worker seals with the old key', async () => {
    const importId = await preview()
    const original = ctx.vault
    const options: CommitOptions = {
      openSealer: async (vault) => {
        const worker = await openSealWorker(vault)
        // A key reset or import lands while the commit runs: its key is no longer the vault's.
        ctx.replaceVault(unavailableVault('test', 'unreachable', 'The key is being reset.'))
        return worker
      },
    }
    const before = snapshot(ctx)
    const error = await rejection(
      commitImport(ctx, { importId, providerId: main, duplicates: 'skip' }, undefined, options),
    )
    expect(error.code).toBe('CONFLICT')
    expect(snapshot(ctx).equals(before)).toBe(true)
    ctx.replaceVault(original)
    expect(
      (await commitImport(ctx, { importId, providerId: main, duplicates: 'skip' })).inserted,
    ).toBe(ROWS)
  })
})
