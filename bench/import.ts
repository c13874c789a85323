// `npm run bench -- import`: 100,000 `host:port:user:pass` lines previewed and committed through
// the import service (parse, duplicate check, sealing with a real vault, one transaction) on a
// fresh database, over the sqlite3 CLI's `.import` of the same rows into the product's own
// `proxies` table (a fresh migrated database: its constraints, 9 indexes and trigger). Headline
// figure `import_vs_app_table_ms`, goal at most 1.2x. Also printed, per import: peak RSS, the
// longest main-thread stall of preview and of commit, and as information only the CLI's load of a
// plain five-column table and the floor (SQLite's insertion into the app's table plus sealing).
//
// Each service import runs in a fresh child process, so its peak RSS is its own. Runs alternate
// which side goes first, so a busy moment on the machine hits both alike; figures are medians.
// The vault needs a keychain: outside a private keyring session this re-runs itself inside one
// (scripts/keyring-session.mjs); every run's keychain entry is deleted at the end.
import { execFileSync, spawnSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { createContext } from '../src/main/context'
import { openDatabase } from '../src/main/db/connection'
import { deleteVaultKey, openSealWorker } from '../src/main/secrets'
import { commitImport, previewImport } from '../src/main/services/transfer'
import { passwordAad } from '../src/main/services/proxies'
import { createProvider } from '../src/main/services/providers'
import { benchDir, median } from './_context'
import { reportFigure, timed } from './_report'

const LINES = 100_000
const RUNS = 5
const root = join(__dirname, '..')
const tsx = join(root, 'node_modules', '.bin', 'tsx')
const self = process.argv[1] ?? __filename

interface ServiceRun {
  previewMs: number
  commitMs: number
  previewStallMs: number
  commitStallMs: number
  rssBeforeMb: number
  peakRssMb: number
  /** The vault sealing the same 100,000 passwords and nothing else: a floor under any import. */
  sealOnlyMs: number
}

/** Deterministic lines that look like a provider's list: many hosts, long session usernames. */
function generateLines(): { text: string; csv: string } {
  let seed = 7
  const rand = (n: number) => {
    seed = (seed * 48_271) % 2_147_483_647
    return seed % n
  }
  const alphabet = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'
  const lines: string[] = []
  const rows: string[] = []
  for (let i = 0; i < LINES; i++) {
    const host = `10.${rand(256)}.${rand(256)}.${1 + rand(254)}`
    const port = 1024 + rand(60_000)
    const user = `user-${i}-country-us-session-${rand(1_000_000)}`
    let pass = ''
    for (let c = 0; c < 16; c++) pass += alphabet[rand(alphabet.length)]
    lines.push(`${host}:${port}:${user}:${pass}`)
    rows.push(`http,${host},${port},${user},${pass}`)
  }
  return { text: lines.join('\n'), csv: `${rows.join('\n')}\n` }
}

function elapsedMs(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e6
}

/** sqlite3 CLI: `.import` of the CSV into a fresh table with the same columns. */
function sqliteImport(dir: string, csvFile: string, run: number): number {
  const file = join(dir, `baseline-${run}.sqlite`)
  execFileSync('sqlite3', [
    file,
    'CREATE TABLE proxies (protocol TEXT, host TEXT, port INTEGER, username TEXT, password TEXT)',
  ])
  const started = process.hrtime.bigint()
  execFileSync('sqlite3', [file, '.mode csv', `.import ${csvFile} proxies`])
  const ms = elapsedMs(started)
  const count = execFileSync('sqlite3', [file, 'SELECT count(*) FROM proxies']).toString().trim()
  if (Number(count) !== LINES) throw new Error(`sqlite3 imported ${count} rows, not ${LINES}`)
  return ms
}

/** The same CLI import into the app's proxies table (its 9 indexes, CHECKs and trigger). */
function sqliteImportIntoAppSchema(dir: string, csvFile: string, run: number): number {
  const file = join(dir, `baseline-schema-${run}.sqlite`)
  const opened = openDatabase({ file })
  opened.sqlite.prepare("INSERT INTO proxy_providers (name) VALUES ('Bench')").run()
  opened.close()
  const started = process.hrtime.bigint()
  execFileSync('sqlite3', [
    file,
    'CREATE TEMP TABLE rows (protocol TEXT, host TEXT, port INTEGER, username TEXT, password TEXT)',
    '.mode csv',
    `.import ${csvFile} rows`,
    `INSERT INTO proxies (provider_id, protocol, host, port, username, password_encrypted)
       SELECT 1, protocol, host, port, username, password FROM rows`,
  ])
  return elapsedMs(started)
}

/** The child: one import through the service on a fresh context, figures as JSON on stdout. */
async function serviceImport(textFile: string, dataDir: string): Promise<ServiceRun> {
  const text = readFileSync(textFile, 'utf8')
  const keychainService = `ProxyDeck-bench-${randomUUID()}`
  const ctx = await createContext({ dataDir, runtime: 'node', version: 'bench', keychainService })
  // The histogram records a stall when its timer next fires: let it fire before reading.
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20))
  try {
    if (ctx.vault.status.status !== 'available') {
      throw new Error(`The bench needs a keychain: ${ctx.vault.status.message ?? ''}`)
    }
    // The import falls back to sealing on main when the worker cannot start: make sure it can.
    const probe = await openSealWorker(ctx.vault)
    if (!probe) throw new Error('The seal worker does not start under tsx.')
    probe.close()
    const providerId = createProvider(ctx, { name: 'Bench', monthlyCostPerProxyCents: 0 }).id
    const rssBeforeMb = process.memoryUsage().rss / 2 ** 20
    const stall = monitorEventLoopDelay({ resolution: 5 })
    stall.enable()
    await settle()
    stall.reset()
    const preview = await timed(() =>
      previewImport(ctx, {
        source: 'text',
        text,
        format: 'auto',
        defaultProtocol: 'http',
        pageSize: 50,
      }),
    )
    await settle()
    const previewStallMs = stall.max / 1e6
    stall.reset()
    const commit = await timed(() =>
      commitImport(ctx, { importId: preview.result.importId, providerId, duplicates: 'skip' }),
    )
    await settle()
    const commitStallMs = stall.max / 1e6
    stall.disable()
    if (preview.result.counts.new !== LINES || commit.result.inserted !== LINES) {
      throw new Error(`expected ${LINES} new rows, got ${JSON.stringify(commit.result)}`)
    }
    // Measured after the import (so its peak RSS is the import's own): the passwords of the same
    // lines, sealed for the ids the import gave them, with no parsing and no database.
    const passwords = text.split('\n').map((line) => line.slice(line.lastIndexOf(':') + 1))
    const seal = await timed(() => {
      passwords.forEach((password, i) => ctx.vault.encrypt(password, passwordAad(i + 1)))
    })
    return {
      sealOnlyMs: seal.ms,
      previewMs: preview.ms,
      commitMs: commit.ms,
      previewStallMs,
      commitStallMs,
      rssBeforeMb,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    }
  } finally {
    ctx.close()
    await deleteVaultKey(keychainService)
  }
}

