import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { proxyListInput } from '../../../shared/contracts/proxies'
import { createFixture, type Fixture } from '../../../../test/support/fixture'
import { call } from '../../../../test/support/transfer'
import { recordExit } from '../../../../test/support/exits'
import { assignAccount } from '../assignment/moves'
import { listProxies, proxyFilterSql, removeProxies, setProxiesStatus } from '.'

let f: Fixture
let acme: number
let model: number

beforeAll(async () => {
  f = await createFixture()
  acme = f.provider('Acme', 300)
  model = f.model('A')
  for (let i = 0; i < 30; i++) {
    f.proxy(acme, { host: `10.1.0.${i}`, country: i % 2 ? 'US' : 'DE', maxAccounts: 1 })
  }
})

afterAll(async () => {
  await f.dispose()
})

/** Views whose counts the writes below move. */
const views: Record<string, unknown>[] = [
  {},
  { status: 'active' },
  { status: 'error' },
  { country: 'US', sortBy: 'host' },
  { lastCheck: 'untested' },
  { hasFreeSlots: true, sortBy: 'responseTimeMs' },
  { search: '10.1.0.2' },
]

/** Every view's total as listProxies answers it, next to a count taken afresh. */
function totals(): { listed: number[]; counted: number[] } {
  const listed: number[] = []
  const counted: number[] = []
  for (const view of views) {
    const input = proxyListInput.parse(view)
    listed.push(listProxies(f.ctx, input).total)
    const filter = proxyFilterSql(input)
    counted.push(
      (
        f.ctx.sqlite
          .prepare(`SELECT count(*) AS n FROM proxies p ${filter.where}`)
          .get(...filter.params) as { n: number }
      ).n,
    )
  }
  return { listed, counted }
}

/** The counts are right now, and right again when asked a second time (from the cache). */
function expectTotalsRight(): number[] {
  const first = totals()
  expect(first.listed).toEqual(first.counted)
  expect(totals().listed).toEqual(first.counted)
  return first.counted
}

function someId(where = ''): number {
  return f.count(`SELECT min(id) FROM proxies ${where}`)
}

describe('proxies:list total after writes', () => {
  it('follows every path that writes proxies or their accounts', async () => {
    let before = expectTotalsRight()
    const moved = () => {
      const now = expectTotalsRight()
      expect(now).not.toEqual(before)
      before = now
    }

    f.proxy(acme, { host: '10.1.0.200', country: 'US' })
    moved()
    await call(f.ctx, 'proxies:create', {
      providerId: acme,
      protocol: 'socks5',
      host: '10.1.0.201',
      port: 1080,
    })
    moved()
    removeProxies(f.ctx, [someId("WHERE host = '10.1.0.200'")])
    moved()
    setProxiesStatus(f.ctx, [someId(), someId('WHERE id > 3')], 'error')
    moved()
    await call(f.ctx, 'proxies:update', { id: someId("WHERE status = 'error'"), status: 'active' })
    moved()

    const { importId } = await call(f.ctx, 'import:preview', {
      source: 'text',
      text: '10.1.0.220:8080\n10.1.0.221:8080\n10.1.0.222:8080',
    })
    await call(f.ctx, 'import:commit', { importId, providerId: acme })
    moved()

    // A check recorded the way runs and the monitor record them: the proxy is tested now.
    recordExit(f, someId('WHERE last_tested_at IS NULL'), '203.0.113.9')
    moved()

    // An account takes the last slot of a one-slot proxy: it has no room now.
    const oneSlot = someId('WHERE max_accounts = 1 AND account_count = 0')
    assignAccount(f.ctx, f.account(model), oneSlot, { reason: 'manual', actor: 'operator' })
    moved()
  })

  it('sees another connection commit (data_version)', () => {
    const before = expectTotalsRight()
    const other = new Database(f.ctx.sqlite.name)
    try {
      other.pragma('busy_timeout = 5000')
      other.prepare("UPDATE proxies SET status = 'inactive' WHERE id = ?").run(someId())
    } finally {
      other.close()
    }
    expect(expectTotalsRight()).not.toEqual(before)
  })

  it('keeps no count seen inside a transaction that rolled back', () => {
    const before = expectTotalsRight()
    const all = proxyListInput.parse({})
    expect(() =>
      f.ctx.sqlite.transaction(() => {
        f.proxy(acme, { host: '10.1.0.250', country: 'US' })
        expect(listProxies(f.ctx, all).total).toBe((before[0] as number) + 1)
        throw new Error('roll back')
      })(),
    ).toThrow('roll back')
    expect(expectTotalsRight()).toEqual(before)
  })
})
