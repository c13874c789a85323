// `npm run bench -- assign`: assignments:auto through the service on 10,000 waiting accounts
// (40 models) and 4,000 empty proxies, beside a raw better-sqlite3 transaction doing the same
// UPDATEs and history INSERTs (the same plan, precomputed). Goal: at most 2x the raw baseline.
import { join } from 'node:path'
import { autoAssign } from '../src/main/services/assignment/auto-assign'
import { benchDir, cloneDb, median, openBenchDb } from './_context'
import { reportFigure } from './_report'

const MODELS = 40
const PROXIES = 4_000
const ACCOUNTS = 10_000
const RUNS = 5

const { dir, cleanup } = benchDir('assign')
try {
  const seedFile = join(dir, 'seed.sqlite')
  const seed = openBenchDb(seedFile)
  const now = Date.now()
  seed.opened.sqlite.transaction(() => {
    const sqlite = seed.opened.sqlite
    sqlite
      .prepare(
        `INSERT INTO proxy_providers (name, monthly_cost_per_proxy_cents) VALUES ('Bench', 300)`,
      )
      .run()
    const model = sqlite.prepare('INSERT INTO models (name) VALUES (?)')
    for (let m = 1; m <= MODELS; m++) model.run(`Model ${m}`)
    const proxy = sqlite.prepare(
      `INSERT INTO proxies (provider_id, protocol, host, port, username, created_at, updated_at)
       VALUES (1, 'http', 'gw.bench.example', 8000, ?, ?, ?)`,
    )
    for (let p = 0; p < PROXIES; p++) proxy.run(`session-${p}`, now, now)
    const account = sqlite.prepare(
      `INSERT INTO accounts (model_id, platform, username, created_at, updated_at) VALUES (?, 'instagram', ?, ?, ?)`,
    )
    // Models interleaved, as accounts arrive in the real world.
    for (let a = 0; a < ACCOUNTS; a++) account.run((a % MODELS) + 1, `acct${a}`, now, now)
  })()
  seed.close()

  const serviceMs: number[] = []
  const rawMs: number[] = []
  let assigned = 0
  for (let run = 0; run < RUNS; run++) {
    // Service: the whole assignments:auto path, plan and writes, in its one transaction.
    const serviceFile = join(dir, `service-${run}.sqlite`)
    cloneDb(seedFile, serviceFile)
    const service = openBenchDb(serviceFile)
    const started = process.hrtime.bigint()
    const result = autoAssign(service.ctx)
    serviceMs.push(Number(process.hrtime.bigint() - started) / 1e6)
    assigned = result.assigned.length
    const placements = service.opened.sqlite
      .prepare('SELECT id, proxy_id FROM accounts ORDER BY id')
      .all() as { id: number; proxy_id: number | null }[]
    service.close()

    // Baseline: the same UPDATEs and INSERTs, plan known in advance, one raw transaction.
    const rawFile = join(dir, `raw-${run}.sqlite`)
    cloneDb(seedFile, rawFile)
    const raw = openBenchDb(rawFile)
    const sqlite = raw.opened.sqlite
    const plan = result.assigned
    const rawStarted = process.hrtime.bigint()
    const update = sqlite.prepare('UPDATE accounts SET proxy_id = ?, updated_at = ? WHERE id = ?')
    const insert = sqlite.prepare(
      `INSERT INTO proxy_assignment_history (proxy_id, account_id, model_id, action, reason, assigned_by, created_at)
       VALUES (?, ?, ?, 'assigned', 'automatic', 'system', ?)`,
    )
    const at = Date.now()
    sqlite.transaction(() => {
      for (const step of plan) {
        update.run(step.proxyId, at, step.accountId)
        insert.run(step.proxyId, step.accountId, step.modelId, at)
      }
    })()
    rawMs.push(Number(process.hrtime.bigint() - rawStarted) / 1e6)
    const rawPlacements = sqlite.prepare('SELECT id, proxy_id FROM accounts ORDER BY id').all()
    raw.close()
    if (JSON.stringify(rawPlacements) !== JSON.stringify(placements)) {
      throw new Error('The baseline did not reproduce the service result; the comparison is void.')
    }
  }

  console.log(
    `assign: ${ACCOUNTS} accounts, ${MODELS} models, ${PROXIES} proxies; ${assigned} assigned per run; ` +
      `${RUNS} runs, medians. service runs: ${serviceMs.map((ms) => ms.toFixed(1)).join(', ')} ms; ` +
      `raw runs: ${rawMs.map((ms) => ms.toFixed(1)).join(', ')} ms`,
  )
  reportFigure({
    name: 'assign_ms',
    value: median(serviceMs),
    baseline: median(rawMs),
    goal: { op: '<=', ratio: 2 },
  })
} finally {
  cleanup()
}
