import { AsyncLocalStorage } from 'node:async_hooks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  serverGroup,
  startJudge,
  startMicrosocks,
  startTinyproxy,
  type RunningJudge,
  type RunningServer,
} from '../../../test/fixtures'
import { createChecker, type Checker } from './checker'
import type { CheckTarget } from './types'

// http judges are read by the checker's own HTTP/1.1 exchange (http-exchange.ts): every way an
// answer can be framed must give the exit IP in it, through an HTTP proxy (absolute-form GET) and
// through a SOCKS5 tunnel. The judge reports a fixed address, so the IP can only come from the body.
const USER = 'frame-user'
const PASS = 'fr4me-Pass'
const EXIT = '203.0.113.41'
const KINDS = ['chunked', 'length', 'close', 'continue'] as const

const servers = serverGroup()
let tinyproxy: RunningServer
let microsocks: RunningServer
let judge: RunningJudge
let checker: Checker

beforeAll(async () => {
  ;[tinyproxy, microsocks, judge] = await Promise.all([
    startTinyproxy({ user: USER, pass: PASS }).then(servers.add),
    startMicrosocks({ user: USER, pass: PASS }).then(servers.add),
    startJudge({ reportAddress: () => EXIT }).then(servers.add),
  ])
  checker = createChecker({ exitProfile: false })
})

afterAll(async () => {
  checker.close()
  await servers.stopAll()
})

function through(protocol: 'http' | 'socks5'): CheckTarget {
  return {
    protocol,
    remoteDns: false,
    host: '127.0.0.1',
    port: (protocol === 'http' ? tinyproxy : microsocks).port,
    username: USER,
    password: PASS,
  }
}

describe.each(['http', 'socks5'] as const)('a %s proxy to an http judge', (protocol) => {
  it.each(KINDS)('reads a %s answer and its exit IP', async (kind) => {
    const result = await checker.check(through(protocol), {
      timeoutMs: 5_000,
      judges: [judge.url(`/framing/${kind}`)],
      askJudgesDirectly: false,
    })
    expect(result).toMatchObject({ ok: true, errorCode: 'ok', exitIp: EXIT })
    expect(judge.requests.some((request) => request.path === `/framing/${kind}`)).toBe(true)
  })
})

// The bridge and the Electron shell run checks inside an AsyncLocalStorage context; the parser's
// async resource then gets the store written onto it (a frozen resource made that a fatal error).
it('checks inside an active AsyncLocalStorage context', async () => {
  const storage = new AsyncLocalStorage<string>()
  const result = await storage.run('request', () =>
    checker.check(through('http'), {
      timeoutMs: 5_000,
      judges: [judge.url('/framing/length')],
      askJudgesDirectly: false,
    }),
  )
  expect(result).toMatchObject({ ok: true, exitIp: EXIT })
})
