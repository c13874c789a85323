import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  freePort,
  JUDGE_KEYWORD,
  serverGroup,
  startDante,
  startJudge,
  startMicrosocks,
  startSocksRecorder,
  startTinyproxy,
  testPki,
  type RunningJudge,
  type RunningServer,
  type RunningSocksRecorder,
} from '../../../test/fixtures'
import { createChecker, type Checker } from './checker'
import type { CheckTarget } from './types'

const servers = serverGroup()
let tinyproxy: RunningServer
let microsocks: RunningServer
let dante: RunningServer
let recorder: RunningSocksRecorder
let judge: RunningJudge
let plainJudge: RunningJudge
let downJudge: string
let checker: Checker
/** tinyproxy whose upstream proxy is down: it works, but reaches nothing. */
let deadGateway: RunningServer

beforeAll(async () => {
  const deadUpstream = `127.0.0.1:${await freePort()}`
  ;[tinyproxy, microsocks, dante, recorder, judge, plainJudge, deadGateway] = await Promise.all([
    startTinyproxy({ user: 'judgeuser', pass: 'judgepass' }).then(servers.add),
    startMicrosocks().then(servers.add),
    startDante().then(servers.add),
    startSocksRecorder().then(servers.add),
    startJudge({ https: true }).then(servers.add),
    startJudge().then(servers.add),
    startTinyproxy({ user: 'judgeuser', pass: 'judgepass', upstream: deadUpstream }).then(
      servers.add,
    ),
  ])
  downJudge = `https://127.0.0.1:${await freePort()}/`
  checker = createChecker({ ca: testPki().ca })
})

afterAll(() => servers.stopAll())

const at = (
  protocol: CheckTarget['protocol'],
  server: { port: number },
  remoteDns = false,
): CheckTarget => ({
  protocol,
  remoteDns,
  host: '127.0.0.1',
  port: server.port,
  username: protocol === 'http' ? 'judgeuser' : null,
  password: protocol === 'http' ? 'judgepass' : null,
})

describe('judge fallback', () => {
  it.each([
    ['tinyproxy (CONNECT answered 500)', () => at('http', tinyproxy)],
    ['microsocks (SOCKS5 ConnectionRefused)', () => at('socks5', microsocks)],
    ['dante SOCKS4 (0x5B)', () => at('socks4', dante)],
  ])(
    'a dead first judge is judge_failed, not a proxy failure; the second answers (%s)',
    async (_name, target) => {
      const second = judge.url(`/?fallback=${target().port}`)
      const result = await checker.check(target(), {
        timeoutMs: 10_000,
        judges: [downJudge, second],
      })
      expect(result).toMatchObject({
        ok: true,
        errorCode: 'ok',
        exitIp: '127.0.0.1',
        judge: second,
      })
      expect(result.attempts).toHaveLength(2)
      expect(result.attempts[0]).toMatchObject({ judge: downJudge, errorCode: 'judge_failed' })
      expect(result.attempts[1]).toEqual({ judge: second, errorCode: 'ok', errorMessage: null })
    },
  )

  it.each([
    ['answers 503', '/status/503'],
    ['answers a page without an IP', '/not-json'],
    ['answers more than the body cap', '/big'],
  ])('a judge that %s is skipped for the next one', async (_name, path) => {
    const result = await checker.check(at('socks5', microsocks), {
      timeoutMs: 10_000,
      judges: [judge.url(path), judge.url('/')],
    })
    expect(result).toMatchObject({ ok: true, judge: judge.url('/') })
    expect(result.attempts[0]?.errorCode).not.toBe('ok')
  })

  it('when every judge fails on its side the result is judge_failed and not ok', async () => {
    const result = await checker.check(at('http', tinyproxy), {
      timeoutMs: 10_000,
      judges: [downJudge, judge.url('/status/502')],
    })
    expect(result).toMatchObject({ ok: false, errorCode: 'judge_failed', exitIp: null })
    expect(result.attempts.map((attempt) => attempt.errorCode)).toEqual([
      'judge_failed',
      'judge_failed',
    ])
  })

  it('a proxy-side failure is final: the next judge is not asked', async () => {
    const marker = `/?never=${Date.now()}`
    const wrong = { ...at('http', tinyproxy), password: 'not-the-password' }
    const result = await checker.check(wrong, {
      timeoutMs: 10_000,
      judges: [judge.url('/'), judge.url(marker)],
    })
    expect(result).toMatchObject({ ok: false, errorCode: 'auth_failed' })
    expect(result.attempts).toHaveLength(1)
    expect(judge.requests.some((request) => request.path === marker)).toBe(false)
  })

  it('an empty judge list is judge_failed', async () => {
    const result = await checker.check(at('socks5', microsocks), { timeoutMs: 1_000, judges: [] })
    expect(result).toMatchObject({ ok: false, errorCode: 'judge_failed' })
  })
})

