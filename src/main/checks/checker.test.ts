import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  freePort,
  serverGroup,
  startDante,
  startJudge,
  startMicrosocks,
  startTinyproxy,
  startTlsFront,
  testPki,
  type RunningJudge,
  type RunningServer,
} from '../../../test/fixtures'
import { createChecker, type Checker } from './checker'
import { openGeo } from './geo'
import type { CheckResult, CheckTarget } from './types'

// Real proxies on loopback forward to the loopback judge, so the judge sees 127.0.0.1: that is the
// right exit IP here, and as a loopback address it gets no country.
const USER = 'deckuser'
const PASS = 'Tr0ub4dor-3x'
const WRONG = 'wr0ng-P@ss:9/é'

const servers = serverGroup()
let tinyproxy: RunningServer
let httpsFront: RunningServer
let microsocks: RunningServer
let dante: RunningServer
let httpJudge: RunningJudge
let httpsJudge: RunningJudge
let checker: Checker

beforeAll(async () => {
  ;[tinyproxy, microsocks, dante, httpJudge, httpsJudge] = await Promise.all([
    startTinyproxy({ user: USER, pass: PASS }).then(servers.add),
    startMicrosocks({ user: USER, pass: PASS }).then(servers.add),
    startDante().then(servers.add),
    startJudge().then(servers.add),
    startJudge({ https: true }).then(servers.add),
  ])
  httpsFront = servers.add(await startTlsFront(tinyproxy.port))
  checker = createChecker({ ca: testPki().ca, geo: await openGeo() })
})

afterAll(() => servers.stopAll())

function proxy(
  protocol: CheckTarget['protocol'],
  server: { port: number },
  credentials: readonly [string, string] | null,
): CheckTarget {
  return {
    protocol,
    remoteDns: false,
    host: '127.0.0.1',
    port: server.port,
    username: credentials?.[0] ?? null,
    password: credentials?.[1] ?? null,
  }
}

function check(target: CheckTarget, judge: string, timeoutMs = 10_000): Promise<CheckResult> {
  return checker.check(target, { timeoutMs, judges: [judge] })
}

function expectOk(result: CheckResult, judge: string): void {
  expect(result).toMatchObject({
    ok: true,
    errorCode: 'ok',
    errorMessage: null,
    exitIp: '127.0.0.1',
    country: null,
    city: null,
    judge,
  })
  expect(result.connectMs).toBeGreaterThanOrEqual(0)
  expect(result.ttfbMs).toBeGreaterThanOrEqual(result.connectMs ?? 0)
  expect(result.totalMs).toBeGreaterThanOrEqual(result.ttfbMs ?? 0)
}

describe('a check through each protocol reports the exit IP the judge saw', () => {
  it.each([
    ['HTTP proxy (tinyproxy), https judge via CONNECT', 'http', () => tinyproxy, true, true],
    ['HTTP proxy (tinyproxy), http judge forwarded', 'http', () => tinyproxy, true, false],
    ['HTTPS proxy (TLS to tinyproxy), https judge', 'https', () => httpsFront, true, true],
    ['HTTPS proxy (TLS to tinyproxy), http judge', 'https', () => httpsFront, true, false],
    ['SOCKS5 with auth (microsocks), https judge', 'socks5', () => microsocks, true, true],
    ['SOCKS5 with auth (microsocks), http judge', 'socks5', () => microsocks, true, false],
    ['SOCKS5 without auth (dante), https judge', 'socks5', () => dante, false, true],
    ['SOCKS4 (dante), https judge', 'socks4', () => dante, false, true],
    ['SOCKS4 (dante), http judge', 'socks4', () => dante, false, false],
  ] as const)('%s', async (_name, protocol, server, withAuth, https) => {
    const judge = https ? httpsJudge : httpJudge
    const url = judge.url(`/?case=${protocol}-${server().port}-${https}`)
    const result = await check(proxy(protocol, server(), withAuth ? [USER, PASS] : null), url)
    expectOk(result, url)
    expect(result.attempts).toEqual([{ judge: url, errorCode: 'ok', errorMessage: null }])
    const seen = judge.requests.find(
      (request) => request.path === new URL(url).pathname + new URL(url).search,
    )
    expect(seen?.remoteAddress).toBe('127.0.0.1')
  })

  it('reads a judge that answers a bare IP as text', async () => {
    const url = httpsJudge.url('/text')
    expectOk(await check(proxy('socks5', microsocks, [USER, PASS]), url), url)
  })
})

