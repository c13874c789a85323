import { describe, expect, it } from 'vitest'
import { parseExitIp } from './judge-answer'
import { buildProxyUrl, proxyOrigin } from './proxy-url'
import { redactCredentials } from '../formats/redact'
import type { CheckTarget } from './types'

describe('parseExitIp', () => {
  it.each([
    ['{"ip":"203.0.113.7"}', '203.0.113.7'], // ipify, ifconfig.co
    ['{"origin":"198.51.100.1, 203.0.113.7"}', '203.0.113.7'], // httpbin: last hop reached it
    ['{"status":"success","query":"203.0.113.7"}', '203.0.113.7'], // ip-api
    ['{"ip_addr":"2001:db8::5"}', '2001:db8::5'], // ifconfig.me/all.json
    ['203.0.113.7\n', '203.0.113.7'], // bare text
    ['"203.0.113.7"', '203.0.113.7'], // a JSON string
    ['{"ip":"::ffff:127.0.0.1"}', '127.0.0.1'],
  ])('reads %j', (body, ip) => {
    expect(parseExitIp(body)).toBe(ip)
  })

  it.each(['<html>maintenance</html>', '{"ip":"nope"}', '{"ip":42}', '{', '', 'null', '[]'])(
    'finds no IP in %j',
    (body) => {
      expect(parseExitIp(body)).toBeNull()
    },
  )
})

const target: CheckTarget = {
  protocol: 'socks5',
  remoteDns: true,
  host: '2001:db8::10',
  port: 1080,
  username: 'deck user',
  password: 'p@ss:w/rd é',
}

describe('proxy URLs', () => {
  it('URL-encodes credentials and brackets IPv6 hosts', () => {
    expect(buildProxyUrl(target, { credentials: true })).toBe(
      'socks5h://deck%20user:p%40ss%3Aw%2Frd%20%C3%A9@[2001:db8::10]:1080',
    )
    const parsed = new URL(buildProxyUrl(target, { credentials: true }))
    expect(decodeURIComponent(parsed.password)).toBe(target.password)
    expect(decodeURIComponent(parsed.username)).toBe(target.username)
  })

  it('leaves credentials out unless asked, and names the DNS mode', () => {
    expect(buildProxyUrl(target, { credentials: false })).toBe('socks5h://[2001:db8::10]:1080')
    expect(buildProxyUrl({ ...target, protocol: 'socks4' }, { credentials: false })).toBe(
      'socks4a://[2001:db8::10]:1080',
    )
    expect(buildProxyUrl({ ...target, remoteDns: false }, { credentials: false })).toBe(
      'socks5://[2001:db8::10]:1080',
    )
    expect(proxyOrigin({ protocol: 'https', host: 'gw.example.com', port: 8443 })).toBe(
      'https://gw.example.com:8443',
    )
  })
})

describe('redactCredentials', () => {
  it('masks raw and URL-encoded credentials', () => {
    const message = `failed for deck user with p@ss:w/rd é and ${encodeURIComponent('p@ss:w/rd é')}`
    const redacted = redactCredentials(message, target)
    expect(redacted).not.toContain('deck user')
    expect(redacted).not.toContain('p@ss:w/rd é')
    expect(redacted).not.toContain(encodeURIComponent('p@ss:w/rd é'))
    expect(redacted).toBe('failed for *** with *** and ***')
  })

  it('leaves very short secrets alone rather than garbling the message', () => {
    expect(redactCredentials('Authentication failed', { username: 'a', password: null })).toBe(
      'Authentication failed',
    )
  })
})
