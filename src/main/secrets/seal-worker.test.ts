import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '../../../test/support/context'
import { AppError } from '../../shared/errors'
import { sealWorkerSource } from './seal-core'
import { openSealWorker, type SealWorker } from './seal-worker'
import { unavailableVault } from './vault-status'

// The seal worker against the real vault of a real (private) keychain: what the worker seals the
// vault opens, what the vault refuses the worker refuses alike, and a worker that cannot start
// answers null (the caller then seals on main) instead of failing.
describe('seal worker', () => {
  let test: TestContext
  const open: SealWorker[] = []

  beforeEach(async () => {
    test = await createTestContext()
  })
  afterEach(async () => {
    for (const worker of open.splice(0)) worker.close()
    await test.dispose()
  })

  async function started(source?: string): Promise<SealWorker> {
    const worker = await openSealWorker(test.ctx.vault, source ? { source } : {})
    if (!worker) throw new Error('the seal worker did not start')
    open.push(worker)
    return worker
  }

  it('seals in the vault format, for the row identity, what the vault opens', async () => {
    const worker = await started()
    const plaintexts = Array.from({ length: 5_000 }, (_, i) => (i % 7 === 3 ? null : `pass-${i}-€`))
    const aads = plaintexts.map((_, i) => `proxy:${i + 1}`)
    const sealed = await worker.seal(plaintexts, aads)
    expect(sealed).toHaveLength(plaintexts.length)
    sealed.forEach((text, i) => {
      if (plaintexts[i] === null) return expect(text).toBeNull()
      expect(text).toMatch(/^v1\.[1-9][0-9]*\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/)
      expect(test.ctx.vault.decrypt(text as string, aads[i] as string)).toBe(plaintexts[i])
    })
    // Bound to its row: the same text does not open as another row's.
    const moved = await rejected(
      Promise.resolve().then(() => test.ctx.vault.decrypt(sealed[0] as string, 'proxy:2')),
    )
    expect(moved.details).toMatchObject({ reason: 'authentication' })
    // Every nonce is fresh.
    const nonces = sealed.filter((t) => t !== null).map((t) => t.split('.')[2])
    expect(new Set(nonces).size).toBe(nonces.length)
  })

  it('refuses what the vault refuses, with the same error', async () => {
    const worker = await started()
    const lone = 'pa\ud800ss'
    const fromVault = await rejected(
      Promise.resolve().then(() => test.ctx.vault.encrypt(lone, 'proxy:9')),
    )
    const fromWorker = await rejected(worker.seal(['fine', lone], ['proxy:8', 'proxy:9']))
    expect(fromWorker.code).toBe(fromVault.code)
    expect(fromWorker.message).toBe(fromVault.message)
    const noIdentity = await rejected(worker.seal(['fine'], ['']))
    expect(noIdentity.message).toContain('row identity')
    // The worker still serves the next job.
    expect(await worker.seal(['after'], ['proxy:10'])).toHaveLength(1)
  })

  it('is not offered for a vault this folder did not make, or one without a key', async () => {
    const wrapper = { ...test.ctx.vault }
    expect(await openSealWorker(wrapper)).toBeNull()
    expect(await openSealWorker(unavailableVault('x', 'unreachable', 'no keychain'))).toBeNull()
  })

  it('answers null when the thread cannot start, or never says it is ready', async () => {
    expect(
      await openSealWorker(test.ctx.vault, { source: 'throw new Error("cannot start")' }),
    ).toBeNull()
    expect(await openSealWorker(test.ctx.vault, { source: 'syntax error here (' })).toBeNull()
    const silent = "require('node:worker_threads').parentPort.on('message', () => {})"
    expect(await openSealWorker(test.ctx.vault, { source: silent, startTimeoutMs: 300 })).toBeNull()
  })

  it('fails every waiting job, naming no secret, when the thread dies mid-way', async () => {
    // Listening before the real program does: the thread ends on the second job, before sealing it.
    const crashOnSecondJob = `
      require('node:worker_threads').parentPort.on('message', (m) => {
        if (m.type === 'seal' && m.job === 1) process.exit(70)
      })
      ${sealWorkerSource()}`
    const worker = await started(crashOnSecondJob)
    const first = worker.seal(['secret-a'], ['proxy:1'])
    const second = worker.seal(['secret-b'], ['proxy:2'])
    const third = worker.seal(['secret-c'], ['proxy:3'])
    expect(await first).toHaveLength(1)
    for (const job of [second, third]) {
      const error = await rejected(job)
      expect(error.code).toBe('INTERNAL')
      expect(error.message).toContain('sealing thread')
      expect(error.message).not.toContain('secret-')
    }
    const later = await rejected(worker.seal(['secret-d'], ['proxy:4']))
    expect(later.code).toBe('INTERNAL')
  })
})

async function rejected(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof AppError) return error
    throw error
  }
  throw new Error('expected a rejection')
}