function runChild(textFile: string, dataDir: string): ServiceRun {
  const child = spawnSync(tsx, [self, '--child', textFile, dataDir], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1024 * 1024,
  })
  if (child.status !== 0) throw new Error(`the import run failed (exit ${child.status})`)
  return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '') as ServiceRun
}

function main(): void {
  const { dir, cleanup } = benchDir('import')
  try {
    const { text, csv } = generateLines()
    const textFile = join(dir, 'lines.txt')
    const csvFile = join(dir, 'rows.csv')
    writeFileSync(textFile, text)
    writeFileSync(csvFile, csv)
    const baselines: number[] = []
    const schemaBaselines: number[] = []
    const runs: ServiceRun[] = []
    // Interleaved and alternating, so a busy moment on the machine hits every side alike.
    for (let run = 0; run < RUNS; run++) {
      const service = () => runs.push(runChild(textFile, join(dir, `service-${run}`)))
      const cli = () => {
        baselines.push(sqliteImport(dir, csvFile, run))
        schemaBaselines.push(sqliteImportIntoAppSchema(dir, csvFile, run))
      }
      if (run % 2 === 0) {
        service()
        cli()
      } else {
        cli()
        service()
      }
    }
    const pick = (f: (r: ServiceRun) => number) => Math.round(median(runs.map(f)))
    const total = runs.map((r) => r.previewMs + r.commitMs)
    console.log(`lines: ${LINES.toLocaleString('en')}, runs: ${RUNS} (medians)`)
    console.log(
      `service: ${Math.round(median(total))} ms = preview ${pick((r) => r.previewMs)} ms ` +
        `+ commit ${pick((r) => r.commitMs)} ms (encryption, then the write, both yielding)`,
    )
    console.log(
      `longest main-thread stall: preview ${pick((r) => r.previewStallMs)} ms, ` +
        `commit ${pick((r) => r.commitStallMs)} ms (the COMMIT: fsync and WAL checkpoint)`,
    )
    console.log(
      `peak RSS of an import process: ${pick((r) => r.peakRssMb)} MB ` +
        `(${pick((r) => r.rssBeforeMb)} MB before the import, input text loaded)`,
    )
    // Information only: a plain five-column table is not the app's table (issue 12).
    console.log(
      `sqlite3 .import into a plain five-column table: ${Math.round(median(baselines))} ms ` +
        `(service ${(median(total) / median(baselines)).toFixed(2)}x; information only)`,
    )
    console.log(
      `sqlite3 .import into the app's proxies table: ${Math.round(median(schemaBaselines))} ms`,
    )
    // What no import can go under on this machine, with nothing parsed in JS: SQLite's insertion
    // of the rows into the app's table (the CLI's load there minus its load of the plain table,
    // which is the CSV reading both share) plus sealing the passwords alone.
    const insertOnly = median(schemaBaselines) - median(baselines)
    const floor = insertOnly + median(runs.map((r) => r.sealOnlyMs))
    console.log(
      `floor: SQLite inserting the rows into the app's table ${Math.round(insertOnly)} ms + ` +
        `sealing the passwords alone ${pick((r) => r.sealOnlyMs)} ms = ${Math.round(floor)} ms ` +
        `= ${(floor / median(schemaBaselines)).toFixed(2)}x the app-table baseline`,
    )
    reportFigure({
      name: 'import_vs_app_table_ms',
      value: median(total),
      baseline: median(schemaBaselines),
      goal: { op: '<=', ratio: 1.2 },
    })
  } finally {
    cleanup()
  }
}

if (process.argv[2] === '--child') {
  serviceImport(process.argv[3] ?? '', process.argv[4] ?? '')
    .then((run) => console.log(JSON.stringify(run)))
    .catch((error: unknown) => {
      console.error(error)
      process.exit(1)
    })
} else if (process.platform === 'linux' && !process.env.PROXYDECK_TEST_KEYRING) {
  const session = join(root, 'scripts', 'keyring-session.mjs')
  const run = spawnSync(process.execPath, [session, tsx, self], { stdio: 'inherit', cwd: root })
  process.exit(run.status ?? 1)
} else {
  main()
}
