// `npm run bench -- list`: seven typical pages of proxies:list (page 3 of 50; filtered by status,
// country, free slots, provider or a search; sorted by id, host, status, response time or last
// test) on 100,000 and on 500,000 proxies (30 % as many accounts, auto-assigned). Seeded once:
// the 500,000-proxy database is the 100,000 one, copied, plus four more slices of the same mix.
// - list_page_ms: the service's page (count + page + DTO mapping) over the raw SELECT the service
//   runs for it (same SQL, same plan), at 100,000 proxies. The count is the one the service
//   remembers until the next write (services/proxies/proxy-count.ts): paging and re-sorting a view
//   ask for it again. Goal: at most 1.3x.
// - list_scale_ratio: the service's page at 500,000 proxies over the same page at 100,000.
//   Goal: at most 5 (linear in the rows or better).
// list_page_ms is the view with the median ratio, list_scale_ratio the worst view; each view's
// figures and plan and the first view after a write (the count taken afresh, which reads every
// match) are printed.
import { join } from 'node:path'
import type { z } from 'zod'
import type { ProxyListInput } from '../src/shared/contracts/proxies'
import { proxyListInput } from '../src/shared/contracts/proxies'
import { listProxies } from '../src/main/services/proxies'
import { pageRead, proxyPageSql } from '../src/main/services/proxies/proxy-list'
import { benchDir, median, openBenchDb, type BenchDb } from './_context'
import { reportFigure } from './_report'
import { listSeeder } from './_list-seed'

const SMALL = 100_000
const LARGE = 500_000
const RUNS = 41
const COLD_RUNS = 5

const views: { label: string; input: z.input<typeof proxyListInput> }[] = [
  {
    label: 'status=active country=US free slots, by response time',
    input: { status: 'active', country: 'US', hasFreeSlots: true, sortBy: 'responseTimeMs' },
  },
  { label: 'all, by id (the default view)', input: { sortBy: 'id' } },
  { label: 'all, by host', input: { sortBy: 'host' } },
  {
    label: 'status=active, by last tested desc',
    input: { status: 'active', sortBy: 'lastTestedAt', sortDir: 'desc' },
  },
  {
    label: 'provider 3, by response time desc',
    input: { providerId: 3, sortBy: 'responseTimeMs', sortDir: 'desc' },
  },
  { label: 'status=error, by status', input: { status: 'error', sortBy: 'status' } },
  { label: 'search "batch 7", by host', input: { search: 'batch 7', sortBy: 'host' } },
]

function timeMs(fn: () => unknown): number {
  const started = process.hrtime.bigint()
  fn()
  return Number(process.hrtime.bigint() - started) / 1e6
}

/** The raw page: the very SELECT the service runs for this input on this database. */
function rawPage(db: BenchDb, input: ProxyListInput) {
  const { total } = listProxies(db.ctx, input)
  const rows = listProxies(db.ctx, proxyListInput.parse({ pageSize: 1 })).total
  const page = proxyPageSql(input, null, pageRead(input, total, rows))
  const statement = db.opened.sqlite.prepare(page.sql)
  const plan = (
    db.opened.sqlite.prepare(`EXPLAIN QUERY PLAN ${page.sql}`).all(...page.params) as {
      detail: string
    }[]
  ).map((step) => step.detail)
  return { run: () => statement.all(...page.params) as { id: number }[], plan, total }
}

/** A write no view depends on: the next count is taken afresh. */
function touch(db: BenchDb): void {
  db.opened.sqlite.prepare('UPDATE proxy_providers SET name = name WHERE id = 1').run()
}

interface Figures {
  service: number
  raw: number
  cold: number
}

/**
 * Medians of RUNS service and raw pages on each database, all four interleaved (the order turning
 * each run) so a busy spell of the machine lands on every series alike; then COLD_RUNS first views
 * after a write on each.
 */
function measure(pairs: { db: BenchDb; raw: () => unknown }[], input: ProxyListInput): Figures[] {
  const samples = pairs.map(() => ({ service: [] as number[], raw: [] as number[] }))
  for (let run = 0; run < RUNS; run++) {
    for (let k = 0; k < pairs.length; k++) {
      const at = (k + run) % pairs.length
      const { db, raw } = pairs[at] as (typeof pairs)[number]
      const sample = samples[at] as (typeof samples)[number]
      if (run % 2) sample.raw.push(timeMs(raw))
      sample.service.push(timeMs(() => listProxies(db.ctx, input)))
      if (!(run % 2)) sample.raw.push(timeMs(raw))
    }
  }
  const cold = pairs.map(() => [] as number[])
  for (let run = 0; run < COLD_RUNS; run++) {
    pairs.forEach(({ db }, at) => {
      touch(db)
      cold[at]?.push(timeMs(() => listProxies(db.ctx, input)))
    })
  }
  return samples.map((sample, at) => ({
    service: median(sample.service),
    raw: median(sample.raw),
    cold: median(cold[at] as number[]),
  }))
}

