import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { normalizeHost } from './host-port'
import { parseText } from './parse-text'
import { protocolToScheme } from './scheme'
import { lineShapes, type ParsedProxy } from './types'
import { writeProxiesCsv, writeProxiesJson, writeProxiesTxt } from './write-proxies'

/** Export, then import: the same proxies come back, in order, without a rejection. */
function reimport(text: string, defaultProtocol: ParsedProxy['protocol'] = 'http'): ParsedProxy[] {
  const { lines } = parseText(text, { defaultProtocol, defaultProvider: null })
  return lines.map((line) => {
    if (!line.ok) throw new Error(`line ${line.line} rejected: ${line.reason} (${line.raw})`)
    return line.proxy
  })
}

const tricky: ParsedProxy[] = [
  proxy({ host: '2001:db8::1', username: 'user', password: 'pass' }),
  proxy({ username: 'user', password: 'pa:ss' }),
  proxy({ username: 'dave', password: 'p@ss' }),
  proxy({ host: 'gate.example.org', port: 7000, username: 'user-country-us-session-abc123' }),
  proxy({
    host: 'brd.superproxy.io',
    username: 'brd-customer-hl_12ab-zone-res-country-us-session-x1',
    password: 'pass_country-br_session-ab12cd34_lifetime-10m',
  }),
  proxy({ protocol: 'socks5', remoteDns: true, username: 'u', password: 'p' }),
  proxy({ username: null, password: null }),
  proxy({ username: 'userid', password: null }),
  proxy({
    username: 'u',
    password: '100%sure [x] #1 / é',
    rotationUrl: 'https://r.example.com/?a=[1]',
  }),
]

function proxy(fields: Partial<ParsedProxy>): ParsedProxy {
  return {
    protocol: 'http',
    remoteDns: false,
    host: '203.0.113.16',
    port: 8080,
    username: 'user',
    password: 'secret',
    rotationUrl: null,
    location: null,
    country: null,
    tags: [],
    notes: null,
    provider: null,
    ...fields,
  }
}

/** What a txt shape carries; the protocol only in the URL shape. */
function lineFields(p: ParsedProxy) {
  const { host, port, username, password, rotationUrl } = p
  return { host, port, username, password, rotationUrl }
}

describe('export then import gives the same proxies', () => {
  it('in the URL shape, protocol and remote DNS included', () => {
    const text = writeProxiesTxt(tricky, 'protocol://user:pass@host:port', {
      includePasswords: true,
    })
    expect(reimport(text).map(lineFields)).toEqual(tricky.map(lineFields))
    expect(reimport(text).map(protocolToScheme)).toEqual(tricky.map(protocolToScheme))
  })

  it.each(['host:port:user:pass', 'user:pass@host:port'] as const)(
    'in the %s shape, under the import default protocol',
    (shape) => {
      const text = writeProxiesTxt(tricky, shape, { includePasswords: true })
      expect(reimport(text, 'https').map(lineFields)).toEqual(tricky.map(lineFields))
      expect(reimport(text, 'https').every((p) => p.protocol === 'https')).toBe(true)
    },
  )

  it('in CSV and JSON, every field included', () => {
    const rich = tricky.map((p, i) => ({
      ...p,
      location: i % 2 ? 'US-California' : null,
      country: i % 3 ? 'BR' : null,
      tags: i % 2 ? ['residential', 'sticky 10m'] : [],
      notes: i % 2 ? 'line one\nline "two", three' : null,
      provider: i % 2 ? 'Acme; Ltd' : null,
    }))
    for (const write of [writeProxiesCsv, writeProxiesJson]) {
      expect(reimport(write(rich, { includePasswords: true }))).toEqual(rich)
    }
  })

  it('without passwords, everything but the passwords', () => {
    const noPasswords = tricky.map((p) => ({ ...p, password: null }))
    expect(reimport(writeProxiesCsv(tricky, { includePasswords: false }))).toEqual(noPasswords)
    expect(reimport(writeProxiesJson(tricky, { includePasswords: false }))).toEqual(noPasswords)
    for (const shape of lineShapes) {
      const text = writeProxiesTxt(tricky, shape, { includePasswords: false })
      expect(reimport(text).map(lineFields)).toEqual(noPasswords.map(lineFields))
    }
  })
})

describe('round trip over generated proxies', () => {
  const host = fc.oneof(
    fc.ipV4(),
    fc.ipV6().map((address) => normalizeHost(address) ?? '::1'),
    fc.domain().map((name) => normalizeHost(name) ?? 'fallback.example.com'),
  )
  // Credentials of any code points but NUL (no input takes one), weighted towards the separators
  // that break parsers.
  const secret = (unit: 'binary' | 'grapheme') =>
    fc.string({
      minLength: 1,
      maxLength: 24,
      unit: fc.oneof(
        fc.constantFrom(
          ':',
          '@',
          '%',
          '%41',
          '[',
          ']',
          '/',
          '#',
          ' ',
          '+',
          '_',
          '-',
          '.',
          '"',
          ',',
        ),
        fc.string({ unit, minLength: 1, maxLength: 1 }).filter((char) => char !== '\u0000'),
      ),
    })
  const label = fc.string({ minLength: 1, maxLength: 12 }).map((s) => s.replaceAll(',', '').trim())
  const generated = (unit: 'binary' | 'grapheme') =>
    fc
      .record({
        scheme: fc.constantFrom('http', 'https', 'socks4', 'socks5', 'socks5h') as fc.Arbitrary<
          'http' | 'https' | 'socks4' | 'socks5' | 'socks5h'
        >,
        host,
        port: fc.integer({ min: 1, max: 65535 }),
        username: fc.option(secret(unit)),
        password: fc.option(secret(unit)),
        rotationUrl: fc.option(
          fc.constantFrom('https://api.example.com/r?k=[1]', 'http://[::1]:9/x'),
        ),
        location: fc.option(label.filter((s) => s !== '')),
        country: fc.option(fc.constantFrom('US', 'DE', 'BR')),
        tags: fc.uniqueArray(
          label.filter((s) => s !== ''),
          { maxLength: 3 },
        ),
        notes: fc.option(label.filter((s) => s !== '')),
      })
      .map(({ scheme, username, password, ...rest }) =>
        proxy({
          ...rest,
          protocol: scheme === 'socks5h' ? 'socks5' : scheme,
          remoteDns: scheme === 'socks5h',
          username,
          // No shape has room for a password without a username.
          password: username === null ? null : password,
        }),
      )

  it('txt shapes carry any credentials', () => {
    fc.assert(
      fc.property(fc.array(generated('binary'), { maxLength: 8 }), (proxies) => {
        for (const shape of lineShapes) {
          const text = writeProxiesTxt(proxies, shape, { includePasswords: true })
          expect(reimport(text).map(lineFields)).toEqual(proxies.map(lineFields))
        }
        const urls = writeProxiesTxt(proxies, 'protocol://user:pass@host:port', {
          includePasswords: true,
        })
        expect(reimport(urls).map(protocolToScheme)).toEqual(proxies.map(protocolToScheme))
      }),
      { numRuns: 200 },
    )
  })

  it('CSV and JSON carry every field', () => {
    fc.assert(
      fc.property(fc.array(generated('grapheme'), { maxLength: 8 }), (proxies) => {
        expect(reimport(writeProxiesCsv(proxies, { includePasswords: true }))).toEqual(proxies)
        expect(reimport(writeProxiesJson(proxies, { includePasswords: true }))).toEqual(proxies)
      }),
      { numRuns: 200 },
    )
  })
})
