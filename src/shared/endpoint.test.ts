import { describe, expect, it } from 'vitest'
import { endpointLabel, fullEndpointLabel, userEndpointLabel } from './endpoint'

describe('endpoint labels', () => {
  it('brackets an IPv6 host and leaves IPv4 and names alone', () => {
    expect(endpointLabel('::1', 8080)).toBe('[::1]:8080')
    expect(endpointLabel('2001:db8::5', 1)).toBe('[2001:db8::5]:1')
    expect(endpointLabel('127.0.0.1', 18084)).toBe('127.0.0.1:18084')
    expect(endpointLabel('gw.example.com', 80)).toBe('gw.example.com:80')
  })

  it('puts the username in front and names the protocol, socks5h included', () => {
    const proxy = { protocol: 'socks5', remoteDns: true, host: '::1', port: 1080, username: 'ann' }
    expect(userEndpointLabel(proxy)).toBe('ann@[::1]:1080')
    expect(fullEndpointLabel(proxy)).toBe('socks5h://ann@[::1]:1080')
    expect(fullEndpointLabel({ ...proxy, protocol: 'http', username: null })).toBe(
      'http://[::1]:1080',
    )
  })
})
