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
import { createContext, type AppContext } from '../src/main/context'
import { openDatabase } from '../src/main/db/connection'
import { deleteVaultKey, openSealWorker, type SealWorker } from '../src/main/secrets'
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
  /** The vault sealing the same 100,000 passwords on main and nothing else (information). */
  sealOnlyMs: number
  /** Preview, then commit with every password sealed beforehand (sealing free): the floor. */
  freePreviewMs: number
  freeCommitMs: number
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
    const stall = monitorEventLoopDelay({ resolution: 1 })
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
    // Measured after the import, so its peak RSS is the import's own.
    const peakRssMb = process.resourceUsage().maxRSS / 1024
    // The passwords of the same lines, sealed for the ids the import gave them, with no parsing
    // and no database.
    const passwords = text.split('\n').map((line) => line.slice(line.lastIndexOf(':') + 1))
    const seal = await timed(() =>
      passwords.map((password, i) => ctx.vault.encrypt(password, passwordAad(i + 1))),
    )
    const free = await importWithSealingFree(
      ctx,
      text,
      `${dataDir}-floor`,
      keychainService,
      seal.result,
    )
    return {
      sealOnlyMs: seal.ms,
      previewMs: preview.ms,
      commitMs: commit.ms,
      previewStallMs,
      commitStallMs,
      rssBeforeMb,
      peakRssMb,
      ...free,
    }
  } finally {
    ctx.close()
    await deleteVaultKey(keychainService)
  }
}

/**
 * The floor under the service: the same import on another fresh database, with the commit's
 * sealer handing back the passwords sealed beforehand (by the same key, for the same ids 1..N).
 * What remains is parsing, duplicate checks, planning, the inserts and the COMMIT.
 */
async function importWithSealingFree(
  ctx: AppContext,
  text: string,
  dataDir: string,
  keychainService: string,
  sealed: string[],
): Promise<Pick<ServiceRun, 'freePreviewMs' | 'freeCommitMs'>> {
  const floorCtx = await createContext({
    dataDir,
    runtime: 'node',
    version: 'bench',
    keychainService,
  })
  try {
    const byAad = new Map(sealed.map((text, i) => [passwordAad(i + 1), text]))
    const ready: SealWorker = {
      seal: (plaintexts, aads) =>
        Promise.resolve(
          aads.map((aad, i) => (plaintexts[i] === null ? null : (byAad.get(aad) ?? null))),
        ),
      close: () => undefined,
    }
    const providerId = createProvider(floorCtx, { name: 'Bench', monthlyCostPerProxyCents: 0 }).id
    const preview = await timed(() =>
      previewImport(floorCtx, {
        source: 'text',
        text,
        format: 'auto',
        defaultProtocol: 'http',
        pageSize: 50,
      }),
    )
    const commit = await timed(() =>
      commitImport(
        floorCtx,
        { importId: preview.result.importId, providerId, duplicates: 'skip' },
        undefined,
        { openSealer: () => Promise.resolve(ready) },
      ),
    )
    if (commit.result.inserted !== LINES) throw new Error('the floor import stored too few rows')
    // The same key opens what was stored: the floor stored real rows.
    const row = floorCtx.sqlite
      .prepare('SELECT id, password_encrypted FROM proxies ORDER BY id DESC LIMIT 1')
      .get() as { id: number; password_encrypted: string }
    if (
      ctx.vault.decrypt(row.password_encrypted, passwordAad(row.id)) !==
      text.slice(text.lastIndexOf(':') + 1)
    ) {
      throw new Error('the floor import stored passwords that do not open')
    }
    return { freePreviewMs: preview.ms, freeCommitMs: commit.ms }
  } finally {
    floorCtx.close()
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

async function main(): Promise<void> {
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
        `+ commit ${pick((r) => r.commitMs)} ms (the write, with the passwords sealed on a ` +
        'worker thread meanwhile)',
    )
    console.log(
      `longest main-thread stall: preview ${pick((r) => r.previewStallMs)} ms, ` +
        `commit ${pick((r) => r.commitStallMs)} ms (the COMMIT's fsync and WAL checkpoint, or ` +
        'the machine being busy)',
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
    // What this service cannot go under, whatever the worker does: the same import with every
    // password sealed beforehand. And, as information, SQLite's own insertion into the app's
    // table (the CLI's load there minus its load of the plain table: the CSV reading both share)
    // and sealing alone on main.
    const floor = median(runs.map((r) => r.freePreviewMs + r.freeCommitMs))
    console.log(
      `floor (sealing free): preview ${pick((r) => r.freePreviewMs)} ms + commit ` +
        `${pick((r) => r.freeCommitMs)} ms = ${Math.round(floor)} ms = ` +
        `${(floor / median(schemaBaselines)).toFixed(2)}x the app-table baseline`,
    )
    const insertOnly = median(schemaBaselines) - median(baselines)
    console.log(
      `information: SQLite inserting the rows into the app's table ${Math.round(insertOnly)} ms; ` +
        `sealing the passwords alone on main ${pick((r) => r.sealOnlyMs)} ms`,
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
  // The renderer's side (bench/_import-ui.ts); loaded here only, not in each import child.
  await (await import('./_import-ui')).runImportUiBench()
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