describe('auth_failed', () => {
  it('tinyproxy answers a wrong password with 401, on CONNECT and on forwarded requests', async () => {
    for (const judge of [httpsJudge.url(), httpJudge.url()]) {
      const result = await check(proxy('http', tinyproxy, [USER, WRONG]), judge)
      expect(result).toMatchObject({ ok: false, errorCode: 'auth_failed', exitIp: null })
      expect(result.errorMessage).toContain('401')
    }
  })

  it('tinyproxy answers missing credentials with 407', async () => {
    const result = await check(proxy('http', tinyproxy, null), httpsJudge.url())
    expect(result).toMatchObject({ ok: false, errorCode: 'auth_failed' })
    expect(result.errorMessage).toContain('407')
  })

  it('microsocks rejects a wrong password and a missing one', async () => {
    const wrong = await check(proxy('socks5', microsocks, [USER, WRONG]), httpsJudge.url())
    expect(wrong).toMatchObject({ ok: false, errorCode: 'auth_failed' })
    const missing = await check(proxy('socks5', microsocks, null), httpsJudge.url())
    expect(missing).toMatchObject({ ok: false, errorCode: 'auth_failed' })
  })

  it('never puts the username or password in the message or anywhere in the result', async () => {
    const forms = [
      USER,
      WRONG,
      encodeURIComponent(WRONG),
      Buffer.from(`${USER}:${WRONG}`).toString('base64'),
    ]
    const results = await Promise.all([
      check(proxy('http', tinyproxy, [USER, WRONG]), httpsJudge.url()),
      check(proxy('http', tinyproxy, [USER, WRONG]), httpJudge.url()),
      check(proxy('https', httpsFront, [USER, WRONG]), httpsJudge.url()),
      check(proxy('socks5', microsocks, [USER, WRONG]), httpsJudge.url()),
    ])
    for (const result of results) {
      expect(result.errorCode).toBe('auth_failed')
      const json = JSON.stringify(result)
      for (const form of forms) {
        expect(result.errorMessage).not.toContain(form)
        expect(json).not.toContain(form)
      }
    }
  })
})

describe('reaching the proxy: refused, dns_failed, names', () => {
  it.each(['http', 'https', 'socks4', 'socks5'] as const)(
    'a closed port is refused (%s)',
    async (protocol) => {
      const closed = { port: await freePort() }
      const result = await check(proxy(protocol, closed, null), httpsJudge.url())
      expect(result).toMatchObject({ ok: false, errorCode: 'refused', connectMs: null })
      expect(result.attempts).toHaveLength(1)
    },
  )

  it('a proxy given by host name is resolved (and the name reused) for every protocol', async () => {
    for (const [protocol, server, credentials] of [
      ['http', tinyproxy, [USER, PASS]],
      ['socks5', microsocks, [USER, PASS]],
      ['socks4', dante, null],
    ] as const) {
      const target = { ...proxy(protocol, server, credentials), host: 'localhost' }
      const url = httpsJudge.url(`/?byname=${protocol}`)
      expectOk(await check(target, url), url)
    }
  })

  it('an unresolvable proxy host is dns_failed', async () => {
    const target = { ...proxy('http', tinyproxy, null), host: 'proxy.invalid' }
    const result = await check(target, httpsJudge.url())
    expect(result).toMatchObject({ ok: false, errorCode: 'dns_failed' })
  })
})

describe('TLS', () => {
  it('a judge certificate the checker does not trust is tls_failed', async () => {
    const untrusting = createChecker()
    for (const target of [
      proxy('http', tinyproxy, [USER, PASS]),
      proxy('socks5', microsocks, [USER, PASS]),
    ]) {
      const result = await untrusting.check(target, {
        timeoutMs: 10_000,
        judges: [httpsJudge.url()],
      })
      expect(result).toMatchObject({ ok: false, errorCode: 'tls_failed' })
    }
  })
})

describe('IPv6 proxy address', () => {
  it('a proxy on ::1 (stored without brackets) works over CONNECT, forwarding and SOCKS5', async () => {
    const [tiny6, socks6] = await Promise.all([
      startTinyproxy({ user: USER, pass: PASS, ipv6: true }).then(servers.add),
      startMicrosocks({ ipv6: true }).then(servers.add),
    ])
    const cases: Array<[CheckTarget, string]> = [
      [{ ...proxy('http', tiny6, [USER, PASS]), host: '::1' }, httpsJudge.url('/?v6=connect')],
      [{ ...proxy('http', tiny6, [USER, PASS]), host: '::1' }, httpJudge.url('/?v6=forward')],
      [{ ...proxy('socks5', socks6, null), host: '::1' }, httpsJudge.url('/?v6=socks')],
    ]
    for (const [target, url] of cases) expectOk(await check(target, url), url)
  })
})
