import { describe, expect, it } from 'vitest'
import { formatProxyLine } from './format-line'
import type { ParsedProxy } from './types'
import { writeHistoryCsv } from './write-history'
import { writeProxiesCsv, writeProxiesJson, writeProxiesTxt } from './write-proxies'

function proxyOf(fields: Partial<ParsedProxy>): ParsedProxy {
  return {
    protocol: 'http',
    remoteDns: false,
    host: '198.51.100.1',
    port: 8080,
    username: 'user',
    password: 'pass',
    rotationUrl: null,
    location: null,
    country: null,
    tags: [],
    notes: null,
    provider: null,
    ...fields,
  }
}

const withPasswords = { includePasswords: true }
const withoutPasswords = { includePasswords: false }

describe('formatProxyLine', () => {
  it('writes the three shapes', () => {
    const p = proxyOf({ protocol: 'socks5', remoteDns: true })
    expect(formatProxyLine(p, 'host:port:user:pass', withPasswords)).toBe(
      '198.51.100.1:8080:user:pass',
    )
    expect(formatProxyLine(p, 'user:pass@host:port', withPasswords)).toBe(
      'user:pass@198.51.100.1:8080',
    )
    expect(formatProxyLine(p, 'protocol://user:pass@host:port', withPasswords)).toBe(
      'socks5h://user:pass@198.51.100.1:8080',
    )
  })

  it('brackets IPv6 hosts and appends the rotation link', () => {
    const p = proxyOf({ host: '2001:db8::1', rotationUrl: 'https://api.example.com/r?k=1' })
    expect(formatProxyLine(p, 'host:port:user:pass', withPasswords)).toBe(
      '[2001:db8::1]:8080:user:pass[https://api.example.com/r?k=1]',
    )
    expect(formatProxyLine(p, 'protocol://user:pass@host:port', withPasswords)).toBe(
      'http://user:pass@[2001:db8::1]:8080[https://api.example.com/r?k=1]',
    )
  })

  it('percent-encodes credentials in the @ shapes, keeping + _ - . ~ as they are', () => {
    const p = proxyOf({ username: 'brd-customer_x+us.1~', password: 'p@ss:w/rd%#[] é' })
    expect(formatProxyLine(p, 'user:pass@host:port', withPasswords)).toBe(
      'brd-customer_x+us.1~:p%40ss%3Aw%2Frd%25%23%5B%5D%20%C3%A9@198.51.100.1:8080',
    )
    expect(formatProxyLine(p, 'host:port:user:pass', withPasswords)).toBe(
      '198.51.100.1:8080:brd-customer_x+us.1~:p@ss:w/rd%#[] é',
    )
  })

  it('writes proxies without credentials as host:port in every shape', () => {
    const p = proxyOf({ username: null, password: null, protocol: 'socks4' })
    expect(formatProxyLine(p, 'host:port:user:pass', withPasswords)).toBe('198.51.100.1:8080')
    expect(formatProxyLine(p, 'user:pass@host:port', withPasswords)).toBe('198.51.100.1:8080')
    expect(formatProxyLine(p, 'protocol://user:pass@host:port', withPasswords)).toBe(
      'socks4://198.51.100.1:8080',
    )
  })

  it('leaves passwords out on request, keeping the username', () => {
    const p = proxyOf({})
    expect(formatProxyLine(p, 'host:port:user:pass', withoutPasswords)).toBe(
      '198.51.100.1:8080:user:',
    )
    expect(formatProxyLine(p, 'user:pass@host:port', withoutPasswords)).toBe(
      'user@198.51.100.1:8080',
    )
    expect(formatProxyLine(p, 'protocol://user:pass@host:port', withoutPasswords)).toBe(
      'http://user@198.51.100.1:8080',
    )
  })

  it('falls back to user:pass@host:port where the colon shape cannot carry the proxy', () => {
    const cases: [Partial<ParsedProxy>, string][] = [
      [{ username: 'us:er' }, 'us%3Aer:pass@198.51.100.1:8080'],
      [{ password: 'trailing ' }, 'user:trailing%20@198.51.100.1:8080'],
      [{ password: 'ends]' }, 'user:ends%5D@198.51.100.1:8080'],
      [{ password: 'two\nlines' }, 'user:two%0Alines@198.51.100.1:8080'],
    ]
    for (const [fields, line] of cases) {
      expect(formatProxyLine(proxyOf(fields), 'host:port:user:pass', withPasswords)).toBe(line)
    }
  })
})

