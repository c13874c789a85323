import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../shared/errors'
import { createAccount, setAccountsStatus } from '../accounts/accounts'
import { insertProxyRows, removeProxies, setProxiesStatus } from '../proxies'
import { createFixture, derivedColumnsDrift, type Fixture } from '../../../../test/support/fixture'
import { autoAssign } from './auto-assign'
import { assignAccount, reassignAccount, releaseAccounts } from './moves'

/*
 * Random sequences of every operation that moves accounts, with the invariants checked after each
 * step. Refusals are expected (random targets are often full or serve another model); a refusal
 * must be a typed AppError and leave the database as it was.
 */

const pick = fc.nat({ max: 1_000 })
const weighted = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary })
const operation = fc.oneof(
  weighted(4, fc.record({ op: fc.constant('createAccount' as const), model: fc.nat({ max: 2 }) })),
  weighted(
    3,
    fc.record({
      op: fc.constant('createProxy' as const),
      maxAccounts: fc.integer({ min: 1, max: 4 }),
      // Mostly usable proxies, some that auto-assign must skip.
      expired: fc.nat({ max: 5 }).map((n) => n === 0),
      inactive: fc.nat({ max: 5 }).map((n) => n === 0),
    }),
  ),
  weighted(3, fc.record({ op: fc.constant('assign' as const), account: pick, proxy: pick })),
  weighted(2, fc.record({ op: fc.constant('auto' as const) })),
  weighted(2, fc.record({ op: fc.constant('release' as const), account: pick })),
  weighted(
    3,
    fc.record({
      op: fc.constant('reassign' as const),
      account: pick,
      proxy: fc.oneof(pick, fc.constant('auto' as const)),
    }),
  ),
  weighted(1, fc.record({ op: fc.constant('invalidate' as const), account: pick })),
  weighted(1, fc.record({ op: fc.constant('remove' as const), account: pick })),
  weighted(1, fc.record({ op: fc.constant('reactivate' as const), account: pick })),
  weighted(1, fc.record({ op: fc.constant('deleteProxy' as const), proxy: pick })),
  weighted(1, fc.record({ op: fc.constant('toggleProxy' as const), proxy: pick })),
)
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never

const by = { reason: 'manual', actor: 'operator' } as const

function apply(f: Fixture, ids: World, step: Operation): void {
  const account = (n: number) => ids.accounts[n % ids.accounts.length] ?? 999_999
  const proxy = (n: number) => ids.proxies[n % ids.proxies.length] ?? 999_999
  const ctx = f.ctx
  switch (step.op) {
    case 'createAccount':
      ids.accounts.push(
        createAccount(ctx, {
          modelId: ids.models[step.model] as number,
          platform: 'tiktok',
          username: `u${ids.seq++}`,
        }).id,
      )
      return
    case 'createProxy':
      ids.proxies.push(
        ...insertProxyRows(ctx, [
          {
            providerId: ids.provider,
            protocol: 'socks5',
            host: 'gw.example.net',
            port: 1080,
            username: `session-${ids.seq++}`,
            maxAccounts: step.maxAccounts,
            expiresAt: step.expired ? f.clock.now() - 1 : null,
            status: step.inactive ? 'inactive' : 'active',
          },
        ]),
      )
      return
    case 'assign':
      return assignAccount(ctx, account(step.account), proxy(step.proxy), by)
    case 'auto':
      autoAssign(ctx)
      return
    case 'release':
      releaseAccounts(ctx, [account(step.account)], by)
      return
    case 'reassign':
      reassignAccount(
        ctx,
        account(step.account),
        step.proxy === 'auto' ? 'auto' : proxy(step.proxy),
        by,
      )
      return
    case 'invalidate':
      setAccountsStatus(ctx, [account(step.account)], 'invalid')
      return
    case 'remove':
      setAccountsStatus(ctx, [account(step.account)], 'removed')
      return
    case 'reactivate':
      setAccountsStatus(ctx, [account(step.account)], 'active')
      return
    case 'deleteProxy': {
      const id = proxy(step.proxy)
      removeProxies(ctx, [id])
      ids.proxies = ids.proxies.filter((p) => p !== id)
      return
    }
    case 'toggleProxy': {
      const id = proxy(step.proxy)
      const status = f.rows<{ status: string }>('SELECT status FROM proxies WHERE id = ?', id)[0]
      setProxiesStatus(ctx, [id], status?.status === 'active' ? 'error' : 'active')
      return
    }
  }
}

interface World {
  provider: number
  models: number[]
  accounts: number[]
  proxies: number[]
  seq: number
}

/** Everything an operation could change (cheaper than serialising the file after every step). */
function contents(f: Fixture): string {
  return JSON.stringify([
    f.rows('SELECT * FROM accounts ORDER BY id'),
    f.rows('SELECT * FROM proxies ORDER BY id'),
    f.rows('SELECT count(*), max(id) FROM proxy_assignment_history'),
  ])
}

function placements(f: Fixture): Map<number, number | null> {
  return new Map(
    f
      .rows<{ id: number; proxy_id: number | null }>('SELECT id, proxy_id FROM accounts')
      .map((row) => [row.id, row.proxy_id]),
  )
}

function checkInvariants(f: Fixture, before: Map<number, number | null>, historyBefore: number) {
  expect(derivedColumnsDrift(f)).toEqual([])
  expect(f.count('SELECT count(*) FROM proxies WHERE account_count > max_accounts')).toBe(0)
  expect(
    f.count(`SELECT count(*) FROM accounts WHERE status <> 'active' AND proxy_id IS NOT NULL`),
  ).toBe(0)

  // Exactly one history row per changed placement, saying what happened.
  const after = placements(f)
  const expected: string[] = []
  for (const [id, proxyId] of after) {
    const was = before.get(id) ?? null
    if (was === proxyId) continue
    if (was === null) expected.push(`${id}:assigned:${proxyId}`)
    else if (proxyId === null) expected.push(`${id}:released:${was}`)
    else expected.push(`${id}:reassigned:${proxyId}`)
  }
  const written = f
    .rows<{ account_id: number; action: string; proxy_id: number }>(
      'SELECT account_id, action, proxy_id FROM proxy_assignment_history WHERE id > ? ORDER BY id',
      historyBefore,
    )
    .map((row) => `${row.account_id}:${row.action}:${row.proxy_id}`)
  expect(written.sort()).toEqual(expected.sort())
}

describe('assignment invariants under random operation sequences', () => {
  it('hold after every step', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(operation, { minLength: 10, maxLength: 80, size: 'max' }),
        async (steps) => {
          const f = await createFixture()
          try {
            const world: World = {
              provider: f.provider(),
              models: [f.model(), f.model(), f.model()],
              accounts: [],
              proxies: [],
              seq: 0,
            }
            for (const step of steps) {
              const before = placements(f)
              const historyBefore = f.count(
                'SELECT coalesce(max(id), 0) FROM proxy_assignment_history',
              )
              const image = contents(f)
              try {
                apply(f, world, step)
              } catch (error) {
                // Refused: typed, and nothing written.
                expect(error).toBeInstanceOf(AppError)
                expect(['RULE_VIOLATION', 'NOT_FOUND']).toContain((error as AppError).code)
                expect(contents(f)).toEqual(image)
              }
              checkInvariants(f, before, historyBefore)
            }
          } finally {
            await f.dispose()
          }
        },
      ),
      { numRuns: 60 },
    )
  }, 180_000)
})
