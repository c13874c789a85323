import { describe, expect, it } from 'vitest'
import { detectFormat, iterateProxyLines, parseText } from './parse-text'
import { countLines } from './physical-lines'
import type { ParsedLine, ParseOptions } from './types'

const options: ParseOptions = { defaultProtocol: 'http', defaultProvider: 'Default Co' }

function summary(lines: ParsedLine[]) {
  return lines.map((l) =>
    l.ok ? [l.line, l.proxy.host, l.proxy.port, l.proxy.username] : [l.line, l.reason],
  )
}

describe('format detection', () => {
  it.each([
    ['[{"host":"198.51.100.1","port":80}]', 'json'],
    ['\uFEFF\n  [\n{"host":"198.51.100.1","port":80}]', 'json'],
    ['[]', 'json'],
    ['["198.51.100.1:80"]', 'json'],
    ['[2001:db8::1]:8080\n198.51.100.1:80', 'lines'],
    ['[::1]:8080', 'lines'],
    ['# list\nhost,port,user,pass\n198.51.100.1,80,u,p', 'csv'],
    ['IP;Port\n198.51.100.1;80', 'csv'],
    ['ip\tport\tusername\n198.51.100.1\t80\tu', 'csv'],
    ['198.51.100.1,80,u,p', 'lines'],
    ['198.51.100.1:80:u:p', 'lines'],
    ['', 'lines'],
  ] as const)('detects %j as %s', (text, format) => {
    expect(detectFormat(text)).toBe(format)
  })
})

describe('text lines', () => {
  it('mixes shapes in one file, skipping blanks and comments, with physical line numbers', () => {
    const text = [
      '\uFEFF# from the provider dashboard',
      '198.51.100.1:8080',
      '',
      'gate.example.org:7000:user-country-us-session-abc123:pass',
      '  # indented comment',
      'socks5://dave:p%40ss@198.51.100.8:1080',
      '[2001:db8::2]:1080:user:pass',
      '203.0.113.18:99999',
      'u:p@gate.example.org:7000',
      '',
    ].join('\r\n')
    const { format, lines } = parseText(text, options)
    expect(format).toBe('lines')
    expect(summary(lines)).toEqual([
      [2, '198.51.100.1', 8080, null],
      [4, 'gate.example.org', 7000, 'user-country-us-session-abc123'],
      [6, '198.51.100.8', 1080, 'dave'],
      [7, '2001:db8::2', 1080, 'user'],
      [8, 'port_out_of_range'],
      [9, 'gate.example.org', 7000, 'u'],
    ])
    expect(lines.every((l) => !l.ok || l.proxy.provider === 'Default Co')).toBe(true)
  })

  it('yields lazily, so a caller can stop or report progress midway', () => {
    const text = Array.from({ length: 1000 }, (_, i) => `198.51.${i >> 8}.${i & 255}:80`).join('\n')
    const iterator = iterateProxyLines(text, options)
    const first = iterator.next()
    expect(first.value).toMatchObject({ line: 1, ok: true })
    let rest = 0
    for (const _ of iterator) rest++
    expect(rest).toBe(999)
    expect(countLines(text)).toBe(1000)
    expect(countLines(`${text}\n`)).toBe(1000)
  })
})

