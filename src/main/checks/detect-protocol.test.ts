import http from 'node:http'
import type net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  freePort,
  serverGroup,
  startDante,
  startJudge,
  startMicrosocks,
  startSocksRecorder,
  startTinyproxy,
  type RunningJudge,
  type RunningServer,
} from '../../../test/fixtures'
import { createChecksFixture, type ChecksFixture } from '../../../test/support/checks'
import type { ProxyCreateInput } from '../../shared/contracts/proxies'

// Real daemons on loopback, stored under the wrong protocol; detection must find the right one
// through the real checker (credentials opened from the vault) and change nothing unless asked.
const USER = 'detect-user'
const PASS = 'Tr0ub4dor-3x'
const servers = serverGroup()
let tinyproxy: RunningServer
let microsocks: RunningServer
let dante: RunningServer
let socks4Only: RunningServer
let judge: RunningJudge
let plainHttp: http.Server
let plainHttpPort: number
let f: ChecksFixture
let providerId: number
let microsocksAsHttp = 0

beforeAll(async () => {
  ;[tinyproxy, microsocks, dante, socks4Only, judge] = await Promise.all([
    startTinyproxy({ user: USER, pass: PASS }).then(servers.add),
    startMicrosocks({ user: USER, pass: PASS }).then(servers.add),
    startDante().then(servers.add),
    startSocksRecorder({ socks4Only: true }).then(servers.add),
    startJudge().then(servers.add),
  ])
  // A real HTTP server that is no proxy: Node answers binary it cannot parse with a 400 at once.
  plainHttp = http.createServer((_request, response) => response.end('not a proxy'))
  await new Promise<void>((resolve) => plainHttp.listen(0, '127.0.0.1', resolve))
  plainHttpPort = (plainHttp.address() as net.AddressInfo).port
  f = await createChecksFixture([judge.url('/')])
  providerId = await f.provider()
})

afterAll(async () => {
  await f?.dispose()
  if (plainHttp) {
    plainHttp.closeAllConnections()
    await new Promise((resolve) => plainHttp.close(resolve))
  }
  await servers.stopAll()
})

async function stored(
  protocol: ProxyCreateInput['protocol'],
  port: number,
  credentials = false,
): Promise<number> {
  const proxy = await f.call('proxies:create', {
    providerId,
    protocol,
    host: '127.0.0.1',
    port,
    ...(credentials ? { username: USER, password: PASS } : {}),
  })
  return proxy.id
}

describe('proxies:detectProtocol', () => {
  it('finds SOCKS5 behind an HTTP guess (microsocks with a password) and changes nothing', async () => {
    const id = await stored('http', microsocks.port, true)
    microsocksAsHttp = id
    const result = await f.call('proxies:detectProtocol', { id })
    expect(result.detected).toEqual({ protocol: 'socks5', remoteDns: true })
    expect(result.differs).toBe(true)
    expect(result.applied).toBe(false)
    expect(result.check).toMatchObject({ exitIp: '127.0.0.1', judge: judge.url('/') })
    expect(result.attempts.map((a) => [a.protocol, a.ok])).toEqual([
      ['http', false],
      ['socks5', true],
    ])
    expect(result.attempts[0]).toMatchObject({ errorCode: 'protocol_error' })
    expect(result.attempts[0]?.errorMessage).toContain('this looks like a SOCKS proxy')
    expect(result.message).toBe('Works as SOCKS5 (remote DNS), not as stored (HTTP).')
    expect(result.proxy.protocol).toBe('http')
    // Nothing recorded: no check row, no last test.
    expect(await f.checkRows(id)).toEqual([])
    expect(f.proxyRow(id).last_tested_at).toBeNull()
  })

  it('finds SOCKS5 behind an HTTP guess on dante, and applies it on request', async () => {
    const id = await stored('http', dante.port)
    const result = await f.call('proxies:detectProtocol', { id, apply: true })
    expect(result.detected).toEqual({ protocol: 'socks5', remoteDns: true })
    expect(result.attempts[0]?.errorMessage).toContain('it may be a SOCKS proxy')
    expect(result.applied).toBe(true)
    expect(result.conflict).toBeNull()
    expect(result.proxy).toMatchObject({ protocol: 'socks5', remoteDns: true })
    const again = await f.call('proxies:get', { id })
    expect(again).toMatchObject({ protocol: 'socks5', remoteDns: true })
  })

  it('finds SOCKS4 behind an HTTP guess (a server speaking SOCKS4 only)', async () => {
    const id = await stored('http', socks4Only.port)
    const result = await f.call('proxies:detectProtocol', { id })
    expect(result.detected).toEqual({ protocol: 'socks4', remoteDns: false })
    expect(result.attempts.map((a) => [a.protocol, a.ok, a.errorCode])).toEqual([
      ['http', false, 'protocol_error'],
      ['socks5', false, 'protocol_error'],
      ['socks4', true, null],
    ])
    expect(result.check?.exitIp).toBe('127.0.0.1')
  })

  it('finds SOCKS4 on dante when its entry says socks4 but SOCKS5 is preferred in order', async () => {
    // dante serves both; the order puts SOCKS5 first, and a stored socks4 entry is reported as
    // working better as SOCKS5 (remote DNS, which dante's SOCKS4 lacks).
    const id = await stored('socks4', dante.port)
    const result = await f.call('proxies:detectProtocol', { id })
    expect(result.detected).toEqual({ protocol: 'socks5', remoteDns: true })
    expect(result.message).toBe('Works as SOCKS5 (remote DNS), not as stored (SOCKS4).')
  })

  it('finds HTTP behind a SOCKS5 guess (tinyproxy, with its password)', async () => {
    const id = await stored('socks5', tinyproxy.port, true)
    const result = await f.call('proxies:detectProtocol', { id })
    expect(result.detected).toEqual({ protocol: 'http', remoteDns: false })
    expect(result.attempts).toHaveLength(1)
    expect(result.message).toBe('Works as HTTP, not as stored (SOCKS5).')
  })

  it('says so when the proxy is already right', async () => {
    const id = await stored('http', tinyproxy.port, true)
    const result = await f.call('proxies:detectProtocol', { id, apply: true })
    expect(result).toMatchObject({ differs: false, applied: false })
    expect(result.message).toBe('Works as stored (HTTP).')
  })

  it('reports a clash with the endpoint uniqueness rule instead of switching', async () => {
    // The same microsocks endpoint and username stored again as socks5: the entry stored as http
    // (first test) cannot become socks5 too.
    const existing = await stored('socks5', microsocks.port, true)
    const result = await f.call('proxies:detectProtocol', { id: microsocksAsHttp, apply: true })
    expect(result.detected?.protocol).toBe('socks5')
    expect(result.applied).toBe(false)
    expect(result.conflict).toMatchObject({ existingId: existing })
    expect(result.conflict?.message).toContain(`Proxy ${existing} already uses socks5://`)
    expect(result.proxy.protocol).toBe('http')
    expect((await f.call('proxies:get', { id: microsocksAsHttp })).protocol).toBe('http')
  })

  it('answers "none worked" for a dead endpoint, after one attempt', async () => {
    const id = await stored('http', await freePort())
    const result = await f.call('proxies:detectProtocol', { id })
    expect(result.detected).toBeNull()
    expect(result.attempts).toHaveLength(1)
    expect(result.attempts[0]?.errorCode).toBe('refused')
    expect(result.message).toMatch(/^None worked: cannot connect to the proxy/)
  })

  it('names an HTTP server behind a SOCKS guess from its 400 answer', async () => {
    const id = await stored('socks5', plainHttpPort)
    const result = await f.call('proxies:detectProtocol', { id })
    // It speaks HTTP but is no proxy: the judge never answers through it, so detection stops there.
    expect(result.detected).toBeNull()
    expect(result.attempts).toHaveLength(1)
    expect(result.message).toMatch(/^None worked: the proxy answers as HTTP, but the check failed/)
  })

  it('refuses unknown ids and bad input, changing nothing', async () => {
    expect((await f.refusal('proxies:detectProtocol', { id: 999_999 })).code).toBe('NOT_FOUND')
    expect((await f.refusal('proxies:detectProtocol', { id: -1 })).code).toBe('VALIDATION')
    expect((await f.refusal('proxies:detectProtocol', { id: 1, apply: 1 })).code).toBe('VALIDATION')
    expect((await f.refusal('proxies:detectProtocol', { id: 1, extra: true })).code).toBe(
      'VALIDATION',
    )
  })
})

