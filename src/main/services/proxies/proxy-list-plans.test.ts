import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  proxyListInput,
  type ProxyListInput,
  type ProxySortColumn,
} from '../../../shared/contracts/proxies'
import { createFixture, type Fixture } from '../../../../test/support/fixture'
import { assignAccount } from '../assignment/moves'
import { listProxies, proxyFilterSql, setProxiesStatus } from '.'
import { pageRead, proxyPageSql, type PageRead } from './proxy-list'
import { PROXY_DTO_FROM } from './proxy-rows'

let f: Fixture
let providers: number[] = []

// 240 proxies with ties and NULLs in every sorted column, three providers, three statuses, some
// accounts: enough that a wrong tie-break or NULL placement shows.
beforeAll(async () => {
  f = await createFixture()
  providers = [f.provider('Mid', 300), f.provider('Alpha', 200), f.provider('Zulu', 900)]
  const models = [f.model('M1'), f.model('M2')]
  const ids: number[] = []
  for (let i = 0; i < 240; i++) {
    ids.push(
      f.proxy(providers[i % 3] as number, {
        host: `10.0.${i % 7}.${i % 11}`,
        protocol: (['http', 'https', 'socks4', 'socks5'] as const)[i % 4],
        country: i % 5 === 0 ? null : (['US', 'DE', 'FR'] as const)[i % 3],
        expiresAt: i % 4 === 0 ? null : f.clock.now() + 86_400_000 * (1 + (i % 9)),
      }),
    )
  }
  const lastCheck = f.ctx.sqlite.prepare(
    'UPDATE proxies SET last_tested_at = ?, response_time_ms = ? WHERE id = ?',
  )
  ids.forEach((id, i) =>
    lastCheck.run(i % 6 === 0 ? null : 500 * (i % 13), i % 8 === 0 ? null : 40 * (i % 17), id),
  )
  setProxiesStatus(
    f.ctx,
    ids.filter((_, i) => i % 5 === 1),
    'error',
  )
  setProxiesStatus(
    f.ctx,
    ids.filter((_, i) => i % 7 === 2),
    'inactive',
  )
  ids.forEach((id, i) => {
    if (i % 4 === 3 && i % 5 !== 1 && i % 7 !== 2) {
      assignAccount(f.ctx, f.account(models[i % 2] as number), id, {
        reason: 'manual',
        actor: 'operator',
      })
    }
  })
})

afterAll(async () => {
  await f.dispose()
})

/** The ORDER BY terms of proxies:list before its sorts were served by indexes: the order kept. */
const orderBefore: Record<ProxySortColumn, string> = {
  id: 'p.id',
  host: 'p.host',
  port: 'p.port',
  protocol: 'p.protocol',
  status: 'p.status',
  provider: 'pp.name',
  country: 'p.country',
  location: 'p.location',
  model: 'm.name',
  accountCount: 'p.account_count',
  freeSlots: '(p.max_accounts - p.account_count)',
  monthlyCost: 'coalesce(p.monthly_cost_override_cents, pp.monthly_cost_per_proxy_cents)',
  expiresAt: 'p.expires_at',
  lastTestedAt: 'p.last_tested_at',
  responseTimeMs: 'p.response_time_ms',
  createdAt: 'p.created_at',
  updatedAt: 'p.updated_at',
}

/** Sorts with an index that yields their order; the table offers these. */
const indexedSorts: ProxySortColumn[] = [
  'id',
  'host',
  'status',
  'protocol',
  'provider',
  'country',
  'accountCount',
  'expiresAt',
  'lastTestedAt',
  'responseTimeMs',
]

const usualFilters = (): Record<string, unknown>[] => [
  {},
  { status: 'active' },
  { country: 'US' },
  { providerId: providers[0] },
  { hasFreeSlots: true },
  { status: 'active', country: 'US', hasFreeSlots: true },
  { search: '10.0.3' },
  { lastCheck: 'passed' },
]

function input(fields: Record<string, unknown>): ProxyListInput {
  return proxyListInput.parse(fields)
}

function plan(sql: string, params: unknown[]): string[] {
  return (
    f.ctx.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]
  ).map((step) => step.detail)
}

function pageIds(query: ProxyListInput, read: PageRead): number[] {
  const page = proxyPageSql(query, null, read)
  return (f.ctx.sqlite.prepare(page.sql).all(...page.params) as { id: number }[]).map((r) => r.id)
}