describe('CSV', () => {
  it('maps columns by name, in any order and case, ignoring unknown ones', () => {
    const text = [
      'Notes,IP,Port,User,Pass,Type,Location,Country,Tags,Provider,Rotation URL,Colour',
      'office,198.51.100.1,8080,alice,s3cret,socks5h,US-California,us,"res, sticky,res",Acme,https://api.example.com/r,red',
      ',198.51.100.2,8081,,,,,,,,,',
    ].join('\n')
    const { format, lines } = parseText(text, options)
    expect(format).toBe('csv')
    expect(lines).toEqual([
      {
        line: 2,
        ok: true,
        proxy: {
          protocol: 'socks5',
          remoteDns: true,
          host: '198.51.100.1',
          port: 8080,
          username: 'alice',
          password: 's3cret',
          rotationUrl: 'https://api.example.com/r',
          location: 'US-California',
          country: 'US',
          tags: ['res', 'sticky'],
          notes: 'office',
          provider: 'Acme',
        },
      },
      {
        line: 3,
        ok: true,
        proxy: {
          protocol: 'http',
          remoteDns: false,
          host: '198.51.100.2',
          port: 8081,
          username: null,
          password: null,
          rotationUrl: null,
          location: null,
          country: null,
          tags: [],
          notes: null,
          provider: 'Default Co',
        },
      },
    ])
  })

  it('reads quoted cells with delimiters, quotes and line breaks, numbering records by first line', () => {
    const text = [
      'host;port;username;password;notes',
      '198.51.100.1;80;u1;" p;w ""x"" ";"two',
      'lines"',
      '198.51.100.2;81;u2;pa"ss;plain',
    ].join('\r\n')
    const { lines } = parseText(text, options)
    expect(lines.map((l) => l.ok && [l.line, l.proxy.password, l.proxy.notes])).toEqual([
      [2, ' p;w "x" ', 'two\nlines'],
      [4, 'pa"ss', 'plain'],
    ])
  })

  it('rejects a header without a host or port column as missing_column', () => {
    const { format, lines } = parseText('# x\nip,username,password\n198.51.100.1,u,p\n', options)
    expect(format).toBe('csv')
    expect(lines).toEqual([
      { line: 2, ok: false, reason: 'missing_column', message: expect.stringMatching(/port/) },
    ])
  })

  it('rejects rows one by one: short rows, bad values, broken quoting', () => {
    const text = [
      'host,port,username,password,protocol,country,rotation_url',
      '198.51.100.1',
      '198.51.100.2,99999,u,p',
      '999.1.1.1,80',
      '198.51.100.3,80,u,hunter2secret,ftp',
      '198.51.100.4,80,u,p,,USA',
      '198.51.100.5,80,u,p,,,ftp://files.example.com',
      '198.51.100.6,80,,p',
      '198.51.100.7,,u,p',
      '198.51.100.8,80,u,p',
      '198.51.100.9,80,u,"never closed',
    ].join('\n')
    const { lines } = parseText(text, options)
    expect(summary(lines)).toEqual([
      [2, 'missing_column'],
      [3, 'port_out_of_range'],
      [4, 'invalid_host'],
      [5, 'unsupported_scheme'],
      [6, 'invalid_country'],
      [7, 'invalid_rotation_url'],
      [8, 'malformed_line'],
      [9, 'missing_port'],
      [10, '198.51.100.8', 80, 'u'],
      [11, 'malformed_line'],
    ])
    const rejected = lines.find((l) => l.line === 5)
    expect(rejected && !rejected.ok && rejected.raw).toBe('198.51.100.3,80,u,***,ftp')
  })

  it('does not let a stray quote swallow the rest of the file', () => {
    const rows = Array.from({ length: 120 }, (_, i) => `gate.example.org,7000,user-${i},pass`)
    rows[10] = 'gate.example.org,7000,user-10,"stray'
    const { lines } = parseText(`host,port,user,pass\n${rows.join('\n')}`, options)
    expect(lines).toHaveLength(120)
    expect(lines[10]).toMatchObject({ line: 12, ok: false, reason: 'malformed_line' })
    expect(lines.filter((l) => l.ok)).toHaveLength(119)
    expect(lines[11]).toMatchObject({ line: 13, ok: true, proxy: { username: 'user-11' } })
  })

  it('reads more records than one batch', () => {
    const rows = Array.from({ length: 1234 }, (_, i) => `gate.example.org,7000,user-${i},"p,${i}"`)
    const { lines } = parseText(`host,port,user,pass\n${rows.join('\n')}`, options)
    expect(lines).toHaveLength(1234)
    expect(lines.every((l) => l.ok)).toBe(true)
    expect(lines[1233]).toMatchObject({
      line: 1235,
      proxy: { username: 'user-1233', password: 'p,1233' },
    })
  })
})

describe('JSON', () => {
  it('reads an array of objects with the CSV column names, and strings as lines', () => {
    const text = JSON.stringify([
      {
        ip: '2001:DB8::7',
        port: '1080',
        username: 'u',
        password: 'p:w',
        type: 'SOCKS5',
        remoteDns: true,
        tags: ['a', ' b ', 'a'],
        rotationUrl: 'https://api.example.com/r',
        country: 'de',
        notes: 42,
      },
      '198.51.100.1:8080:user:pass',
      '# a comment string is skipped',
    ])
    const { format, lines } = parseText(text, options)
    expect(format).toBe('json')
    expect(lines).toEqual([
      {
        line: 1,
        ok: true,
        proxy: {
          protocol: 'socks5',
          remoteDns: true,
          host: '2001:db8::7',
          port: 1080,
          username: 'u',
          password: 'p:w',
          rotationUrl: 'https://api.example.com/r',
          location: null,
          country: 'DE',
          tags: ['a', 'b'],
          notes: '42',
          provider: 'Default Co',
        },
      },
      expect.objectContaining({ line: 2, ok: true }),
    ])
  })

  it('rejects invalid JSON with the line of the error', () => {
    const { lines } = parseText('[\n{"host": "198.51.100.1",\n "port": 80,,\n}]', options)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatchObject({ ok: false, reason: 'invalid_json' })
    expect(lines[0]!.line).toBeGreaterThanOrEqual(1)
  })

  it('rejects items that are not objects, and bad fields, item by item', () => {
    const text = JSON.stringify([
      5,
      null,
      ['198.51.100.1', 80],
      { host: '198.51.100.1' },
      { host: '198.51.100.1', port: 1.5 },
      { host: '198.51.100.1', port: 70000 },
      { host: '198.51.100.1', port: 80, notes: { nested: true } },
      { host: '198.51.100.1', port: 80, tags: [null] },
      { host: '198.51.100.1', port: 80 },
    ])
    expect(summary(parseText(text, options).lines)).toEqual([
      [1, 'not_an_object'],
      [2, 'not_an_object'],
      [3, 'not_an_object'],
      [4, 'missing_column'],
      [5, 'invalid_port'],
      [6, 'port_out_of_range'],
      [7, 'invalid_field'],
      [8, 'invalid_field'],
      [9, '198.51.100.1', 80, null],
    ])
  })

  it('rejects a NUL or a lone surrogate that JSON escapes carry into a field', () => {
    const text =
      '[{"host":"198.51.100.1","port":80,"username":"u","password":"a\\u0000b"},' +
      '{"host":"198.51.100.1","port":81,"notes":"\\ud800"},' +
      '{"host":"198.51.100.1","port":82,"notes":"ok \\ud83d\\ude00"}]'
    expect(summary(parseText(text, options).lines)).toEqual([
      [1, 'invalid_field'],
      [2, 'invalid_field'],
      [3, '198.51.100.1', 82, null],
    ])
  })
})
