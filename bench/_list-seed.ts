// Seeds the `list` benchmark's databases: 20 providers, 40 models, and per 100,000 proxies 30,000
// accounts auto-assigned. The rows come from one SQL statement each (a recursive CTE walking a
// fixed-seed Lehmer sequence, every field a hash of its step), so seeding costs what SQLite's
// inserts cost, and every slice has the same mix: the 500,000-proxy database is the 100,000 one
// with four more slices.
import type { BenchDb } from './_context'
import { autoAssign } from '../src/main/services/assignment/auto-assign'

const PROVIDERS = 20
const MODELS = 40
/** Accounts per proxy seeded: 30,000 per 100,000 (auto-assign fills the lowest ids first). */
const ACCOUNT_SHARE = 0.3
const MODULUS = 2_147_483_647

/** Field k of step r: another Lehmer multiplier over the same state, so fields do not correlate. */
const field = (k: number, n: number) =>
  `(((r * ${[16_807, 69_621, 39_373, 40_692, 40_014, 48_271, 62_089_911, 7_742_931, 1_583_458_089, 784_588_716][k]}) % ${MODULUS}) % ${n})`

/** The same mix as before: 6 active : 1 inactive : 1 error, 10 % never tested, and so on. */
const PROXY_ROWS = `
  WITH RECURSIVE seq(i, r) AS (
    SELECT CAST(? AS INTEGER), CAST(? AS INTEGER) UNION ALL SELECT i + 1, (r * 48271) % ${MODULUS} FROM seq WHERE i + 1 < ?
  )
  INSERT INTO proxies (provider_id, protocol, host, port, username, country, location, status,
    tags, notes, last_tested_at, response_time_ms, monthly_cost_override_cents, created_at, updated_at)
  SELECT 1 + ${field(0, PROVIDERS)},
    CASE ${field(1, 4)} WHEN 0 THEN 'http' WHEN 1 THEN 'https' WHEN 2 THEN 'socks4' ELSE 'socks5' END,
    '10.' || ${field(2, 256)} || '.' || ${field(3, 256)} || '.' || ${field(4, 256)},
    1024 + ${field(5, 60000)}, 'user-' || i, country, country || '-City' || ${field(7, 50)},
    CASE ${field(8, 8)} WHEN 6 THEN 'inactive' WHEN 7 THEN 'error' ELSE 'active' END,
    CASE WHEN ${field(9, 4)} = 0 THEN '["residential","fast"]' ELSE '["datacenter"]' END,
    CASE WHEN r % 20 = 0 THEN 'batch ' || (r / 20 % 100) ELSE NULL END,
    CASE WHEN r / 7 % 10 = 0 THEN NULL ELSE :now - r / 3 % 86400000 END,
    CASE WHEN r / 11 % 10 = 0 THEN NULL ELSE 50 + r / 13 % 3000 END,
    CASE WHEN r / 17 % 8 = 0 THEN 999 ELSE NULL END,
    :now - r / 19 % 1000000000, :now
  FROM (SELECT i, r, CASE ${field(6, 10)} WHEN 0 THEN 'US' WHEN 1 THEN 'DE' WHEN 2 THEN 'GB'
    WHEN 3 THEN 'FR' WHEN 4 THEN 'NL' WHEN 5 THEN 'CA' WHEN 6 THEN 'BR' WHEN 7 THEN 'JP'
    WHEN 8 THEN 'IN' ELSE 'PL' END AS country FROM seq)`

const ACCOUNT_ROWS = `
  WITH RECURSIVE seq(i) AS (SELECT CAST(? AS INTEGER) UNION ALL SELECT i + 1 FROM seq WHERE i + 1 < ?)
  INSERT INTO accounts (model_id, platform, username, created_at, updated_at)
  SELECT 1 + (i * 2654435761) % ${MODULUS} % ${MODELS}, 'tiktok', 'acct' || i, :now, :now FROM seq`

export interface ListSeeder {
  /** Adds `proxies` proxies and their share of accounts (one transaction), then auto-assigns. */
  grow(proxies: number): void
}

export function listSeeder(db: BenchDb): ListSeeder {
  const sqlite = db.opened.sqlite
  const now = Date.now()
  let proxiesSeeded = 0
  let accountsSeeded = 0
  let state = 42
  sqlite.transaction(() => {
    const provider = sqlite.prepare(
      'INSERT INTO proxy_providers (name, monthly_cost_per_proxy_cents) VALUES (?, ?)',
    )
    for (let p = 1; p <= PROVIDERS; p++) provider.run(`Provider ${p}`, 100 + p * 25)
    const model = sqlite.prepare('INSERT INTO models (name) VALUES (?)')
    for (let m = 1; m <= MODELS; m++) model.run(`Model ${m}`)
  })()
  const proxies = sqlite.prepare(PROXY_ROWS)
  const accounts = sqlite.prepare(ACCOUNT_ROWS)
  return {
    grow(count) {
      if (count < 1) return
      // A page cache that holds the indexes while they grow; the app's default again afterwards.
      const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number
      sqlite.pragma('cache_size = -262144')
      sqlite.transaction(() => {
        proxies.run(proxiesSeeded, state, proxiesSeeded + count, { now })
        // r * 48271 stays below 2^53: plain numbers step the sequence exactly.
        for (let step = 0; step < count; step++) state = (state * 48_271) % MODULUS
        proxiesSeeded += count
        const target = Math.round(proxiesSeeded * ACCOUNT_SHARE)
        if (target > accountsSeeded) accounts.run(accountsSeeded, target, { now })
        accountsSeeded = target
      })()
      autoAssign(db.ctx)
      sqlite.pragma('optimize')
      sqlite.pragma(`cache_size = ${cacheSize}`)
    },
  }
}
