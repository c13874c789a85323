import { describe, expect, it } from 'vitest'
import { canonicalIp, exitNet } from './exit-net'

describe('exitNet', () => {
  it.each([
    ['203.0.113.7', '203.0.113.0/24'],
    ['127.0.0.2', '127.0.0.0/24'],
    ['::ffff:198.51.100.9', '198.51.100.0/24'],
    ['2001:db8:1:2::5', '2001:db8:1::/48'],
    ['2001:0DB8:0001:ffff::', '2001:db8:1::/48'],
    ['2001:db8::1', '2001:db8:0::/48'],
    ['::1', '0:0:0::/48'],
    ['[2a00:1450:4001::200e]', '2a00:1450:4001::/48'],
    ['::2:3:4:5:6:7:8', '0:2:3::/48'],
  ])('%s lies in %s', (ip, expected) => {
    expect(exitNet(ip)).toBe(expected)
  })

  it('keeps what is not an address as its own network', () => {
    expect(exitNet('not-an-ip')).toBe('not-an-ip')
  })

  it('stores exits in one form', () => {
    expect(canonicalIp(' ::FFFF:10.1.2.3 ')).toBe('10.1.2.3')
    expect(canonicalIp('2001:DB8::1')).toBe('2001:db8::1')
  })
})
