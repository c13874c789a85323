// Shared by the service tests (not a test file itself): a real context on a temp-dir SQLite file,
// a clock the test moves, and short builders that go through the services.
import type { AccountPlatform } from '../../src/shared/domain'
import type { ProxyCreateInput } from '../../src/shared/contracts/proxies'
import { createTestContext, type TestContext } from './context'
import type { Clock } from '../../src/main/clock'
import { createAccount } from '../../src/main/services/accounts/accounts'
import { createModel } from '../../src/main/services/models'
import { createProvider } from '../../src/main/services/providers'
import { insertProxyRows } from '../../src/main/services/proxies'

export interface ManualClock extends Clock {
  set(ms: number): void
  advance(ms: number): void
}

export const START = Date.UTC(2026, 0, 15, 12, 0, 0)

export function manualClock(start = START): ManualClock {
  let now = start
  return {
    now: () => now,
    set: (ms) => void (now = ms),
    advance: (ms) => void (now += ms),
  }
}

export interface Fixture extends TestContext {
  clock: ManualClock
  provider(name?: string, cents?: number): number
  model(name?: string): number
  proxy(providerId: number, fields?: Partial<ProxyCreateInput>): number
  account(modelId: number, fields?: { platform?: AccountPlatform; username?: string }): number
  /** Rows of a table as the database holds them. */
  rows<T>(sql: string, ...params: unknown[]): T[]
  count(sql: string, ...params: unknown[]): number
}

export async function createFixture(): Promise<Fixture> {
  const clock = manualClock()
  const test = await createTestContext({ clock })
  const { ctx } = test
  let seq = 0
  return {
    ...test,
    clock,
    provider: (name = `Provider ${++seq}`, cents = 500) =>
      createProvider(ctx, { name, monthlyCostPerProxyCents: cents }).id,
    model: (name = `Model ${++seq}`) => createModel(ctx, { name }).id,
    proxy: (providerId, fields = {}) =>
      insertProxyRows(ctx, [
        { providerId, protocol: 'http', host: '198.51.100.7', port: 10_000 + ++seq, ...fields },
      ])[0] as number,
    account: (modelId, fields = {}) =>
      createAccount(ctx, {
        modelId,
        platform: fields.platform ?? 'instagram',
        username: fields.username ?? `user${++seq}`,
      }).id,
    rows: <T>(sql: string, ...params: unknown[]) => ctx.sqlite.prepare(sql).all(...params) as T[],
    count: (sql: string, ...params: unknown[]) =>
      Object.values(ctx.sqlite.prepare(sql).get(...params) as Record<string, number>)[0] as number,
  }
}

/** The AppError a call throws (fails the test when it does not throw). */
export function thrown(fn: () => unknown): { code: string; message: string; details?: unknown } {
  try {
    fn()
  } catch (error) {
    return error as { code: string; message: string; details?: unknown }
  }
  throw new Error('expected the call to throw')
}

/** Every proxy's derived columns against a recount of the accounts table. */
export function derivedColumnsDrift(fixture: Pick<Fixture, 'rows'>): unknown[] {
  return fixture.rows(
    `SELECT p.id, p.account_count, p.assigned_model_id,
            (SELECT count(*) FROM accounts a WHERE a.proxy_id = p.id AND a.status = 'active') AS n,
            (SELECT min(a.model_id) FROM accounts a WHERE a.proxy_id = p.id AND a.status = 'active') AS lo,
            (SELECT max(a.model_id) FROM accounts a WHERE a.proxy_id = p.id AND a.status = 'active') AS hi
       FROM proxies p
      WHERE p.account_count <> n OR p.account_count > p.max_accounts OR lo IS NOT hi
         OR p.assigned_model_id IS NOT lo`,
  )
}
