import { describe, expect, it } from 'vitest'
import { MAX_LINE_LENGTH, parseLine } from './parse-line'
import type { ParsedLine, ParsedProxy, ParseOptions } from './types'

const options: ParseOptions = { defaultProtocol: 'http', defaultProvider: 'Acme' }

function proxy(text: string, opts: ParseOptions = options): ParsedProxy {
  const parsed = parseLine(text, 7, opts)
  if (!parsed?.ok) throw new Error(`expected a proxy from ${text}: ${JSON.stringify(parsed)}`)
  expect(parsed.line).toBe(7)
  return parsed.proxy
}

function rejection(text: string): Extract<ParsedLine, { ok: false }> {
  const parsed = parseLine(text, 3, options)
  if (!parsed || parsed.ok) throw new Error(`expected a rejection of ${text}`)
  expect(parsed.line).toBe(3)
  return parsed
}

describe('the lines the issue names', () => {
  it('keeps every ":" after the third separator in the password', () => {
    expect(proxy('203.0.113.16:8080:user:pa:ss')).toMatchObject({
      host: '203.0.113.16',
      port: 8080,
      username: 'user',
      password: 'pa:ss',
    })
  })

  it('percent-decodes URL credentials', () => {
    expect(proxy('socks5://dave:p%40ss@198.51.100.8:1080')).toEqual({
      protocol: 'socks5',
      remoteDns: false,
      host: '198.51.100.8',
      port: 1080,
      username: 'dave',
      password: 'p@ss',
      rotationUrl: null,
      location: null,
      country: null,
      tags: [],
      notes: null,
      provider: 'Acme',
    })
  })

  it('reads a bracketed IPv6 address followed by credentials', () => {
    expect(proxy('[2001:db8::2]:1080:user:pass')).toMatchObject({
      host: '2001:db8::2',
      port: 1080,
      username: 'user',
      password: 'pass',
    })
  })

  it('keeps gateway parameters in the username whole', () => {
    expect(proxy('gate.example.org:7000:user-country-us-session-abc123:pass')).toMatchObject({
      host: 'gate.example.org',
      port: 7000,
      username: 'user-country-us-session-abc123',
      password: 'pass',
    })
  })

  it('rejects a port above 65535 and an IPv4 address with a 999 octet', () => {
    expect(rejection('203.0.113.18:99999').reason).toBe('port_out_of_range')
    expect(rejection('999.1.1.1:80').reason).toBe('invalid_host')
  })

  it('reads two lines equal but for the username as two proxies', () => {
    const a = proxy('gate.example.org:7000:user-session-a:pass')
    const b = proxy('gate.example.org:7000:user-session-b:pass')
    expect([a.username, b.username]).toEqual(['user-session-a', 'user-session-b'])
  })
})

