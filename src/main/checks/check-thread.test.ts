import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  serverGroup,
  startJudge,
  startMicrosocks,
  startTarpit,
  startTinyproxy,
  testPki,
  type RunningJudge,
  type RunningServer,
} from '../../../test/fixtures'
import { createChecker, type Checker } from './checker'
import { checkWorkerProgram, openCheckThread } from './check-thread'
import { openGeo, type GeoLookup } from './geo'
import type { CheckOptions, CheckTarget } from './types'

// The checker on its own thread against the same real servers as checker.test.ts: the same
// results as on main (the place added by main from the exit IP), cancels and closes that end
// checks at once, and a thread that cannot start or dies that never costs a verdict.
const USER = 'threaduser'
const PASS = 'Thr3ad-pass'
// A public address the bundled database places (Google's resolver: US), reported by the judge.
const EXIT = '8.8.8.8'

const built = resolve('out/main/check-worker.js')

const servers = serverGroup()
let tinyproxy: RunningServer
let microsocks: RunningServer
let tarpit: RunningServer
let judge: RunningJudge
let geo: GeoLookup
let thread: Checker

beforeAll(async () => {
  ;[tinyproxy, microsocks, judge, tarpit] = await Promise.all([
    startTinyproxy({ user: USER, pass: PASS }).then(servers.add),
    startMicrosocks({ user: USER, pass: PASS }).then(servers.add),
    startJudge({ reportAddress: () => EXIT }).then(servers.add),
    startTarpit('silent').then(servers.add),
  ])
  geo = await openGeo()
  const opened = await openCheckThread({ geo, ca: testPki().ca })
  if (!opened) throw new Error('the check thread did not start')
  thread = opened
}, 60_000)

afterAll(async () => {
  thread?.close()
  await servers.stopAll()
})

const target = (protocol: CheckTarget['protocol'], port: number): CheckTarget => ({
  protocol,
  remoteDns: false,
  host: '127.0.0.1',
  port,
  username: USER,
  password: PASS,
})
const options = (extra: Partial<CheckOptions> = {}): CheckOptions => ({
  timeoutMs: 5_000,
  judges: [judge.url('/get')],
  askJudgesDirectly: false,
  ...extra,
})

describe('the check thread', () => {
  it('gives what the checker on main gives, the exit place included', async () => {
    const local = createChecker({ geo })
    try {
      for (const proxy of [target('http', tinyproxy.port), target('socks5', microsocks.port)]) {
        const [there, here] = await Promise.all([
          thread.check(proxy, options()),
          local.check(proxy, options()),
        ])
        expect(there.ok, there.errorMessage ?? '').toBe(true)
        const comparable = (r: typeof there) => ({ ...r, connectMs: 0, ttfbMs: 0, totalMs: 0 })
        expect(comparable(there)).toEqual(comparable(here))
        expect(there).toMatchObject({ exitIp: EXIT, country: 'US', judge: judge.url('/get') })
        // The fixture's tinyproxy adds no header (test/fixtures): elite; SOCKS cannot add any.
        expect(there.anonymity).toBe(proxy.protocol === 'http' ? 'elite' : 'not_applicable')
      }
    } finally {
      local.close()
    }
  })

  it('runs many checks at once and answers each its own', async () => {
    const proxies = [target('http', tinyproxy.port), target('socks5', microsocks.port)]
    const wrong = { ...target('socks5', microsocks.port), password: 'not-it' }
    const results = await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        thread.check(i % 3 === 2 ? wrong : (proxies[i % 3] as CheckTarget), options()),
      ),
    )
    results.forEach((result, i) => {
      if (i % 3 === 2) expect(result).toMatchObject({ ok: false, errorCode: 'auth_failed' })
      else expect(result, result.errorMessage ?? '').toMatchObject({ ok: true, exitIp: EXIT })
    })
  })

  it('ends the checks listening on an aborted signal at once, and only those', async () => {
    const controller = new AbortController()
    const silent = { ...target('http', tarpit.port), username: null, password: null }
    const started = Date.now()
    const cancelled = thread.check(
      silent,
      options({ timeoutMs: 20_000, signal: controller.signal }),
    )
    const other = thread.check(silent, options({ timeoutMs: 1_500 }))
    setTimeout(() => controller.abort(), 200)
    const result = await cancelled
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(result).toMatchObject({ ok: false, errorCode: 'timeout' })
    expect(result.errorMessage).toMatch(/check cancelled/)
    // The other one ran to its own deadline.
    expect((await other).errorMessage).toMatch(/no answer within 1500 ms/)
    // A signal already fired when the check is asked for ends it before it starts.
    const late = await thread.check(
      silent,
      options({ timeoutMs: 20_000, signal: controller.signal }),
    )
    expect(late.errorMessage).toMatch(/check cancelled/)
  })

  it('ends the checks in flight as cancelled on close; later checks run on main', async () => {
    const own = await openCheckThread({ geo })
    expect(own).not.toBeNull()
    const silent = { ...target('http', tarpit.port), username: null, password: null }
    const inFlight = own!.check(silent, options({ timeoutMs: 30_000 }))
    await new Promise((resolve) => setTimeout(resolve, 200))
    own!.close()
    expect((await inFlight).errorMessage).toMatch(/check cancelled/)
    const after = await own!.check(target('http', tinyproxy.port), options())
    expect(after).toMatchObject({ ok: true, exitIp: EXIT, country: 'US' })
  })

  it('is not used when it cannot start: the caller checks on main', async () => {
    const broken = { source: 'throw new Error("no such thread")', eval: true }
    expect(await openCheckThread({ geo, program: broken })).toBeNull()
    const silent = { source: 'setInterval(() => {}, 1000)', eval: true }
    expect(await openCheckThread({ geo, program: silent, startTimeoutMs: 300 })).toBeNull()
  })

  it('checks again on main what a thread that died was holding', async () => {
    // Says it is ready, then dies on the first batch of checks it gets.
    const dying = {
      source: `const { parentPort } = require('node:worker_threads')
        parentPort.on('message', () => process.exit(3))
        parentPort.postMessage({ type: 'ready' })`,
      eval: true,
    }
    const own = await openCheckThread({ geo, program: dying })
    expect(own).not.toBeNull()
    const results = await Promise.all([
      own!.check(target('http', tinyproxy.port), options()),
      own!.check(target('socks5', microsocks.port), options()),
    ])
    for (const result of results) expect(result).toMatchObject({ ok: true, exitIp: EXIT })
    own!.close()
  })

  it('finds its program next to the built entry, or runs the source through tsx', () => {
    expect(checkWorkerProgram(__dirname)).toMatchObject({ eval: true })
    expect(checkWorkerProgram(__dirname)?.source).toContain('check-worker.ts')
    expect(checkWorkerProgram('/nonexistent')).toBeNull()
  })

  // `npm test` builds first (scripts/run-tests.mjs); run alone, build with `npm run build`.
  it.skipIf(!existsSync(built))('the built program (out/main) is found and checks', async () => {
    // The app's main code is bundled into out/main/chunks: the program is one folder up.
    expect(checkWorkerProgram(resolve('out/main/chunks'))).toEqual({ source: built, eval: false })
    const own = await openCheckThread({ geo, program: { source: built, eval: false } })
    expect(own).not.toBeNull()
    try {
      const result = await own!.check(target('socks5', microsocks.port), options())
      expect(result, result.errorMessage ?? '').toMatchObject({ ok: true, country: 'US' })
    } finally {
      own!.close()
    }
  })
})
