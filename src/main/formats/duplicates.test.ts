import { describe, expect, it } from 'vitest'
import { DuplicateIndex, findDuplicatesWithin, proxyKey } from './duplicates'
import { maskPassword, PASSWORD_MASK } from './mask'
import { parseText } from './parse-text'

const options = { defaultProtocol: 'http' } as const

describe('proxyKey and duplicates', () => {
  it('keys on protocol, host, port and username; no username is the empty one', () => {
    expect(proxyKey({ protocol: 'socks5', host: '2001:db8::1', port: 1080, username: 'u' })).toBe(
      'socks5|2001:db8::1|1080|u',
    )
    expect(proxyKey({ protocol: 'http', host: 'h.example', port: 80, username: null })).toBe(
      'http|h.example|80|',
    )
  })

  it('marks lines repeating an earlier one, after normalisation, and nothing else', () => {
    const { lines } = parseText(
      [
        'gate.example.org:7000:user-session-a:pass',
        'gate.example.org:7000:user-session-b:pass',
        'GATE.example.org:7000:user-session-a:other-password',
        'http://user-session-a:x@gate.example.org:7000',
        'socks5://user-session-a:x@gate.example.org:7000',
        'socks5h://user-session-a:y@gate.example.org:7000',
        '[2001:db8:0::1]:80',
        '[2001:db8::1]:80',
        'not a proxy',
        'gate.example.org:7000',
      ].join('\n'),
      options,
    )
    expect(findDuplicatesWithin(lines)).toEqual(
      new Map([
        [3, 1],
        [4, 1],
        [6, 5],
        [8, 7],
      ]),
    )
  })

  it('claims keys one line at a time for streaming imports', () => {
    const index = new DuplicateIndex()
    const p = { protocol: 'http', host: 'h.example', port: 80, username: 'u' } as const
    expect(index.claim(p, 10)).toBeNull()
    expect(index.claim({ ...p, username: 'v' }, 11)).toBeNull()
    expect(index.claim(p, 12)).toBe(10)
    expect(index.size).toBe(2)
  })
})

describe('maskPassword', () => {
  it('drops the password, saying only whether there was one', () => {
    const { lines } = parseText('198.51.100.1:80:user:hunter2\n198.51.100.2:80', options)
    const masked = lines.map((l) => (l.ok ? maskPassword(l.proxy) : null))
    expect(masked[0]).toMatchObject({
      username: 'user',
      hasPassword: true,
      passwordMask: PASSWORD_MASK,
    })
    expect(masked[0]).not.toHaveProperty('password')
    expect(JSON.stringify(masked)).not.toContain('hunter2')
    expect(masked[1]).toMatchObject({ hasPassword: false, passwordMask: null })
  })
})
