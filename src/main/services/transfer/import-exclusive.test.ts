// The import's write yields while its transaction is open; these prove nothing else gets inside
// it: IPC calls wait, a check run's results wait, synchronous writers are refused.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { freePort } from '../../../../test/fixtures'
import type { TestContext } from '../../../../test/support/context'
import type { CheckProgress } from '../../../shared/contracts/checks'
import type { ImportProgress } from '../../../shared/import-types'
import type { AppContext } from '../../context'
import { exclusiveGate } from '../../db/exclusive'
import { inTransaction } from '../service-context'
import {
  call,
  provider,
  rejection,
  storedProxies,
  withContext,
} from '../../../../test/support/transfer'

const LINES = 6_000

function lines(count: number): string {
  return Array.from(
    { length: count },
    (_, i) => `10.9.${i >> 8}.${i & 255}:8080:user${i}:pass${i}`,
  ).join('\n')
}

describe('import: the write holds the connection to itself', () => {
  let test: TestContext
  let ctx: AppContext
  let main: number

  beforeEach(async () => {
    test = await withContext()
    ctx = test.ctx
    main = provider(ctx, 'Main')
  })
  afterEach(() => test.dispose())

  it('main keeps turning while rows are stored; calls made meanwhile run after the commit', async () => {
    const { importId } = await call(ctx, 'import:preview', { source: 'text', text: lines(LINES) })
    const order: string[] = []
    let turns = 0
    let committed = false
    let during: Promise<unknown>[] = []
    const stop = ctx.events.subscribe((event, payload) => {
      const progress = payload as ImportProgress
      if (event !== 'import:progress' || progress.phase !== 'storing' || during.length) return
      // First rows are in, the transaction is open: ask for a write and a read now.
      const turn = (): void => {
        if (committed) return
        turns += 1
        setImmediate(turn)
      }
      setImmediate(turn)
      during = [
        call(ctx, 'proxies:create', {
          providerId: main,
          protocol: 'socks5',
          host: '192.0.2.77',
          port: 1080,
          username: 'meanwhile',
          password: 'written-meanwhile',
        }).then((created) => {
          order.push('create')
          return created
        }),
        call(ctx, 'proxies:list', { page: 1, pageSize: 10 }).then((page) => {
          order.push('list')
          return page.total
        }),
      ]
    })
    const result = await call(ctx, 'import:commit', { importId, providerId: main }).then(
      (value) => {
        committed = true
        order.push('commit')
        return value
      },
    )
    stop()
    const [, listed] = await Promise.all(during)
    expect(result.inserted).toBe(LINES)
    expect(turns).toBeGreaterThan(0)
    expect(order[0]).toBe('commit')
    expect(order.slice(1).sort()).toEqual(['create', 'list'])
    // The read saw the committed batch (and maybe the later create), never a part of it.
    expect(listed).toBeGreaterThanOrEqual(LINES)
    const stored = storedProxies(ctx)
    expect(stored).toHaveLength(LINES + 1)
    expect(stored.find((p) => p.username === 'meanwhile')?.password).toBe('written-meanwhile')
    expect(stored.find((p) => p.username === `user${LINES - 1}`)?.password).toBe(`pass${LINES - 1}`)
  })

  it('a check run finishing meanwhile records its results after the import, none skipped', async () => {
    const closed = await freePort()
    const target = await call(ctx, 'proxies:create', {
      providerId: main,
      protocol: 'http',
      host: '127.0.0.1',
      port: closed,
    })
    let release!: () => void
    const held = exclusiveGate(ctx.sqlite).run(
      () => new Promise<void>((resolve) => (release = resolve)),
    )
    const progress: CheckProgress[] = []
    const stop = ctx.events.subscribe((event, payload) => {
      if (event === 'checks:progress') progress.push(payload as CheckProgress)
    })
    // Started directly: a call through dispatch would itself wait for the gate.
    const { runId } = await ctx.checks.test({ ids: [target.id] })
    // The check fails at once (refused); its result must wait while the gate is held.
    await new Promise((resolve) => setTimeout(resolve, 300))
    const checksWhileHeld = ctx.sqlite.prepare('SELECT count(*) FROM proxy_checks').pluck().get()
    expect(checksWhileHeld).toBe(0)
    expect(progress.some((p) => p.runId === runId && p.finished)).toBe(false)

    release()
    await held
    await new Promise<void>((resolve) => {
      const poll = (): void => {
        if (progress.some((p) => p.runId === runId && p.finished)) resolve()
        else setTimeout(poll, 20)
      }
      poll()
    })
    stop()
    const last = progress.filter((p) => p.runId === runId).at(-1)
    expect(last).toMatchObject({ finished: true, failed: 1, skipped: 0 })
    expect(ctx.sqlite.prepare('SELECT count(*) FROM proxy_checks').pluck().get()).toBe(1)
  })

  it('refuses a synchronous write while held, and the IPC call waits instead', async () => {
    let release!: () => void
    const held = exclusiveGate(ctx.sqlite).run(
      () => new Promise<void>((resolve) => (release = resolve)),
    )
    const refused = await rejection(
      Promise.resolve().then(() =>
        inTransaction(ctx, () => ctx.sqlite.prepare("DELETE FROM settings WHERE key = 'x'").run()),
      ),
    )
    expect(refused.code).toBe('CONFLICT')
    let done = false
    const waiting = call(ctx, 'providers:create', {
      name: 'Waited',
      monthlyCostPerProxyCents: 0,
    }).then((created) => {
      done = true
      return created
    })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(done).toBe(false)
    release()
    await held
    expect((await waiting).name).toBe('Waited')
  })
})
