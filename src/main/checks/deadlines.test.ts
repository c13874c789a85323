import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  serverGroup,
  startJudge,
  startMicrosocks,
  startTarpit,
  startTinyproxy,
  testPki,
  type RunningJudge,
  type RunningServer,
  type RunningTarpit,
  type TarpitMode,
} from '../../../test/fixtures'
import { createChecker, type Checker } from './checker'
import type { CheckResult, CheckTarget } from './types'

// The bound: every check ends by its timeout plus at most one second, whatever the proxy
// does. Short timeouts keep the suite quick; the bound is the same.
const TIMEOUT = 1_500
const BOUND = TIMEOUT + 1_000

const servers = serverGroup()
const tarpits = new Map<TarpitMode, RunningTarpit>()
let httpJudge: RunningJudge
let httpsJudge: RunningJudge
let tinyproxy: RunningServer
let microsocks: RunningServer
let checker: Checker

beforeAll(async () => {
  const modes: TarpitMode[] = ['silent', 'stall-after-connect', 'drip', 'garbage', 'hangup']
  for (const mode of modes) tarpits.set(mode, servers.add(await startTarpit(mode)))
  ;[httpJudge, httpsJudge, tinyproxy, microsocks] = await Promise.all([
    startJudge().then(servers.add),
    startJudge({ https: true }).then(servers.add),
    startTinyproxy().then(servers.add),
    startMicrosocks().then(servers.add),
  ])
  checker = createChecker({ ca: testPki().ca })
})

afterAll(() => servers.stopAll())

const via = (protocol: CheckTarget['protocol'], port: number): CheckTarget => ({
  protocol,
  remoteDns: false,
  host: '127.0.0.1',
  port,
  username: 'someone',
  password: 'something',
})

/** Every protocol path: CONNECT, forwarded HTTP, SOCKS5 (plain and TLS inside), SOCKS4. */
function paths(port: number): Array<[string, CheckTarget, string]> {
  return [
    ['HTTP proxy, https judge', via('http', port), httpsJudge.url()],
    ['HTTP proxy, http judge', via('http', port), httpJudge.url()],
    ['SOCKS5, https judge', via('socks5', port), httpsJudge.url()],
    ['SOCKS5, http judge', via('socks5', port), httpJudge.url()],
    ['SOCKS4, http judge', via('socks4', port), httpJudge.url()],
  ]
}

async function timed(target: CheckTarget, judge: string): Promise<[CheckResult, number]> {
  const started = performance.now()
  const result = await checker.check(target, { timeoutMs: TIMEOUT, judges: [judge, judge] })
  return [result, performance.now() - started]
}

describe('deadlines hold whatever the proxy does', () => {
  it.each(['silent', 'stall-after-connect', 'drip'] as const)(
    'a %s tarpit times out within the bound on every protocol',
    async (mode) => {
      const tarpit = tarpits.get(mode)!
      const outcomes = await Promise.all(
        paths(tarpit.port).map(async ([name, target, judge]) => ({
          name,
          outcome: await timed(target, judge),
        })),
      )
      for (const { name, outcome } of outcomes) {
        const [result, wall] = outcome
        expect({ name, code: result.errorCode, ok: result.ok }).toEqual({
          name,
          code: 'timeout',
          ok: false,
        })
        expect(result.connectMs).not.toBeNull() // the tarpit accepted: the stall came after
        expect(result.totalMs).toBeLessThanOrEqual(BOUND)
        expect(wall).toBeLessThanOrEqual(BOUND)
        expect(result.attempts).toHaveLength(1)
      }
      // The deadline really closed the sockets instead of abandoning them.
      await vi.waitFor(() => expect(tarpit.openConnections()).toBe(0), { timeout: 2_000 })
    },
  )

  it.each(['garbage', 'hangup'] as const)(
    'a proxy that answers with %s is protocol_error at once, without retrying',
    async (mode) => {
      const tarpit = tarpits.get(mode)!
      for (const [name, target, judge] of paths(tarpit.port)) {
        const before = tarpit.connections()
        const [result, wall] = await timed(target, judge)
        expect({ name, code: result.errorCode }).toEqual({ name, code: 'protocol_error' })
        expect(wall).toBeLessThan(TIMEOUT)
        // Proxy-side, so the second judge is not tried, and undici did not reconnect in a loop.
        expect(result.attempts).toHaveLength(1)
        expect(tarpit.connections() - before).toBe(1)
      }
    },
  )

  it('a judge that drips its body through a healthy proxy still ends by the deadline', async () => {
    const outcomes = await Promise.all([
      timed(
        { ...via('http', tinyproxy.port), username: null, password: null },
        httpsJudge.url('/drip'),
      ),
      timed(
        { ...via('socks5', microsocks.port), username: null, password: null },
        httpJudge.url('/drip'),
      ),
    ])
    for (const [result, wall] of outcomes) {
      expect(result).toMatchObject({ ok: false, errorCode: 'timeout' })
      expect(result.ttfbMs).not.toBeNull() // headers arrived; only the body dripped
      expect(wall).toBeLessThanOrEqual(BOUND)
    }
  })

  it('many stalled checks at once all end by the deadline', async () => {
    const tarpit = tarpits.get('stall-after-connect')!
    const started = performance.now()
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        checker.check(via(i % 2 ? 'http' : 'socks5', tarpit.port), {
          timeoutMs: 1_000,
          judges: [httpsJudge.url()],
        }),
      ),
    )
    expect(results.every((result) => result.errorCode === 'timeout')).toBe(true)
    expect(performance.now() - started).toBeLessThanOrEqual(2_000)
  })

  it('an abort signal ends a check at once; close() ends every check in flight', async () => {
    const tarpit = tarpits.get('silent')!
    const controller = new AbortController()
    const pending = checker.check(via('socks5', tarpit.port), {
      timeoutMs: 60_000,
      judges: [httpJudge.url()],
      signal: controller.signal,
    })
    await vi.waitFor(() => expect(tarpit.openConnections()).toBeGreaterThan(0))
    controller.abort()
    expect(await pending).toMatchObject({
      ok: false,
      errorCode: 'timeout',
      errorMessage: expect.stringContaining('cancelled'),
    })

    const own = createChecker()
    const inFlight = [
      own.check(via('http', tarpit.port), { timeoutMs: 60_000, judges: [httpJudge.url()] }),
      own.check(via('socks4', tarpit.port), { timeoutMs: 60_000, judges: [httpJudge.url()] }),
    ]
    await vi.waitFor(() => expect(tarpit.openConnections()).toBe(2))
    own.close()
    for (const result of await Promise.all(inFlight)) {
      expect(result.errorMessage).toContain('cancelled')
    }
    await vi.waitFor(() => expect(tarpit.openConnections()).toBe(0))
  })
})