describe('line shapes', () => {
  it('reads host:port with the default protocol and no credentials', () => {
    expect(proxy('198.51.100.1:3128')).toMatchObject({
      protocol: 'http',
      host: '198.51.100.1',
      port: 3128,
      username: null,
      password: null,
    })
    expect(proxy('198.51.100.1:3128', { defaultProtocol: 'socks5h' })).toMatchObject({
      protocol: 'socks5',
      remoteDns: true,
    })
  })

  it('reads user:pass@host:port, splitting at the last @ and the first :', () => {
    expect(proxy('alice:s3cret@proxy.example.com:8000')).toMatchObject({
      host: 'proxy.example.com',
      port: 8000,
      username: 'alice',
      password: 's3cret',
    })
    expect(proxy('alice:p@ss:w:rd@proxy.example.com:8000')).toMatchObject({
      username: 'alice',
      password: 'p@ss:w:rd',
    })
  })

  it('reads a username with no password in the @ forms (SOCKS4 user ids)', () => {
    expect(proxy('socks4://userid@198.51.100.9:1080')).toMatchObject({
      protocol: 'socks4',
      username: 'userid',
      password: null,
    })
  })

  it('keeps an @ inside a colon-form password', () => {
    expect(proxy('198.51.100.2:8080:user:p@ss')).toMatchObject({
      host: '198.51.100.2',
      username: 'user',
      password: 'p@ss',
    })
  })

  it('reads the reversed host:port@user:pass', () => {
    expect(proxy('198.51.100.3:8080@user:pa:ss')).toMatchObject({
      host: '198.51.100.3',
      port: 8080,
      username: 'user',
      password: 'pa:ss',
    })
  })

  it.each([
    ['http', 'http', false],
    ['https', 'https', false],
    ['socks4', 'socks4', false],
    ['socks5', 'socks5', false],
    ['socks5h', 'socks5', true],
    ['SOCKS5H', 'socks5', true],
  ] as const)('reads the %s:// scheme', (scheme, protocol, remoteDns) => {
    expect(proxy(`${scheme}://u:p@proxy.example.com:1080/`)).toMatchObject({
      protocol,
      remoteDns,
      host: 'proxy.example.com',
      port: 1080,
      username: 'u',
      password: 'p',
    })
  })

  it('reads a URL without credentials, and a scheme before the colon form', () => {
    expect(proxy('https://198.51.100.4:443')).toMatchObject({ protocol: 'https', username: null })
    expect(proxy('socks5://198.51.100.4:1080:user:pa:ss')).toMatchObject({
      protocol: 'socks5',
      username: 'user',
      password: 'pa:ss',
    })
  })

  it('reads IPv6 in brackets in every form and stores the canonical form', () => {
    expect(proxy('[2001:DB8:0:0::1]:8080')).toMatchObject({ host: '2001:db8::1', port: 8080 })
    expect(proxy('user:pass@[2001:db8::3]:8080')).toMatchObject({
      host: '2001:db8::3',
      username: 'user',
    })
    expect(proxy('socks5h://u:p@[2001:db8::4]:1080')).toMatchObject({
      host: '2001:db8::4',
      remoteDns: true,
    })
  })

  it('keeps + _ - . in usernames, passwords and hostnames as they are', () => {
    expect(
      proxy(
        'brd.superproxy.io:22225:brd-customer-hl_12ab-zone-res-country-us-session-x1:pass_country-br_session-ab12cd34_lifetime-10m',
      ),
    ).toMatchObject({
      host: 'brd.superproxy.io',
      username: 'brd-customer-hl_12ab-zone-res-country-us-session-x1',
      password: 'pass_country-br_session-ab12cd34_lifetime-10m',
    })
    expect(proxy('us-ca_sess-9.Gate.Example.com:9000:u+tag:p+q')).toMatchObject({
      host: 'us-ca_sess-9.gate.example.com',
      username: 'u+tag',
      password: 'p+q',
    })
    // In the @ forms, + is literal too (percent-decoding is not form decoding).
    expect(proxy('user+us:pa+ss@gate.example.com:9000')).toMatchObject({
      username: 'user+us',
      password: 'pa+ss',
    })
  })

  it('rejects credentials that percent-decode to a NUL', () => {
    expect(rejection('user:pa%00ss@198.51.100.1:8080').reason).toBe('invalid_field')
    expect(rejection('http://us%00er:pass@198.51.100.1:8080').reason).toBe('invalid_field')
  })

  it('leaves a % that starts no escape as it is', () => {
    expect(proxy('u:100%sure@198.51.100.5:80').password).toBe('100%sure')
    expect(proxy('198.51.100.5:80:u:p%40ss').password).toBe('p%40ss')
  })

  it('takes a trailing bracketed link as the rotation URL', () => {
    expect(
      proxy('198.51.100.6:8080:user:pass[https://api.example.com/rotate?key=a1]'),
    ).toMatchObject({
      username: 'user',
      password: 'pass',
      rotationUrl: 'https://api.example.com/rotate?key=a1',
    })
    expect(proxy('[2001:db8::6]:8080 [http://[2001:db8::9]/r]')).toMatchObject({
      host: '2001:db8::6',
      username: null,
      rotationUrl: 'http://[2001:db8::9]/r',
    })
  })

  it('tolerates blanks, CRLF, a BOM and # comments', () => {
    expect(parseLine('', 1, options)).toBeNull()
    expect(parseLine('   \t', 1, options)).toBeNull()
    expect(parseLine('# 198.51.100.1:80', 1, options)).toBeNull()
    expect(proxy('\uFEFF  198.51.100.7:8080:user:pass\r')).toMatchObject({ password: 'pass' })
  })

  it('takes host:port:user: as a username without a password', () => {
    expect(proxy('198.51.100.8:8080:user:')).toMatchObject({ username: 'user', password: null })
    expect(proxy('198.51.100.8:8080:')).toMatchObject({ username: null, password: null })
  })

  it('accepts single-label and trailing-dot names, lowercased', () => {
    expect(proxy('LocalProxy:3128').host).toBe('localproxy')
    expect(proxy('proxy.example.com.:3128').host).toBe('proxy.example.com')
  })
})