const fmt = (n: number) => n.toFixed(2)

const { dir, cleanup } = benchDir('list')
const dbs: BenchDb[] = []
try {
  const started = Date.now()
  // Seeded once: the large database grows from the small one's contents, copied on the way.
  const large = openBenchDb(join(dir, 'large.sqlite'))
  dbs.push(large)
  const seeder = listSeeder(large)
  seeder.grow(SMALL)
  large.opened.sqlite.exec(`VACUUM INTO '${join(dir, 'small.sqlite')}'`)
  seeder.grow(LARGE - SMALL)
  const small = openBenchDb(join(dir, 'small.sqlite'))
  dbs.push(small)
  const seededS = (Date.now() - started) / 1000
  console.log(
    `list: ${SMALL} and ${LARGE} proxies (${SMALL * 0.3} and ${LARGE * 0.3} accounts auto-assigned), ` +
      `seeded in ${seededS.toFixed(1)} s; page 3 of 50 per view; ${RUNS} runs, medians.`,
  )

  const rows: { label: string; small: Figures; large: Figures }[] = []
  for (const view of views) {
    const input = proxyListInput.parse({ page: 3, pageSize: 50, ...view.input })
    const pairs = [small, large].map((db) => {
      const raw = rawPage(db, input)
      const service = listProxies(db.ctx, input)
      const same =
        JSON.stringify(service.items.map((p) => p.id)) ===
        JSON.stringify(raw.run().map((r) => r.id))
      if (!same) throw new Error(`${view.label}: the service page differs from the raw page.`)
      return { db, raw }
    })
    const [sf, lf] = measure(
      pairs.map(({ db, raw }) => ({ db, raw: raw.run })),
      input,
    ) as [Figures, Figures]
    const [s, l] = pairs.map((pair, at) => ({ raw: pair.raw, figures: at ? lf : sf })) as [
      { raw: ReturnType<typeof rawPage>; figures: Figures },
      { raw: ReturnType<typeof rawPage>; figures: Figures },
    ]
    rows.push({ label: view.label, small: s.figures, large: l.figures })
    console.log(
      `  ${view.label}: ${s.raw.total} / ${l.raw.total} matches; plan ${s.raw.plan[0]}` +
        `${s.raw.plan.some((step) => step.includes('TEMP B-TREE')) ? ' + TEMP B-TREE sort' : ''}\n` +
        `    100k: service ${fmt(s.figures.service)} ms, raw ${fmt(s.figures.raw)} ms ` +
        `(x${fmt(s.figures.service / s.figures.raw)}), after a write ${fmt(s.figures.cold)} ms; ` +
        `500k: service ${fmt(l.figures.service)} ms (x${fmt(l.figures.service / s.figures.service)} of 100k), ` +
        `after a write ${fmt(l.figures.cold)} ms (x${fmt(l.figures.cold / s.figures.cold)})`,
    )
  }

  // list_page_ms is the view with the median ratio: the service adds a fixed ~0.1 ms to pages of
  // 1-2 ms, where one busy spell of the machine moves a view's ratio by more than that. The scale
  // figure is the worst view: linearity must hold for every one. Both print the other.
  type Row = (typeof rows)[number]
  const report = (
    name: string,
    pick: 'median' | 'worst',
    ratio: (row: Row) => number,
    of: (row: Row) => [number, number],
  ) => {
    const sorted = [...rows].sort((a, b) => ratio(a) - ratio(b))
    const mid = sorted[Math.floor(sorted.length / 2)] as Row
    const worst = sorted[sorted.length - 1] as Row
    console.log(
      `${name} (${pick} view): median view "${mid.label}" x${fmt(ratio(mid))}; ` +
        `worst view "${worst.label}" x${fmt(ratio(worst))}`,
    )
    const [value, baseline] = of(pick === 'median' ? mid : worst)
    return { value, baseline }
  }
  const page = report(
    'list_page_ms',
    'median',
    (row) => row.small.service / row.small.raw,
    (row) => [row.small.service, row.small.raw],
  )
  reportFigure({ name: 'list_page_ms', ...page, goal: { op: '<=', ratio: 1.3 } })
  const scale = report(
    'list_scale_ratio',
    'worst',
    (row) => row.large.service / row.small.service,
    (row) => [row.large.service, row.small.service],
  )
  const cold = rows.map((row) => row.large.cold / row.small.cold)
  console.log(
    `  first view after a write (count taken afresh), 500k over 100k: median x${fmt(median(cold))}, ` +
      `worst x${fmt(Math.max(...cold))}`,
  )
  reportFigure({ name: 'list_scale_ratio', ...scale, goal: { op: '<=', ratio: 5 } })
} finally {
  for (const db of dbs) db.close()
  cleanup()
}
