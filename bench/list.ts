// `npm run bench -- list`: one page of proxies:list, filtered and sorted, over 100,000 proxies,
// through the service (count + page + DTO mapping) beside the raw SELECT of the same page.
// Goal: at most 3x the raw SELECT.
import { join } from 'node:path'
import type { ProxyListInput } from '../src/shared/contracts/proxies'
import { proxyListInput } from '../src/shared/contracts/proxies'
import { autoAssign } from '../src/main/services/assignment/auto-assign'
import { listProxies } from '../src/main/services/proxies'
import { benchDir, median, openBenchDb } from './_context'
import { reportFigure } from './_report'

const PROXIES = 100_000
const PROVIDERS = 20
const MODELS = 40
const ACCOUNTS = 30_000
const RUNS = 31

const countries = ['US', 'DE', 'GB', 'FR', 'NL', 'CA', 'BR', 'JP', 'IN', 'PL']
const protocols = ['http', 'https', 'socks4', 'socks5']
const statuses = ['active', 'active', 'active', 'active', 'active', 'active', 'inactive', 'error']

const { dir, cleanup } = benchDir('list')
const db = openBenchDb(join(dir, 'list.sqlite'))
try {
  const sqlite = db.opened.sqlite
  const now = Date.now()
  let seed = 42
  const rand = (n: number) => {
    seed = (seed * 48_271) % 2_147_483_647
    return seed % n
  }
  sqlite.transaction(() => {
    const provider = sqlite.prepare(
      'INSERT INTO proxy_providers (name, monthly_cost_per_proxy_cents) VALUES (?, ?)',
    )
    for (let p = 1; p <= PROVIDERS; p++) provider.run(`Provider ${p}`, 100 + p * 25)
    const model = sqlite.prepare('INSERT INTO models (name) VALUES (?)')
    for (let m = 1; m <= MODELS; m++) model.run(`Model ${m}`)
    const proxy = sqlite.prepare(
      `INSERT INTO proxies (provider_id, protocol, host, port, username, country, location, status,
         tags, notes, last_tested_at, response_time_ms, monthly_cost_override_cents, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    for (let i = 0; i < PROXIES; i++) {
      const country = countries[rand(countries.length)] as string
      proxy.run(
        1 + rand(PROVIDERS),
        protocols[rand(protocols.length)],
        `10.${rand(256)}.${rand(256)}.${rand(256)}`,
        1_024 + rand(60_000),
        `user-${i}`,
        country,
        `${country}-City${rand(50)}`,
        statuses[rand(statuses.length)],
        JSON.stringify(rand(4) === 0 ? ['residential', 'fast'] : ['datacenter']),
        rand(20) === 0 ? `batch ${rand(100)}` : null,
        rand(10) === 0 ? null : now - rand(86_400_000),
        rand(10) === 0 ? null : 50 + rand(3_000),
        rand(8) === 0 ? 999 : null,
        now - rand(1_000_000_000),
        now,
      )
    }
    const account = sqlite.prepare(
      `INSERT INTO accounts (model_id, platform, username, created_at, updated_at) VALUES (?, 'tiktok', ?, ?, ?)`,
    )
    for (let a = 0; a < ACCOUNTS; a++) account.run(1 + rand(MODELS), `acct${a}`, now, now)
  })()
  autoAssign(db.ctx)
  sqlite.pragma('optimize')

  // Active US proxies with room, fastest first, third page: filters on indexed columns, a sort
  // no index serves, and an offset.
  const input: ProxyListInput = proxyListInput.parse({
    status: 'active',
    country: 'US',
    hasFreeSlots: true,
    sortBy: 'responseTimeMs',
    sortDir: 'asc',
    page: 3,
    pageSize: 50,
  })
  // The raw baseline: the page a developer would write by hand for the same view.
  const rawPage = sqlite.prepare(
    `SELECT p.*, pp.name AS provider_name, m.name AS model_name,
            coalesce(p.monthly_cost_override_cents, pp.monthly_cost_per_proxy_cents) AS monthly_cost_cents
       FROM proxies p
       JOIN proxy_providers pp ON pp.id = p.provider_id
       LEFT JOIN models m ON m.id = p.assigned_model_id
      WHERE p.status = 'active' AND p.country = 'US' AND p.account_count < p.max_accounts
      ORDER BY p.response_time_ms ASC, p.id ASC
      LIMIT 50 OFFSET 100`,
  )

  const service = listProxies(db.ctx, input)
  const raw = rawPage.all() as { id: number }[]
  if (JSON.stringify(service.items.map((p) => p.id)) !== JSON.stringify(raw.map((r) => r.id))) {
    throw new Error('The service page differs from the raw page; the comparison is void.')
  }

  const serviceMs: number[] = []
  const rawMs: number[] = []
  for (let run = 0; run < RUNS; run++) {
    let started = process.hrtime.bigint()
    listProxies(db.ctx, input)
    serviceMs.push(Number(process.hrtime.bigint() - started) / 1e6)
    started = process.hrtime.bigint()
    rawPage.all()
    rawMs.push(Number(process.hrtime.bigint() - started) / 1e6)
  }
  console.log(
    `list: ${PROXIES} proxies, ${ACCOUNTS} accounts assigned; page 3 of ${service.total} matches ` +
      `(status=active, country=US, free slots, by response time); ${RUNS} runs, medians. ` +
      `The service also counts the matches, which the raw page does not.`,
  )
  reportFigure({
    name: 'list_page_ms',
    value: median(serviceMs),
    baseline: median(rawMs),
    goal: { op: '<=', ratio: 3 },
  })
} finally {
  db.close()
  cleanup()
}