describe('rejections', () => {
  it.each([
    ['198.51.100.1', 'missing_port'],
    ['198.51.100.1:', 'missing_port'],
    ['[2001:db8::1]', 'missing_port'],
    ['socks5://u:p@198.51.100.1', 'missing_port'],
    ['198.51.100.1:0', 'port_out_of_range'],
    ['198.51.100.1:65536', 'port_out_of_range'],
    ['198.51.100.1:123456789012345678901234567890', 'port_out_of_range'],
    ['198.51.100.1:80a', 'invalid_port'],
    ['198.51.100.1:-80', 'invalid_port'],
    ['u:p@198.51.100.1:http', 'invalid_port'],
    ['999.1.1.1:80', 'invalid_host'],
    ['198.51.100:80', 'invalid_host'],
    ['010.1.1.1:80', 'invalid_host'],
    ['bad_host!.com:80', 'invalid_host'],
    ['-lead.example.com:80', 'invalid_host'],
    [`${'a'.repeat(64)}.example.com:80`, 'invalid_host'],
    ['2001:db8::1:8080', 'invalid_host'],
    ['[2001:db8::zz]:80', 'invalid_host'],
    ['[fe80::1%eth0]:80', 'invalid_host'],
    ['[2001:db8::1:80', 'invalid_host'],
    ['u:p@:80', 'invalid_host'],
    ['ftp://198.51.100.1:21', 'unsupported_scheme'],
    ['socks4a://198.51.100.1:1080', 'unsupported_scheme'],
    ['198.51.100.1:8080:user', 'missing_password'],
    ['198.51.100.1:8080::pass', 'malformed_line'],
    ['[2001:db8::1]x80', 'malformed_line'],
    ['http://u:p@198.51.100.1:80/path', 'malformed_line'],
    ['198.51.100.1:80:u:p[ftp://files.example.com/x]', 'invalid_rotation_url'],
    ['198.51.100.1:80:u:p[https://]', 'invalid_rotation_url'],
  ] as const)('rejects %s as %s', (line, reason) => {
    expect(rejection(line).reason).toBe(reason)
  })

  it('rejects an over-long line without scanning it', () => {
    expect(rejection(`198.51.100.1:80:u:${'p'.repeat(MAX_LINE_LENGTH)}`).reason).toBe(
      'malformed_line',
    )
  })

  it('hints at brackets for bare IPv6', () => {
    expect(rejection('2001:db8::1:8080').message).toMatch(/brackets/)
  })

  it('never puts a password in the message, and masks it in raw', () => {
    const lines = [
      '203.0.113.18:99999:user:hunter2secret',
      'user:hunter2secret@999.1.1.1:80',
      'socks9://user:hunter2secret@198.51.100.1:1080',
      '198.51.100.1:80:user:hunter2secret[ftp://x.example.com]',
    ]
    for (const line of lines) {
      const rejected = rejection(line)
      expect(rejected.message).not.toContain('hunter2')
      expect(rejected.raw).toBeDefined()
      expect(rejected.raw).not.toContain('hunter2')
      expect(rejected.raw).toContain('***')
    }
  })

  it('truncates raw', () => {
    const raw = rejection(`${'a'.repeat(300)}!:80`).raw ?? ''
    expect(raw.length).toBeLessThan(200)
  })
})