describe('a proxy that reaches nothing while the judges are up', () => {
  // Fresh checkers: the direct answers are cached per checker, and these tests count requests.
  it.each([
    ['https judge (CONNECT answered 502)', () => judge],
    ['http judge (forwarded request answered 502)', () => plainJudge],
  ])('is the proxy’s failure, bad_response, not judge_failed (%s)', async (name, server) => {
    const marker = `/?dead-gateway=${encodeURIComponent(name)}`
    const result = await createChecker({ ca: testPki().ca }).check(at('http', deadGateway), {
      timeoutMs: 10_000,
      judges: [server().url(marker)],
    })
    expect(result).toMatchObject({ ok: false, errorCode: 'bad_response', exitIp: null })
    expect(result.errorMessage).toMatch(/could not reach the judge, which answers when asked/)
    expect(result.attempts).toEqual([expect.objectContaining({ errorCode: 'judge_failed' })])
    // The judge was asked exactly once: directly, by the probe, never through the dead gateway.
    expect(server().requests.filter((request) => request.path === marker)).toHaveLength(1)
  })

  it('stays judge_failed without asking anyone when told not to ask the judges directly', async () => {
    const marker = `/?not-asked=${Date.now()}`
    const result = await createChecker({ ca: testPki().ca }).check(at('http', deadGateway), {
      timeoutMs: 10_000,
      judges: [judge.url(marker)],
      askJudgesDirectly: false,
    })
    expect(result).toMatchObject({ ok: false, errorCode: 'judge_failed' })
    expect(judge.requests.filter((request) => request.path === marker)).toHaveLength(0)
  })

  it('stays judge_failed when the judges do not answer directly either', async () => {
    const result = await createChecker({ ca: testPki().ca }).check(at('http', deadGateway), {
      timeoutMs: 10_000,
      judges: [downJudge, judge.url('/status/503')],
    })
    expect(result).toMatchObject({ ok: false, errorCode: 'judge_failed' })
  })

  it('a judge that answers without an IP does not make the proxy fail', async () => {
    const result = await createChecker({ ca: testPki().ca }).check(at('http', deadGateway), {
      timeoutMs: 10_000,
      judges: [judge.url('/not-json')],
    })
    expect(result).toMatchObject({ ok: false, errorCode: 'judge_failed' })
  })

  it('asks each judge directly once for a whole sweep, not once per proxy', async () => {
    const checker = createChecker({ ca: testPki().ca })
    const marker = `/?sweep=${Date.now()}`
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        checker.check(at('http', deadGateway), {
          timeoutMs: 10_000,
          judges: [judge.url(marker)],
        }),
      ),
    )
    expect(results.map((result) => result.errorCode)).toEqual(Array(8).fill('bad_response'))
    expect(judge.requests.filter((request) => request.path === marker)).toHaveLength(1)
  })

  it('a custom check counts only when the page answers with its keyword directly', async () => {
    const url = judge.url('/keyword')
    const checker = createChecker({ ca: testPki().ca })
    const found = await checker.check(at('http', deadGateway), {
      timeoutMs: 10_000,
      judges: [],
      custom: { url, keyword: JUDGE_KEYWORD },
    })
    expect(found).toMatchObject({ ok: false, errorCode: 'bad_response' })
    const missing = await checker.check(at('http', deadGateway), {
      timeoutMs: 10_000,
      judges: [],
      custom: { url, keyword: 'not-on-that-page' },
    })
    expect(missing).toMatchObject({ ok: false, errorCode: 'judge_failed' })
  })
})