/** The page as the list ordered it before: today's filters, the old ORDER BY, id tie-break. */
function pageBefore(query: ProxyListInput): number[] {
  const filter = proxyFilterSql(query)
  const dir = query.sortDir === 'desc' ? 'DESC' : 'ASC'
  const order =
    query.sortBy === 'id' ? `p.id ${dir}` : `${orderBefore[query.sortBy]} ${dir}, p.id ${dir}`
  return (
    f.ctx.sqlite
      .prepare(
        `SELECT p.id FROM ${PROXY_DTO_FROM} ${filter.where} ORDER BY ${order} LIMIT ? OFFSET ?`,
      )
      .all(...filter.params, query.pageSize, (query.page - 1) * query.pageSize) as { id: number }[]
  ).map((r) => r.id)
}

describe('proxies:list query plans', () => {
  it('walks the sort index with the usual filters: no temp b-tree for the ORDER BY', () => {
    for (const sortBy of indexedSorts) {
      for (const sortDir of ['asc', 'desc']) {
        for (const filters of usualFilters()) {
          const query = input({ ...filters, sortBy, sortDir, page: 2, pageSize: 20 })
          const page = proxyPageSql(query, null, 'walk')
          const steps = plan(page.sql, page.params)
          expect(steps.join(' | '), `${sortBy} ${sortDir} ${JSON.stringify(filters)}`).not.toMatch(
            /TEMP B-TREE FOR (RIGHT PART OF )?ORDER BY/,
          )
        }
      }
    }
  })

  it('reads a column the filter pins to one value in id order, through the table', () => {
    const pinned: Record<string, unknown>[] = [
      { status: 'error', sortBy: 'status' },
      { protocol: 'socks5', sortBy: 'protocol', sortDir: 'desc' },
      { country: 'DE', sortBy: 'country' },
      { providerId: providers[2], sortBy: 'provider' },
      { modelId: null, sortBy: 'model' },
    ]
    for (const fields of pinned) {
      const page = proxyPageSql(input(fields), null, 'walk')
      const steps = plan(page.sql, page.params)
      expect(steps.join(' | '), JSON.stringify(fields)).not.toMatch(/TEMP B-TREE/)
      expect(steps[0], JSON.stringify(fields)).toMatch(/^SCAN p|SEARCH pp/)
    }
  })

  it('walks when the matches are dense enough, leaves a sparse filter to the planner', () => {
    const byHost = input({ sortBy: 'host', page: 3, pageSize: 50 })
    expect(pageRead(byHost, 100_000, 100_000)).toBe('walk')
    expect(pageRead(byHost, 6_500, 100_000)).toBe('walk')
    expect(pageRead(byHost, 500, 100_000)).toBe('planner')
    expect(pageRead(input({ sortBy: 'monthlyCost' }), 100_000, 100_000)).toBe('planner')
    // A filter on the sort's own column with several values sits in stretches of its index.
    const statuses = input({ sortBy: 'status', status: ['error', 'inactive'] })
    expect(pageRead(statuses, 50_000, 100_000)).toBe('planner')
  })
})

describe('proxies:list row order', () => {
  it('is the order it was, ties by id and NULLs first ascending, whichever way the page is read', () => {
    const sorts = Object.keys(orderBefore) as ProxySortColumn[]
    const filters = [
      ...usualFilters(),
      { status: ['error', 'inactive'] },
      { status: 'error' },
      { country: 'DE' },
      { modelId: null },
    ]
    for (const sortBy of sorts) {
      for (const sortDir of ['asc', 'desc']) {
        for (const fields of filters) {
          for (const page of [2]) {
            const query = input({ ...fields, sortBy, sortDir, page, pageSize: 25 })
            const expected = pageBefore(query)
            const label = `${sortBy} ${sortDir} p${page} ${JSON.stringify(fields)}`
            expect(pageIds(query, 'walk'), label).toEqual(expected)
            expect(pageIds(query, 'planner'), label).toEqual(expected)
            expect(
              listProxies(f.ctx, query).items.map((p) => p.id),
              label,
            ).toEqual(expected)
          }
        }
      }
    }
  })

  it('answers an empty page past the last match with the total', () => {
    const total = listProxies(f.ctx, input({ status: 'error' })).total
    const past = listProxies(f.ctx, input({ status: 'error', page: 50, pageSize: 50 }))
    expect(past).toEqual({ items: [], total, page: 50, pageSize: 50 })
  })
})