describe('mismatch messages of ordinary checks', () => {
  it('a SOCKS guess at a real HTTP server names the HTTP answer', async () => {
    const checker = await f.ctx.checks.checker()
    const target = {
      protocol: 'socks5' as const,
      remoteDns: false,
      host: '127.0.0.1',
      port: plainHttpPort,
      username: null,
      password: null,
    }
    const result = await checker.check(target, { timeoutMs: 10_000, judges: [judge.url('/')] })
    expect(result.errorCode).toBe('protocol_error')
    expect(result.errorMessage).toContain(
      'this looks like an HTTP proxy (it answered "HTTP/1.1 400 Bad Request")',
    )
    const socks4 = await checker.check(
      { ...target, protocol: 'socks4' },
      { timeoutMs: 10_000, judges: [judge.url('/')] },
    )
    expect(socks4.errorMessage).toContain('this looks like an HTTP proxy')
  })

  it('an HTTP guess at microsocks names the SOCKS5 bytes, over plain HTTP and CONNECT', async () => {
    const checker = await f.ctx.checks.checker()
    const target = {
      protocol: 'http' as const,
      remoteDns: false,
      host: '127.0.0.1',
      port: microsocks.port,
      username: USER,
      password: PASS,
    }
    const httpsJudge = servers.add(await startJudge({ https: true }))
    for (const url of [judge.url('/'), httpsJudge.url('/')]) {
      const result = await checker.check(target, { timeoutMs: 10_000, judges: [url] })
      expect(result.errorCode).toBe('protocol_error')
      expect(result.errorMessage).toContain(
        'this looks like a SOCKS proxy (its answer starts with 0x05, as SOCKS5 replies do)',
      )
    }
  })

  it('a SOCKS4 guess at microsocks names SOCKS5', async () => {
    const checker = await f.ctx.checks.checker()
    const result = await checker.check(
      {
        protocol: 'socks4',
        remoteDns: false,
        host: '127.0.0.1',
        port: microsocks.port,
        username: null,
        password: null,
      },
      { timeoutMs: 10_000, judges: [judge.url('/')] },
    )
    expect(result.errorMessage).toContain('this looks like a SOCKS5 proxy')
  })

  it('a SOCKS guess at tinyproxy times out and says HTTP proxies are silent so', async () => {
    const checker = await f.ctx.checks.checker()
    const result = await checker.check(
      {
        protocol: 'socks5',
        remoteDns: false,
        host: '127.0.0.1',
        port: tinyproxy.port,
        username: null,
        password: null,
      },
      // Short on purpose: tinyproxy waits 30 s for a request line; only the message matters.
      { timeoutMs: 1_500, judges: [judge.url('/')] },
    )
    expect(result.errorCode).toBe('timeout')
    expect(result.errorMessage).toContain('the proxy said nothing to the SOCKS greeting')
  })
})
