import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../shared/errors'
import { recordExit } from '../../../../test/support/exits'
import { createFixture, type Fixture } from '../../../../test/support/fixture'
import { createAccount } from '../accounts/accounts'
import { insertProxyRows } from '../proxies'
import { writeSettings } from '../settings'
import { autoAssign } from './auto-assign'
import { detectNewCollisions, exitGuard, listExitCollisions } from './exit-collisions'
import { assignAccount, reassignAccount, releaseAccounts } from './moves'

/*
 * The isolation guard under random sequences of checks (recorded exits, each followed by what a
 * run does next: detection) and assignments, with the clock moving. After every step, every open
 * exit collision is one a check revealed (raised by detection) or an operator forced; none was
 * created by an assignment on its own. The open list also matches a recount from the raw tables.
 */

const DAY = 86_400_000
const pick = fc.nat({ max: 1_000 })
// A small pool of exits (loopback and private too) so proxies share them often; two share a /24.
const exits = ['127.0.0.2', '127.0.0.3', '10.9.8.7', '10.9.8.200', '203.0.113.5', '2001:db8::1']
const weighted = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary })
const operation = fc.oneof(
  weighted(3, fc.record({ op: fc.constant('createAccount' as const), model: fc.nat({ max: 2 }) })),
  weighted(
    2,
    fc.record({ op: fc.constant('createProxy' as const), max: fc.integer({ min: 1, max: 3 }) }),
  ),
  weighted(
    4,
    fc.record({
      op: fc.constant('check' as const),
      proxy: pick,
      exit: fc.nat({ max: exits.length - 1 }),
    }),
  ),
  weighted(
    3,
    fc.record({
      op: fc.constant('assign' as const),
      account: pick,
      proxy: pick,
      force: fc.nat({ max: 4 }).map((n) => n === 0),
    }),
  ),
  weighted(2, fc.record({ op: fc.constant('auto' as const) })),
  weighted(1, fc.record({ op: fc.constant('release' as const), account: pick })),
  weighted(
    2,
    fc.record({
      op: fc.constant('reassign' as const),
      account: pick,
      proxy: fc.oneof(pick, fc.constant('auto' as const)),
      force: fc.nat({ max: 4 }).map((n) => n === 0),
    }),
  ),
  weighted(1, fc.record({ op: fc.constant('advance' as const), days: fc.nat({ max: 5 }) })),
)
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never

interface World {
  provider: number
  models: number[]
  accounts: number[]
  proxies: number[]
  seq: number
}

const by = { reason: 'manual', actor: 'operator' } as const

function apply(f: Fixture, w: World, step: Operation): void {
  const account = (n: number) => w.accounts[n % w.accounts.length] ?? 999_999
  const proxy = (n: number) => w.proxies[n % w.proxies.length] ?? 999_999
  switch (step.op) {
    case 'createAccount':
      w.accounts.push(
        createAccount(f.ctx, {
          modelId: w.models[step.model] as number,
          platform: 'reddit',
          username: `u${w.seq++}`,
        }).id,
      )
      return
    case 'createProxy':
      w.proxies.push(
        ...insertProxyRows(f.ctx, [
          {
            providerId: w.provider,
            protocol: 'http',
            host: '127.0.0.1',
            port: 20_000 + w.seq++,
            maxAccounts: step.max,
          },
        ]),
      )
      return
    case 'check':
      if (w.proxies.length === 0) return
      recordExit(f, proxy(step.proxy), exits[step.exit] as string)
      // What follows each run: collisions the check revealed are raised.
      detectNewCollisions(f.ctx)
      return
    case 'assign':
      return assignAccount(f.ctx, account(step.account), proxy(step.proxy), by, {
        force: step.force,
      })
    case 'auto':
      autoAssign(f.ctx)
      return
    case 'release':
      releaseAccounts(f.ctx, [account(step.account)], by)
      return
    case 'reassign':
      reassignAccount(
        f.ctx,
        account(step.account),
        step.proxy === 'auto' ? 'auto' : proxy(step.proxy),
        by,
        { force: step.force },
      )
      return
    case 'advance':
      f.clock.advance(step.days * DAY)
      return
  }
}

/** Open collisions recounted from the raw rows, as "a:b:modelA:modelB". */
function recount(f: Fixture): string[] {
  const guard = exitGuard(f.ctx)
  const col = guard.column
  const exitRows = f.rows<{ proxy_id: number; key: string }>(
    `SELECT proxy_id, ${col} AS key FROM proxy_exits WHERE last_seen_at >= ?`,
    guard.since,
  )
  const model = new Map(
    f
      .rows<{ id: number; m: number | null }>('SELECT id, assigned_model_id AS m FROM proxies')
      .map((row) => [row.id, row.m]),
  )
  const pairs = new Set<string>()
  for (const x of exitRows) {
    for (const y of exitRows) {
      if (x.proxy_id >= y.proxy_id || x.key !== y.key) continue
      const mx = model.get(x.proxy_id)
      const my = model.get(y.proxy_id)
      if (mx == null || my == null || mx === my) continue
      pairs.add(`${x.proxy_id}:${y.proxy_id}:${mx}:${my}`)
    }
  }
  return [...pairs].sort()
}

function checkGuard(f: Fixture): void {
  const open = listExitCollisions(f.ctx)
  expect(open.map((c) => `${c.proxyId}:${c.otherProxyId}:${c.modelId}:${c.otherModelId}`)).toEqual(
    recount(f),
  )
  const known = new Set(
    f
      .rows<{ a: number; b: number; m: number; n: number }>(
        'SELECT proxy_id AS a, other_proxy_id AS b, model_id AS m, other_model_id AS n FROM exit_collisions',
      )
      .map((row) => `${row.a}:${row.b}:${row.m}:${row.n}`),
  )
  // Every open collision was revealed by a check (and raised) or forced by the operator.
  for (const c of open) {
    expect(known).toContain(`${c.proxyId}:${c.otherProxyId}:${c.modelId}:${c.otherModelId}`)
  }
  // A forced collision is in history as the operator's, with the collision in words.
  if (open.some((c) => c.forced)) {
    expect(
      f.count(
        `SELECT count(*) FROM proxy_assignment_history
          WHERE assigned_by = 'operator' AND detail LIKE 'Forced past an exit collision:%'`,
      ),
    ).toBeGreaterThan(0)
  }
}

describe('the isolation guard under random checks and assignments', () => {
  for (const match of ['ip', 'net'] as const) {
    it(`no assignment links two models through a shared exit unless forced (${match} mode)`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(operation, { minLength: 10, maxLength: 60, size: 'max' }),
          async (steps) => {
            const f = await createFixture()
            try {
              writeSettings(f.ctx.sqlite, { exitMatch: match, exitWindowDays: 7 })
              const world: World = {
                provider: f.provider(),
                models: [f.model(), f.model(), f.model()],
                accounts: [],
                proxies: [],
                seq: 0,
              }
              for (const step of steps) {
                try {
                  apply(f, world, step)
                } catch (error) {
                  expect(error).toBeInstanceOf(AppError)
                  expect(['RULE_VIOLATION', 'NOT_FOUND']).toContain((error as AppError).code)
                }
                checkGuard(f)
              }
            } finally {
              await f.dispose()
            }
          },
        ),
        { numRuns: 40 },
      )
    }, 240_000)
  }
})
