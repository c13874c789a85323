import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  serverGroup,
  startDante,
  startJudge,
  startMicrosocks,
  startSquid,
  startTinyproxy,
  testPki,
  type RunningJudge,
  type RunningServer,
  type SquidOptions,
} from '../../../test/fixtures'
import { createChecker, type Checker } from './checker'
import type { CheckTarget } from './types'

// Real squid and tinyproxy configured per level forward a plain-HTTP GET to the loopback judge's
// header echo (`/get`). Everything runs on this machine, so "this computer's address" is 127.0.0.1
// (an interface address the checker finds by itself).
const servers = serverGroup()
let judge: RunningJudge
let httpsJudge: RunningJudge
let checker: Checker
const squid = new Map<string, RunningServer>()
const tinyproxy = new Map<string, RunningServer>()
let microsocks: RunningServer
let dante: RunningServer

const SQUID: Record<string, SquidOptions> = {
  'forwarded_for on': { forwardedFor: 'on', via: true },
  'forwarded_for on, via off': { forwardedFor: 'on', via: false },
  'forwarded_for off': { forwardedFor: 'off', via: false },
  'forwarded_for delete, via on': { forwardedFor: 'delete', via: true },
  'forwarded_for delete, via off': { forwardedFor: 'delete', via: false },
  'forwarded_for transparent, via off': { forwardedFor: 'transparent', via: false },
  'forwarded_for truncate, via off': { forwardedFor: 'truncate', via: false },
}
const TINYPROXY: Record<string, { via: boolean; xTinyproxy: boolean }> = {
  'XTinyproxy Yes': { via: false, xTinyproxy: true },
  'DisableViaHeader No': { via: true, xTinyproxy: false },
  'DisableViaHeader Yes, XTinyproxy No': { via: false, xTinyproxy: false },
}

beforeAll(async () => {
  ;[judge, httpsJudge, microsocks, dante] = await Promise.all([
    startJudge().then(servers.add),
    startJudge({ https: true }).then(servers.add),
    startMicrosocks().then(servers.add),
    startDante().then(servers.add),
  ])
  // One at a time: squid takes a moment to start and the other core may be busy.
  for (const [name, options] of Object.entries(SQUID)) {
    squid.set(name, servers.add(await startSquid(options)))
  }
  for (const [name, options] of Object.entries(TINYPROXY)) {
    tinyproxy.set(name, servers.add(await startTinyproxy(options)))
  }
  checker = createChecker({ ca: testPki().ca })
}, 120_000)

afterAll(() => servers.stopAll(), 60_000)

function at(protocol: CheckTarget['protocol'], server: RunningServer | undefined): CheckTarget {
  if (!server) throw new Error('server not started')
  return {
    protocol,
    remoteDns: false,
    host: '127.0.0.1',
    port: server.port,
    username: null,
    password: null,
  }
}

const TIMEOUT_MS = 20_000

describe('one request: the IP judge echoes headers', () => {
  it.each([
    ['forwarded_for on', 'transparent'],
    ['forwarded_for on, via off', 'transparent'],
    ['forwarded_for off', 'anonymous'],
    ['forwarded_for delete, via on', 'anonymous'],
    ['forwarded_for delete, via off', 'elite'],
    ['forwarded_for transparent, via off', 'elite'],
    ['forwarded_for truncate, via off', 'transparent'],
  ])('squid %s → %s', async (name, level) => {
    const result = await checker.check(at('http', squid.get(name)), {
      timeoutMs: TIMEOUT_MS,
      judges: [judge.url('/get')],
    })
    expect(result).toMatchObject({ ok: true, exitIp: '127.0.0.1', anonymity: level })
  })

  it.each([
    ['XTinyproxy Yes', 'transparent'],
    ['DisableViaHeader No', 'anonymous'],
    ['DisableViaHeader Yes, XTinyproxy No', 'elite'],
  ])('tinyproxy %s → %s', async (name, level) => {
    const result = await checker.check(at('http', tinyproxy.get(name)), {
      timeoutMs: TIMEOUT_MS,
      judges: [judge.url('/get')],
    })
    expect(result).toMatchObject({ ok: true, anonymity: level })
  })

  it.each([
    ['microsocks', 'socks5'],
    ['dante', 'socks5'],
    ['dante', 'socks4'],
  ] as const)(
    '%s over %s → not_applicable (it relays bytes, adds no headers)',
    async (name, protocol) => {
      const server = name === 'microsocks' ? microsocks : dante
      const result = await checker.check(at(protocol, server), {
        timeoutMs: TIMEOUT_MS,
        judges: [judge.url('/get')],
      })
      expect(result).toMatchObject({ ok: true, anonymity: 'not_applicable' })
    },
  )

  it('makes no second request when the IP judge echoed headers', async () => {
    const before = judge.requests.length
    await checker.check(at('http', squid.get('forwarded_for off')), {
      timeoutMs: TIMEOUT_MS,
      judges: [judge.url('/get')],
      anonymityJudge: judge.url('/get?second'),
    })
    expect(judge.requests.slice(before).map((request) => request.path)).toEqual(['/get'])
  })
})

describe('https IP judge (CONNECT: the proxy cannot add headers)', () => {
  it('asks the anonymity judge with one plain-HTTP request through the proxy', async () => {
    const before = judge.requests.length
    const result = await checker.check(at('http', squid.get('forwarded_for on')), {
      timeoutMs: TIMEOUT_MS,
      judges: [httpsJudge.url('/')],
      anonymityJudge: judge.url('/get?anonymity'),
    })
    expect(result).toMatchObject({ ok: true, judge: httpsJudge.url('/'), anonymity: 'transparent' })
    const seen = judge.requests.slice(before)
    expect(seen.map((request) => request.path)).toEqual(['/get?anonymity'])
    expect(seen[0]?.headers['x-forwarded-for']).toBe('127.0.0.1')
    // The anonymity request is no judge attempt: the IP judge alone decided the result.
    expect(result.attempts).toHaveLength(1)
  })

  it('gives null, never a guess, without an anonymity judge', async () => {
    const result = await checker.check(at('http', squid.get('forwarded_for on')), {
      timeoutMs: TIMEOUT_MS,
      judges: [httpsJudge.url('/')],
      anonymityJudge: null,
    })
    expect(result).toMatchObject({ ok: true, anonymity: null })
  })

  it('gives null when the anonymity judge echoes no headers or fails; the check still passes', async () => {
    for (const anonymityJudge of [
      judge.url('/'),
      judge.url('/status/503'),
      httpsJudge.url('/get'),
    ]) {
      const result = await checker.check(at('http', tinyproxy.get('DisableViaHeader No')), {
        timeoutMs: TIMEOUT_MS,
        judges: [httpsJudge.url('/')],
        anonymityJudge,
      })
      expect(result).toMatchObject({ ok: true, errorCode: 'ok', anonymity: null })
    }
  })
})

describe('exitProfile: false', () => {
  it('skips the anonymity level (and the geo lookup)', async () => {
    const bare = createChecker({ exitProfile: false })
    try {
      for (const target of [at('http', squid.get('forwarded_for on')), at('socks5', microsocks)]) {
        const result = await bare.check(target, {
          timeoutMs: TIMEOUT_MS,
          judges: [judge.url('/get')],
          anonymityJudge: judge.url('/get'),
        })
        expect(result).toMatchObject({ ok: true, anonymity: null, country: null })
      }
    } finally {
      bare.close()
    }
  })
})