describe('custom check: URL plus expected keyword', () => {
  it.each([
    ['HTTP proxy, https page', () => at('http', tinyproxy), () => judge],
    ['HTTP proxy, http page', () => at('http', tinyproxy), () => plainJudge],
    ['SOCKS5, https page', () => at('socks5', microsocks), () => judge],
  ])('passes when the page holds the keyword (%s)', async (_name, target, server) => {
    const url = server().url('/keyword')
    const result = await checker.check(target(), {
      timeoutMs: 10_000,
      judges: [downJudge],
      custom: { url, keyword: JUDGE_KEYWORD },
    })
    expect(result).toMatchObject({ ok: true, errorCode: 'ok', judge: url, exitIp: null })
    expect(result.attempts).toHaveLength(1) // the judges are not used
  })

  it('fails with bad_response when the keyword is missing', async () => {
    const result = await checker.check(at('socks5', microsocks), {
      timeoutMs: 10_000,
      judges: [],
      custom: { url: judge.url('/keyword'), keyword: 'not-on-that-page' },
    })
    expect(result).toMatchObject({ ok: false, errorCode: 'bad_response' })
  })

  it('a keyword past the body limit is not found', async () => {
    const result = await checker.check(at('socks5', microsocks), {
      timeoutMs: 10_000,
      judges: [],
      custom: { url: judge.url('/keyword'), keyword: JUDGE_KEYWORD },
      bodyLimitBytes: 1_000,
    })
    expect(result).toMatchObject({ ok: false, errorCode: 'bad_response' })
  })

  it('an unreachable custom URL is judge_failed, not a proxy failure', async () => {
    const result = await checker.check(at('socks5', microsocks), {
      timeoutMs: 10_000,
      judges: [],
      custom: { url: downJudge, keyword: JUDGE_KEYWORD },
    })
    expect(result).toMatchObject({ ok: false, errorCode: 'judge_failed' })
  })
})

describe('remote DNS', () => {
  it.each([
    ['socks5h sends the hostname to the proxy', 'socks5', true, 5, 'domain', 'localhost'],
    ['socks5 resolves locally and sends the IP', 'socks5', false, 5, 'ipv4', '127.0.0.1'],
    ['socks4a sends the hostname to the proxy', 'socks4', true, 4, 'domain', 'localhost'],
    ['socks4 resolves locally and sends the IP', 'socks4', false, 4, 'ipv4', '127.0.0.1'],
  ] as const)('%s', async (_name, protocol, remoteDns, version, addressType, host) => {
    const url = judge.url(`/?dns=${protocol}-${remoteDns}`, 'localhost')
    const before = recorder.requests.length
    const result = await checker.check(at(protocol, recorder, remoteDns), {
      timeoutMs: 10_000,
      judges: [url],
    })
    expect(result).toMatchObject({ ok: true, exitIp: '127.0.0.1' })
    expect(recorder.requests.slice(before)).toEqual([
      { version, addressType, host, port: judge.port },
    ])
  })

  it('an HTTP proxy is given the hostname in CONNECT (it always resolves)', async () => {
    const url = judge.url('/?dns=http', 'localhost')
    const result = await checker.check(at('http', tinyproxy), { timeoutMs: 10_000, judges: [url] })
    expect(result).toMatchObject({ ok: true, exitIp: '127.0.0.1' })
    expect(judge.requests.at(-1)?.host).toBe(`localhost:${judge.port}`)
  })

  it('a judge name that does not resolve locally is the judge’s failure', async () => {
    const result = await checker.check(at('socks5', microsocks), {
      timeoutMs: 10_000,
      judges: ['https://judge.invalid/', judge.url('/')],
    })
    expect(result).toMatchObject({ ok: true, judge: judge.url('/') })
    expect(result.attempts[0]).toMatchObject({ errorCode: 'dns_failed' })
  })
})