describe('file writers', () => {
  const rows = [
    proxyOf({
      protocol: 'socks5',
      remoteDns: true,
      password: 'p,"q"',
      location: 'US-California',
      country: 'US',
      tags: ['res', 'sticky'],
      notes: 'line one\nline two',
      provider: 'Acme',
      rotationUrl: 'https://api.example.com/r',
    }),
    proxyOf({ host: '2001:db8::1', username: null, password: null, notes: ' padded ' }),
  ]

  it('writes txt one line per proxy', () => {
    expect(writeProxiesTxt(rows, 'host:port:user:pass', withPasswords)).toBe(
      '198.51.100.1:8080:user:p,"q"[https://api.example.com/r]\n[2001:db8::1]:8080\n',
    )
    expect(writeProxiesTxt([], 'host:port:user:pass', withPasswords)).toBe('')
  })

  it('writes CSV with the import column names, quoting what needs it', () => {
    expect(writeProxiesCsv(rows, withPasswords)).toBe(
      [
        'protocol,host,port,username,password,rotation_url,location,country,tags,notes,provider',
        'socks5h,198.51.100.1,8080,user,"p,""q""",https://api.example.com/r,US-California,US,"res,sticky","line one\nline two",Acme',
        'http,2001:db8::1,8080,,,,,,," padded ",',
        '',
      ].join('\n'),
    )
  })

  it('drops the password column from CSV and JSON without passwords', () => {
    const csv = writeProxiesCsv(rows, withoutPasswords)
    expect(csv.split('\n')[0]).toBe(
      'protocol,host,port,username,rotation_url,location,country,tags,notes,provider',
    )
    expect(csv).not.toContain('p,""q""')
    const json = JSON.parse(writeProxiesJson(rows, withoutPasswords)) as object[]
    expect(json.every((item) => !('password' in item))).toBe(true)
  })

  it('writes JSON objects with typed values', () => {
    expect(JSON.parse(writeProxiesJson(rows, withPasswords))).toEqual([
      {
        protocol: 'socks5h',
        host: '198.51.100.1',
        port: 8080,
        username: 'user',
        password: 'p,"q"',
        rotation_url: 'https://api.example.com/r',
        location: 'US-California',
        country: 'US',
        tags: ['res', 'sticky'],
        notes: 'line one\nline two',
        provider: 'Acme',
      },
      {
        protocol: 'http',
        host: '2001:db8::1',
        port: 8080,
        username: null,
        password: null,
        rotation_url: null,
        location: null,
        country: null,
        tags: [],
        notes: ' padded ',
        provider: null,
      },
    ])
  })
})

describe('writeHistoryCsv', () => {
  it('writes the audit trail with ISO times and defuses spreadsheet formulas', () => {
    const csv = writeHistoryCsv([
      {
        createdAt: Date.UTC(2025, 0, 2, 3, 4, 5, 6),
        action: 'assigned',
        reason: 'automatic',
        assignedBy: 'system',
        proxy: 'socks5://198.51.100.1:1080 (user)',
        account: '=HYPERLINK("http://evil.example")',
        model: 'Model, A',
      },
      {
        createdAt: new Date('2025-02-03T00:00:00Z'),
        action: 'released',
        reason: 'proxy_removed',
        assignedBy: 'operator',
        proxy: null,
        account: '@handle',
        model: null,
      },
    ])
    expect(csv).toBe(
      [
        'created_at,action,reason,assigned_by,proxy,account,model',
        '2025-01-02T03:04:05.006Z,assigned,automatic,system,socks5://198.51.100.1:1080 (user),"\'=HYPERLINK(""http://evil.example"")","Model, A"',
        "2025-02-03T00:00:00.000Z,released,proxy_removed,operator,,'@handle,",
        '',
      ].join('\n'),
    )
  })
})
