// `npm run bench -- check`: proxy checks as the product runs them (the check service's bulk runner:
// bounded concurrency, passwords opened by the real vault per check, results written in batched
// transactions with retention, progress events), through real tinyproxy and microsocks on loopback
// to a loopback judge.
//
// (a) Live throughput, check_vs_raw: 2,000 checks at concurrency 64 (median of nine alternating
//     reps). The two stored proxies (HTTP with Basic auth, SOCKS5 with user/pass) are each
//     checked 1,000 times in one run: the runner is handed the stored rows directly, since 2,000
//     distinct stored proxies would need 2,000 proxy servers. Baseline in the same reps: a
//     minimal `node:net` client of the bench's own (_raw-check.ts) through the same two proxies,
//     64 at a time, a new connection per check, reading the judge's whole answer: the real limit
//     of a check in Node on this machine. Goal: runner rate >= 0.75 x raw rate. Plain undici GETs
//     to the judge without a proxy are logged for information only. The judge runs in this
//     process (on main's thread), for the runner and the raw client alike. The runner checks on
//     its own thread (src/main/checks/check-thread.ts) as the product does; the raw client is
//     one thread. The same runner with its checks on main's thread (`checkThread: false`) is
//     logged, so what the thread gives is seen apart from the rest.
//     Exit profile: every check does what the product does on success: the geo lookup of the exit
//     IP and the anonymity level. The judge is a plain-http header echo (`/get`, one request gives
//     exit IP + headers, as a header-echo IP judge does in the product) that reports a random
//     public address per request, so each lookup is a real one (distinct exits, beyond the
//     lookup cache). The same runs, interleaved, on a second context built with
//     `exitProfile: false` (no geo lookup, no header parsing) give check_profile_cost, goal >= 0.9.
// (b) Slow but live, check_slow_misclassified: 2,000 checks at concurrency 256, timeout 5 s, to a
//     judge that holds every tenth answer back 1.5-2 s. Value: live checks reported failed;
//     baseline: how many answers were held back; goal <= 0 (not one slow proxy called dead).
// (c) Dead sweep: 1,000 stored proxies pointing at a silent tarpit, timeout 2 s, concurrency 256,
//     through `proxies:test`'s own path; goal: total <= 1.15 x ceil(N/C) x T.
//
// The vault needs a keychain: outside a private keyring session this re-runs itself inside one
// (scripts/keyring-session.mjs), with a throwaway keychain entry deleted at the end.
import { spawnSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { Client } from 'undici'
import { createContext, type AppContext } from '../src/main/context'
import { classifyAnonymity } from '../src/main/checks/anonymity'
import { createChecker } from '../src/main/checks/checker'
import { createGeoDatabases } from '../src/main/checks/geo-databases'
import { isPublicIp } from '../src/main/checks/ip-ranges'
import { parseJudgeAnswer } from '../src/main/checks/judge-answer'
import { createOwnAddresses } from '../src/main/checks/own-addresses'
import { targetsByIds } from '../src/main/checks/run-targets'
import type { CheckTarget } from '../src/main/checks/types'
import { deleteVaultKey } from '../src/main/secrets'
import { createProvider } from '../src/main/services/providers'
import { insertProxyRows } from '../src/main/services/proxies'
import { writeSettings } from '../src/main/services/settings'
import type { CheckProgress } from '../src/shared/contracts/checks'
import {
  serverGroup,
  startJudge,
  startMicrosocks,
  startTarpit,
  startTinyproxy,
} from '../test/fixtures'
import { benchDir, median } from './_context'
import { rawRate, type RawProxy } from './_raw-check'
import { reportFigure } from './_report'

const CHECKS = 2_000
const CONCURRENCY = 64
// Nine alternating reps: single reps on this shared machine swing by a third, and the exit
// profile's cost (a few per cent) must show through that.
const REPS = 9
const SLOW_CHECKS = 2_000
const SLOW_CONCURRENCY = 256
const SLOW_TIMEOUT_MS = 5_000
const DEAD = 1_000
const DEAD_CONCURRENCY = 256
const DEAD_TIMEOUT_MS = 2_000
const USER = 'bench-user'
const PASS = 'bench-Pa55-word'
const root = join(__dirname, '..')

if (process.platform === 'linux' && !process.env.PROXYDECK_TEST_KEYRING) {
  const tsx = join(root, 'node_modules', '.bin', 'tsx')
  const session = join(root, 'scripts', 'keyring-session.mjs')
  const run = spawnSync(process.execPath, [session, tsx, process.argv[1] ?? __filename], {
    stdio: 'inherit',
    cwd: root,
  })
  process.exit(run.status ?? 1)
}

function seconds(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e9
}

/** One run of the product's runner over `ids` repeated to `count` targets; checks per second. */
async function runnerRate(ctx: AppContext, ids: number[], count: number): Promise<number> {
  const stored = targetsByIds(ctx, ids)
  const targets = Array.from({ length: count }, (_, i) => stored[i % stored.length]!)
  const started = process.hrtime.bigint()
  const run = await ctx.checks.launch(targets, 'operator')
  const { counts } = await run.report
  const elapsed = seconds(started)
  if (counts.ok !== count)
    throw new Error(`expected ${count} passing checks: ${JSON.stringify(counts)}`)
  return count / elapsed
}

/**
 * The checker alone (no runner: no vault, no recording, no events), exit profile off, over the
 * same proxies at the same concurrency: with the runner's bare rate it splits the gap to the raw
 * client into the checker's share and the runner's.
 */
async function checkerRate(
  targets: CheckTarget[],
  judgeUrl: string,
  count: number,
): Promise<number> {
  const checker = createChecker({ exitProfile: false })
  let next = 0
  const started = process.hrtime.bigint()
  const worker = async (): Promise<void> => {
    while (next < count) {
      const target = targets[next++ % targets.length] as CheckTarget
      const result = await checker.check(target, {
        timeoutMs: 10_000,
        judges: [judgeUrl],
        askJudgesDirectly: false,
      })
      if (!result.ok) throw new Error(`checker alone: ${result.errorMessage ?? result.errorCode}`)
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
  const rate = count / seconds(started)
  checker.close()
  return rate
}

/** A random public IPv4 address: the exit a judge reports, so every geo lookup is a real one. */
function randomPublicIp(): string {
  for (;;) {
    const n = Math.floor(Math.random() * 2 ** 32)
    const ip = [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.')
    if (isPublicIp(ip)) return ip
  }
}

/**
 * The exit profile's own work per check, alone (no network, so no noise from it): geo lookup of a
 * new public exit + reading the echoed headers + classifying, against the same answer parsed for
 * its IP only. Microseconds per check, for the log next to the end-to-end figure.
 */
async function profileWorkUs(ctx: AppContext): Promise<{ on: number; off: number }> {
  const geo = createGeoDatabases(() => ctx.sqlite, undefined)
  await geo.ready()
  const own = createOwnAddresses()
  const N = 20_000
  const bodies = Array.from({ length: N }, () =>
    JSON.stringify({
      origin: randomPublicIp(),
      headers: {
        host: '127.0.0.1:40000',
        connection: 'close',
        'user-agent': 'ProxyDeck-check/1',
        accept: 'application/json, text/plain;q=0.9, */*;q=0.5',
        'accept-encoding': 'identity',
      },
    }),
  )
  let sink = 0
  const time = (work: (body: string) => void): number => {
    const started = process.hrtime.bigint()
    for (const body of bodies) work(body)
    return Number(process.hrtime.bigint() - started) / 1e3 / N
  }
  const off = (body: string): void => {
    sink += parseJudgeAnswer(body, false).ip?.length ?? 0
  }
  const on = (body: string): void => {
    const answer = parseJudgeAnswer(body, true)
    const place = geo.lookup.lookup(answer.ip ?? '')
    const level = answer.headers ? classifyAnonymity(answer.headers, answer.ip, own.has) : null
    sink += (place.asn ?? 0) + (level?.length ?? 0)
  }
  time(off)
  const offUs = time(off)
  const onUs = time(on) // new addresses: every lookup misses the cache
  if (sink < 0) console.log(sink)
  return { on: onUs, off: offUs }
}

/** A context with its own database and keychain entry, both proxies stored, judges set. */
async function benchContext(
  dir: string,
  keychainService: string,
  exitProfile: boolean,
  judgeUrl: string,
  ports: { tinyproxy: number; microsocks: number },
  checkThread = true,
): Promise<{ ctx: AppContext; providerId: number; live: number[] }> {
  const ctx = await createContext({
    dataDir: dir,
    runtime: 'node',
    version: 'bench',
    keychainService,
    exitProfile,
    checkThread,
  })
  if (ctx.vault.status.status !== 'available') {
    ctx.close()
    throw new Error(`The bench needs a keychain: ${ctx.vault.status.message ?? ''}`)
  }
  writeSettings(ctx.sqlite, {
    judges: [judgeUrl],
    anonymityJudge: null,
    checkConcurrency: CONCURRENCY,
    checkTimeoutMs: 10_000,
  })
  const providerId = createProvider(ctx, { name: 'Bench', monthlyCostPerProxyCents: 0 }).id
  const live = insertProxyRows(ctx, [
    {
      providerId,
      protocol: 'http',
      host: '127.0.0.1',
      port: ports.tinyproxy,
      username: USER,
      password: PASS,
    },
    {
      providerId,
      protocol: 'socks5',
      host: '127.0.0.1',
      port: ports.microsocks,
      username: USER,
      password: PASS,
    },
  ])
  return { ctx, providerId, live }
}

/** Plain undici GETs to the judge, no proxy, 64 at a time, a new connection each. */
async function directRate(judgeUrl: string, count: number): Promise<number> {
  const url = new URL(judgeUrl)
  let next = 0
  const started = process.hrtime.bigint()
  const worker = async (): Promise<void> => {
    while (next < count) {
      next += 1
      const client = new Client(url.origin)
      const response = await client.request({ path: url.pathname, method: 'GET' })
      await response.body.text()
      if (response.statusCode !== 200) throw new Error(`judge answered ${response.statusCode}`)
      await client.close()
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
  return count / seconds(started)
}

/** One run of the runner against the slow judge; live checks that did not pass. */
async function slowMisclassified(ctx: AppContext, ids: number[]): Promise<number> {
  const stored = targetsByIds(ctx, ids)
  const targets = Array.from({ length: SLOW_CHECKS }, (_, i) => stored[i % stored.length]!)
  const run = await ctx.checks.launch(targets, 'operator')
  const { counts } = await run.report
  if (counts.ok !== SLOW_CHECKS) console.log(`slow mix: ${JSON.stringify(counts)}`)
  return SLOW_CHECKS - counts.ok
}

async function main(): Promise<void> {
  const servers = serverGroup()
  const { dir, cleanup } = benchDir('check')
  const keychainService = `ProxyDeck-bench-${randomUUID()}`
  const bareKeychainService = `ProxyDeck-bench-${randomUUID()}`
  const bareDir = join(dir, 'bare')
  const mainKeychainService = `ProxyDeck-bench-${randomUUID()}`
  const mainDir = join(dir, 'main-thread')
  let ctx: AppContext | undefined
  let bare: AppContext | undefined
  let mainCtx: AppContext | undefined
  try {
    let answered = 0
    const [tinyproxy, microsocks, judge, slowJudge, tarpit] = await Promise.all([
      startTinyproxy({ user: USER, pass: PASS }).then(servers.add),
      startMicrosocks({ user: USER, pass: PASS }).then(servers.add),
      startJudge({ reportAddress: randomPublicIp }).then(servers.add),
      startJudge({
        reportAddress: randomPublicIp,
        // Every tenth answer, so the mix is exactly 10 % slow whatever the order of arrival.
        delayMs: () => (++answered % 10 === 0 ? 1_500 + Math.random() * 500 : 0),
      }).then(servers.add),
      startTarpit('silent').then(servers.add),
    ])
    const judgeUrl = judge.url('/get')
    const ports = { tinyproxy: tinyproxy.port, microsocks: microsocks.port }
    const rawProxies: RawProxy[] = [
      { kind: 'http', port: tinyproxy.port, user: USER, pass: PASS },
      { kind: 'socks5', port: microsocks.port, user: USER, pass: PASS },
    ]
    const rawJudge = { host: '127.0.0.1', port: judge.port, path: '/get' }
    const raw = (count: number): Promise<number> =>
      rawRate(rawProxies, rawJudge, count, CONCURRENCY)
    const profiled = await benchContext(dir, keychainService, true, judgeUrl, ports)
    ctx = profiled.ctx
    const { providerId, live } = profiled
    const plain = await benchContext(bareDir, bareKeychainService, false, judgeUrl, ports)
    bare = plain.ctx

    // (a) Warm up (JIT, geo, first connections), then timed runs alternating with the raw
    // baseline; the median of the reps each, since other work on the machine moves single runs.
    await runnerRate(ctx, live, 1_000)
    await runnerRate(bare, plain.live, 1_000)
    await raw(1_000)
    await directRate(judgeUrl, 1_000)
    const profile = ctx.sqlite
      .prepare(
        'SELECT protocol, exit_ip, exit_timezone, exit_asn, exit_org, anonymity FROM proxies WHERE id IN (?, ?)',
      )
      .all(...live)
    console.log(`exit profile after the warm-up: ${JSON.stringify(profile)}`)
    const proxiedRuns: number[] = []
    const bareRuns: number[] = []
    const rawRuns: number[] = []
    // CPU of this process per check (user + system, the in-process judge included for both):
    // less moved by other work on the machine than the rates are.
    const runnerCpu: number[] = []
    const rawCpu: number[] = []
    const cpuOf = async (into: number[], run: () => Promise<number>): Promise<number> => {
      const before = process.cpuUsage()
      const rate = await run()
      const used = process.cpuUsage(before)
      into.push((used.user + used.system) / 1000 / CHECKS)
      return rate
    }
    const directRuns: number[] = []
    // Alternating, the order flipped every rep, so no side always runs after another.
    for (let rep = 0; rep < REPS; rep++) {
      const runner = ctx
      const proxiedRun = (): Promise<number> =>
        cpuOf(runnerCpu, () => runnerRate(runner, live, CHECKS))
      const rawRun = (): Promise<number> => cpuOf(rawCpu, () => raw(CHECKS))
      if (rep % 2 === 0) {
        proxiedRuns.push(await proxiedRun())
        rawRuns.push(await rawRun())
        bareRuns.push(await runnerRate(bare, plain.live, CHECKS))
      } else {
        bareRuns.push(await runnerRate(bare, plain.live, CHECKS))
        rawRuns.push(await rawRun())
        proxiedRuns.push(await proxiedRun())
      }
      if (rep % 3 === 0) directRuns.push(await directRate(judgeUrl, CHECKS))
    }
    const work = await profileWorkUs(ctx)
    const alone: CheckTarget[] = rawProxies.map((proxy) => ({
      protocol: proxy.kind,
      remoteDns: false,
      host: '127.0.0.1',
      port: proxy.port,
      username: proxy.user,
      password: proxy.pass,
    }))
    const aloneRuns: number[] = []
    for (let rep = 0; rep < 3; rep++) aloneRuns.push(await checkerRate(alone, judgeUrl, CHECKS))
    // The product's runner with its checks kept on main's thread (checkThread: false): what the
    // check thread gives, for the log.
    const onMain = await benchContext(mainDir, mainKeychainService, true, judgeUrl, ports, false)
    mainCtx = onMain.ctx
    const mainRuns: number[] = []
    await runnerRate(mainCtx, onMain.live, 1_000)
    for (let rep = 0; rep < 3; rep++) mainRuns.push(await runnerRate(mainCtx, onMain.live, CHECKS))
    const proxied = median(proxiedRuns)
    const bareRate = median(bareRuns)
    const rawMedian = median(rawRuns)
    const direct = median(directRuns)
    const list = (runs: number[]): string => runs.map((r) => r.toFixed(0)).join(', ')
    console.log(
      `live: runner ${list(proxiedRuns)} checks/s with the exit profile, ${list(bareRuns)} ` +
        `without; raw node:net client ${list(rawRuns)}/s`,
    )
    const pairs = proxiedRuns.map((rate, i) => (rate / (rawRuns[i] as number)).toFixed(2))
    console.log(`runner / raw per rep (same rep, back to back): ${pairs.join(', ')}`)
    console.log(
      `CPU of this process per check (median): runner ${median(runnerCpu).toFixed(3)} ms, ` +
        `raw client ${median(rawCpu).toFixed(3)} ms (the in-process judge in both)`,
    )
    const aloneRate = median(aloneRuns)
    console.log(
      `floor split: the checker alone on main's thread (exit profile off, no runner) ${list(aloneRuns)}/s = ` +
        `${(aloneRate / rawMedian).toFixed(2)} of the raw client; the runner with the exit profile off ` +
        `${(bareRate / aloneRate).toFixed(2)} of the checker alone; the exit profile ` +
        `${(proxied / bareRate).toFixed(2)} of the runner without it`,
    )
    console.log(
      `the runner with its checks on main's thread (checkThread: false): ${list(mainRuns)}/s = ` +
        `${(median(mainRuns) / rawMedian).toFixed(2)} of the raw client (the check thread: ` +
        `${(proxied / median(mainRuns)).toFixed(2)}x)`,
    )
    console.log(
      `information: undici direct to the judge, no proxy: ${list(directRuns)}/s ` +
        `(check_vs_direct ${(proxied / direct).toFixed(2)})`,
    )
    console.log(
      `exit profile work alone: ${work.on.toFixed(1)} µs per check with it, ${work.off.toFixed(1)} µs ` +
        `without (${(((work.on - work.off) * proxied) / 1e4).toFixed(2)} % of a core at ${proxied.toFixed(0)} checks/s)`,
    )
    const onOff = proxiedRuns.map((rate, i) => (rate / (bareRuns[i] as number)).toFixed(2))
    console.log(`exit profile on/off per rep (same rep, back to back): ${onOff.join(', ')}`)

    // (b) Slow but live: the product's runner, concurrency 256, timeout 5 s.
    writeSettings(ctx.sqlite, {
      judges: [slowJudge.url('/get')],
      checkConcurrency: SLOW_CONCURRENCY,
      checkTimeoutMs: SLOW_TIMEOUT_MS,
    })
    const slowStarted = process.hrtime.bigint()
    const misclassified = await slowMisclassified(ctx, live)
    const slowCount = slowJudge.delayed()
    console.log(
      `slow mix: ${SLOW_CHECKS} checks, ${slowCount} answered after 1.5-2 s, ` +
        `${misclassified} reported failed, in ${seconds(slowStarted).toFixed(2)} s`,
    )

    // (c) Dead sweep through proxies:test's own path.
    writeSettings(ctx.sqlite, {
      checkConcurrency: DEAD_CONCURRENCY,
      checkTimeoutMs: DEAD_TIMEOUT_MS,
    })
    const dead = insertProxyRows(
      ctx,
      Array.from({ length: DEAD }, (_, i) => ({
        providerId,
        protocol: 'http' as const,
        host: '127.0.0.1',
        port: tarpit.port,
        username: `dead-${i}`,
        password: PASS,
      })),
    )
    const events = ctx.events
    const started = process.hrtime.bigint()
    const { runId } = await ctx.checks.test({ ids: dead })
    const last = await new Promise<CheckProgress>((resolve) => {
      const stop = events.subscribe((event, payload) => {
        const progress = payload as CheckProgress
        if (event === 'checks:progress' && progress.runId === runId && progress.finished) {
          stop()
          resolve(progress)
        }
      })
    })
    const sweep = seconds(started)
    if (last.failed !== DEAD) throw new Error(`expected ${DEAD} timeouts: ${JSON.stringify(last)}`)
    const bound = Math.ceil(DEAD / DEAD_CONCURRENCY) * (DEAD_TIMEOUT_MS / 1000)
    console.log(
      `dead sweep: ${DEAD} proxies in ${sweep.toFixed(2)} s (tarpit saw ${tarpit.connections()} connections)`,
    )

    reportFigure({
      name: 'check_vs_raw',
      value: proxied,
      baseline: rawMedian,
      goal: { op: '>=', ratio: 0.75 },
    })
    reportFigure({
      name: 'check_profile_cost',
      value: proxied,
      baseline: bareRate,
      goal: { op: '>=', ratio: 0.9 },
    })
    reportFigure({
      name: 'check_slow_misclassified',
      value: misclassified,
      baseline: slowCount,
      goal: { op: '<=', ratio: 0 },
    })
    reportFigure({
      name: 'dead_sweep_s',
      value: sweep,
      baseline: bound,
      goal: { op: '<=', ratio: 1.15 },
    })
  } finally {
    ctx?.close()
    bare?.close()
    mainCtx?.close()
    await deleteVaultKey(keychainService).catch(() => {})
    await deleteVaultKey(bareKeychainService).catch(() => {})
    await deleteVaultKey(mainKeychainService).catch(() => {})
    await servers.stopAll()
    cleanup()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
