import { describe, expect, it } from 'vitest'
import { addressesIn, classifyAnonymity, echoedHeaders } from './anonymity'
import { parseJudgeAnswer } from './judge-answer'
import { createOwnAddresses } from './own-addresses'
import { defaultSettings, settingsPatchSchema } from '../../shared/settings'

// This computer: a LAN address and the public one a judge saw when asked directly.
const own = createOwnAddresses(['192.168.1.20', '127.0.0.1', '::1'])
own.learn('198.51.100.9')
const EXIT = '203.0.113.7'
const level = (headers: Record<string, string>, exit: string | null = EXIT) =>
  classifyAnonymity(headers, exit, own.has)
const base = { host: 'judge.example', 'user-agent': 'ProxyDeck-check/1', accept: '*/*' }

describe('classifyAnonymity', () => {
  it.each([
    [
      'squid forwarded_for on',
      { ...base, via: '1.1 vm (squid/5.7)', 'x-forwarded-for': '192.168.1.20' },
    ],
    ['the public address behind NAT', { ...base, 'x-forwarded-for': '198.51.100.9, 203.0.113.7' }],
    ['RFC 7239 Forwarded', { ...base, forwarded: 'for="[::1]:4711";proto=http;by=203.0.113.7' }],
    ['X-Real-IP', { ...base, 'x-real-ip': '192.168.1.20' }],
    ['Client-IP', { ...base, 'client-ip': '198.51.100.9' }],
    ['X-Client-IP', { ...base, 'x-client-ip': '198.51.100.9' }],
    ['X-Originating-IP with a port', { ...base, 'x-originating-ip': '192.168.1.20:51234' }],
    ['True-Client-IP', { ...base, 'true-client-ip': '198.51.100.9' }],
    ['CF-Connecting-IP', { ...base, 'cf-connecting-ip': '198.51.100.9' }],
    ['tinyproxy XTinyproxy Yes', { ...base, 'x-tinyproxy': '127.0.0.1' }],
    ['an IPv4-mapped IPv6 address', { ...base, 'x-forwarded-for': '::ffff:192.168.1.20' }],
  ])('transparent: %s', (_name, headers) => {
    expect(level(headers)).toBe('transparent')
  })

  it.each([
    ['Via only (squid delete + via on)', { ...base, via: '1.1 vm (squid/5.7)' }],
    ['X-Forwarded-For unknown (squid off)', { ...base, 'x-forwarded-for': 'unknown' }],
    ['X-Forwarded-For with another address', { ...base, 'x-forwarded-for': '10.9.9.9' }],
    ['Forwarded for=unknown', { ...base, forwarded: 'for=unknown' }],
    ['Proxy-Connection', { ...base, 'proxy-connection': 'keep-alive' }],
    ['X-Proxy-ID', { ...base, 'x-proxy-id': '1234' }],
    ['Proxy-Agent', { ...base, 'proxy-agent': 'SomeProxy/2' }],
    ['tinyproxy Via', { ...base, via: '1.1 vm (tinyproxy/1.11.1)' }],
  ])('anonymous: %s', (_name, headers) => {
    expect(level(headers)).toBe('anonymous')
  })

  it.each([
    ['nothing added', base],
    [
      'squid delete + via off (its Cache-Control is no proxy header)',
      { ...base, 'cache-control': 'max-age=259200' },
    ],
    // A load balancer in front of the judge appends the address it saw: the exit, not us.
    [
      'X-Forwarded-For holding only the exit',
      { ...base, 'x-forwarded-for': EXIT, 'x-forwarded-proto': 'http' },
    ],
    ['Forwarded holding only the exit', { ...base, forwarded: `for=${EXIT};proto=http` }],
  ])('elite: %s', (_name, headers) => {
    expect(level(headers)).toBe('elite')
  })

  it('takes own addresses over the exit rule (a proxy on this machine, loopback tests)', () => {
    expect(level({ 'x-forwarded-for': '127.0.0.1' }, '127.0.0.1')).toBe('transparent')
  })

  it('without a known exit, any forwarded address reveals a proxy', () => {
    expect(level({ 'x-forwarded-for': EXIT }, null)).toBe('anonymous')
  })
})

describe('addressesIn', () => {
  it('finds IPv4, IPv4:port, bracketed IPv6 and skips the rest', () => {
    expect(addressesIn('for="[2001:DB8::1]:80";by=1.2.3.4:8080, unknown, 999.1.1.1')).toEqual([
      '2001:db8::1',
      '1.2.3.4',
    ])
  })
})

describe('echoed headers in judge answers', () => {
  it('reads httpbin-style headers case-insensitively, with its origin as the exit IP', () => {
    const body = JSON.stringify({
      origin: '198.51.100.9, 203.0.113.7',
      headers: {
        Host: 'httpbin.org',
        'X-Forwarded-For': '198.51.100.9, 203.0.113.7',
        Via: ['1.1 a', '1.1 b'],
      },
    })
    expect(parseJudgeAnswer(body, true)).toEqual({
      ip: '203.0.113.7',
      headers: {
        host: 'httpbin.org',
        'x-forwarded-for': '198.51.100.9, 203.0.113.7',
        via: '1.1 a, 1.1 b',
      },
    })
  })

  it('reads no headers when not asked, and none from an IP-only judge', () => {
    expect(
      parseJudgeAnswer('{"origin":"203.0.113.7","headers":{"via":"x"}}', false).headers,
    ).toBeNull()
    expect(parseJudgeAnswer('{"ip":"203.0.113.7"}', true)).toEqual({
      ip: '203.0.113.7',
      headers: null,
    })
    expect(echoedHeaders(['via'])).toBeNull()
    expect(echoedHeaders({ via: 3, Host: 'a' })).toEqual({ host: 'a' })
  })
})

describe('the anonymityJudge setting', () => {
  it('takes a plain-http URL or null, and refuses https (CONNECT would hide the headers)', () => {
    expect(settingsPatchSchema.safeParse({ anonymityJudge: null }).success).toBe(true)
    expect(
      settingsPatchSchema.safeParse({ anonymityJudge: 'http://judge.example/get' }).success,
    ).toBe(true)
    for (const bad of ['https://httpbin.org/get', 'socks5://x:1', 'not a url', 42]) {
      expect(settingsPatchSchema.safeParse({ anonymityJudge: bad }).success).toBe(false)
    }
    expect(defaultSettings.anonymityJudge).toBe('http://httpbin.org/get?show_env=1')
  })
})
