// The operator's own location databases, through the contracts (geo:databases, geo:chooseDatabase,
// geo:useBundled) on a real context: real .mmdb files written by test/support/mmdb-writer.ts and
// read by the same maxmind package, real SQLite settings. The file dialog is the one stand-in: a
// FileDialogs that answers with the paths the test chose, as src/main/electron/dialogs.ts would.
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '../../../test/support/context'
import { writeMmdb, type MmdbFile } from '../../../test/support/mmdb-writer'
import { call, rejection } from '../../../test/support/transfer'
import type { GeoDatabaseDto } from '../../shared/contracts/geo'
import { readGeoDatabaseSetting } from '../services/settings'
import type { FileDialogs } from '../services/transfer/file-dialogs'

let dir: string
let test: TestContext
let answer: string[] | null = null
const dialogs: FileDialogs = {
  chooseOpenFile: () => Promise.resolve(answer?.[0] ?? null),
  chooseOpenFiles: () => Promise.resolve(answer),
  chooseSaveFile: () => Promise.resolve(null),
}

// 2027-01-15T08:00:00Z and 2026-11-14T22:13:20Z: dates no bundled copy carries.
const CITY_EPOCH = 1_800_000_000
const ASN_EPOCH = 1_794_694_400

function file(name: string, content: MmdbFile | string): string {
  const path = join(dir, name)
  writeFileSync(path, typeof content === 'string' ? content : writeMmdb(content))
  return path
}

/** MaxMind's own City layout: one IPv6 tree for both families, nested records. */
const officialCity: MmdbFile = {
  databaseType: 'GeoLite2-City',
  ipVersion: 6,
  buildEpoch: CITY_EPOCH,
  networks: [
    {
      network: '8.8.8.0/24',
      data: {
        country: { iso_code: 'NZ', names: { en: 'New Zealand' } },
        subdivisions: [{ iso_code: 'AUK', names: { en: 'Auckland' } }],
        city: { names: { en: 'Auckland' } },
        location: { time_zone: 'Pacific/Auckland', latitude: -36.85, longitude: 174.76 },
      },
    },
    {
      network: '2001:4860::/32',
      data: { country: { iso_code: 'IS' }, location: { time_zone: 'Atlantic/Reykjavik' } },
    },
  ],
}

/** ip-location-db's ASN layout: an IPv4 file and an IPv6 file. */
const asnV4: MmdbFile = {
  databaseType: 'asn ipv4',
  ipVersion: 4,
  buildEpoch: ASN_EPOCH,
  networks: [
    {
      network: '8.8.8.0/24',
      data: { autonomous_system_number: 64_500, autonomous_system_organization: 'Test Net A' },
    },
  ],
}
const asnV6: MmdbFile = {
  databaseType: 'asn ipv6',
  ipVersion: 6,
  buildEpoch: ASN_EPOCH - 60,
  networks: [
    {
      network: '2001:4860::/32',
      data: { autonomous_system_number: 64_501, autonomous_system_organization: 'Test Net B' },
    },
  ],
}

function database(list: { databases: GeoDatabaseDto[] }, kind: 'city' | 'asn'): GeoDatabaseDto {
  return list.databases.find((entry) => entry.kind === kind)!
}

const lookup = (ip: string) => test.ctx.checks.geo.lookup.lookup(ip)

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'proxydeck-geo-'))
  test = await createTestContext({ dialogs })
})

afterAll(async () => {
  await test?.dispose()
  rmSync(dir, { recursive: true, force: true })
})

describe('location databases chosen by the operator', () => {
  it('reports the bundled databases and their build dates', async () => {
    const list = await call(test.ctx, 'geo:databases', {})
    expect(database(list, 'city')).toMatchObject({
      source: 'bundled',
      paths: [],
      // The newer of the two files' build_epoch (geolite2-city-ipv4/-ipv6.mmdb).
      builtAt: '2026-06-17T19:53:00.000Z',
      problem: null,
    })
    expect(database(list, 'city').publisher).toMatch(/MaxMind/)
    // The CSV has no metadata: the package's release, version 2.3.2026061719.
    expect(database(list, 'asn')).toMatchObject({
      source: 'bundled',
      builtAt: '2026-06-17T19:00:00.000Z',
    })
    expect(lookup('8.8.8.8')).toMatchObject({ country: 'US', asn: 15169 })
  })

  it('replaces the bundled City data with MaxMind-layout file and shows its build date', async () => {
    answer = [file('GeoLite2-City.mmdb', officialCity)]
    const list = await call(test.ctx, 'geo:chooseDatabase', { kind: 'city' })
    expect(database(list, 'city')).toEqual({
      kind: 'city',
      source: 'file',
      paths: answer,
      type: 'GeoLite2-City',
      builtAt: '2027-01-15T08:00:00.000Z',
      publisher: null,
      problem: null,
    })
    expect(database(list, 'asn').source).toBe('bundled')
    // The place now comes from the file; the network still from the bundled ASN data.
    expect(lookup('8.8.8.8')).toEqual({
      country: 'NZ',
      region: 'Auckland',
      city: 'Auckland',
      timezone: 'Pacific/Auckland',
      asn: 15169,
      org: 'Google LLC',
    })
    expect(lookup('2001:4860:4860::8888')).toMatchObject({
      country: 'IS',
      timezone: 'Atlantic/Reykjavik',
    })
    // Not in the file: nothing, rather than the bundled copy's answer.
    expect(lookup('193.0.6.139')).toMatchObject({ country: null, timezone: null, asn: 3333 })
    expect(lookup('127.0.0.1')).toMatchObject({ country: null, asn: null })
    expect(readGeoDatabaseSetting(test.ctx.sqlite, 'city')).toEqual(answer)
  })

  it('takes ip-location-db style ASN files, one per family, as one database', async () => {
    answer = [file('asn-ipv4.mmdb', asnV4), file('asn-ipv6.mmdb', asnV6)]
    const list = await call(test.ctx, 'geo:chooseDatabase', { kind: 'asn' })
    expect(database(list, 'asn')).toMatchObject({
      source: 'file',
      paths: answer,
      type: 'asn ipv4',
      builtAt: '2026-11-14T22:13:20.000Z',
    })
    expect(lookup('8.8.8.8')).toMatchObject({ asn: 64_500, org: 'Test Net A' })
    expect(lookup('2001:4860:4860::8888')).toMatchObject({ asn: 64_501, org: 'Test Net B' })
  })

  it('refuses a file that is not an mmdb, or not of the kind, and changes nothing', async () => {
    const before = await call(test.ctx, 'geo:databases', {})
    const settingBefore = readGeoDatabaseSetting(test.ctx.sqlite, 'city')
    const cases: [string[] | null, 'city' | 'asn', string, RegExp][] = [
      [
        [file('notes.mmdb', 'just some text, no metadata\n'.repeat(50))],
        'city',
        'VALIDATION',
        /notes\.mmdb is not a MaxMind DB/,
      ],
      [
        [file('asn.mmdb', asnV4)],
        'city',
        'VALIDATION',
        /asn\.mmdb is an ASN database \(database type "asn ipv4"\), not a City one/,
      ],
      [
        [join(dir, 'GeoLite2-City.mmdb')],
        'asn',
        'VALIDATION',
        /is a City database .* not an ASN one/,
      ],
      [
        [join(dir, 'gone.mmdb')],
        'city',
        'VALIDATION',
        /Could not read gone\.mmdb: it does not exist/,
      ],
      [[dir], 'city', 'VALIDATION', /it is a folder/],
      [
        [file('a.mmdb', asnV4), file('b.mmdb', asnV4)],
        'asn',
        'VALIDATION',
        /one IPv4 file and one IPv6 file/,
      ],
      [null, 'city', 'CANCELLED', /No file was chosen/],
    ]
    for (const [paths, kind, code, message] of cases) {
      answer = paths
      const error = await rejection(call(test.ctx, 'geo:chooseDatabase', { kind }))
      expect(error.code, String(paths)).toBe(code)
      expect(error.message).toMatch(message)
    }
    expect(await call(test.ctx, 'geo:databases', {})).toEqual(before)
    expect(readGeoDatabaseSetting(test.ctx.sqlite, 'city')).toEqual(settingBefore)
    expect(lookup('8.8.8.8')).toMatchObject({ country: 'NZ', asn: 64_500 })
  })

  it('refuses bad input before any dialog opens', async () => {
    const error = await rejection(
      call(test.ctx, 'geo:chooseDatabase', { kind: 'country' } as never),
    )
    expect(error.code).toBe('VALIDATION')
  })

  it('keeps the choice across restarts, and falls back to bundled with a reason when the file is gone', async () => {
    const reopened = await createTestContext({ dialogs })
    try {
      // Same settings rows, new context: copy the choice over as the operator's data dir would.
      reopened.ctx.sqlite
        .prepare("INSERT INTO settings (key, value) VALUES ('geoCityDatabase', ?)")
        .run(JSON.stringify([join(dir, 'GeoLite2-City.mmdb')]))
      reopened.ctx.sqlite
        .prepare("INSERT INTO settings (key, value) VALUES ('geoAsnDatabase', ?)")
        .run(JSON.stringify([join(dir, 'missing-asn.mmdb')]))
      const list = await call(reopened.ctx, 'geo:databases', {})
      expect(database(list, 'city')).toMatchObject({ source: 'file', problem: null })
      expect(database(list, 'asn')).toMatchObject({ source: 'bundled' })
      expect(database(list, 'asn').problem).toMatch(
        /missing-asn\.mmdb: it does not exist\. The bundled database is used instead\./,
      )
      expect(reopened.ctx.checks.geo.lookup.lookup('8.8.8.8')).toMatchObject({
        country: 'NZ',
        asn: 15169,
      })
    } finally {
      await reopened.dispose()
    }
  })

  it('goes back to the bundled databases', async () => {
    const city = await call(test.ctx, 'geo:useBundled', { kind: 'city' })
    expect(database(city, 'city')).toMatchObject({ source: 'bundled', paths: [] })
    const both = await call(test.ctx, 'geo:useBundled', { kind: 'asn' })
    expect(database(both, 'asn')).toMatchObject({ source: 'bundled', paths: [] })
    expect(readGeoDatabaseSetting(test.ctx.sqlite, 'city')).toBeNull()
    expect(lookup('8.8.8.8')).toMatchObject({
      country: 'US',
      timezone: 'America/Chicago',
      asn: 15169,
    })
  })

  it('uses a chosen file for checks already running: the checker reads through the same lookup', async () => {
    const checker = await test.ctx.checks.checker()
    answer = [file('GeoLite2-City.mmdb', officialCity)]
    await call(test.ctx, 'geo:chooseDatabase', { kind: 'city' })
    expect(await test.ctx.checks.checker()).toBe(checker)
    expect(lookup('8.8.8.8').country).toBe('NZ')
    unlinkSync(answer[0]!)
    // Already opened (read into memory): deleting the file does not break lookups in this run.
    expect(lookup('8.8.8.8').country).toBe('NZ')
  })
})

describe('without a file dialog (the HTTP bridge)', () => {
  it('says choosing needs the desktop app and changes nothing', async () => {
    const headless = await createTestContext({ geo: false })
    try {
      const error = await rejection(call(headless.ctx, 'geo:chooseDatabase', { kind: 'asn' }))
      expect(error.code).toBe('VALIDATION')
      expect(error.message).toMatch(/desktop app/)
      const list = await call(headless.ctx, 'geo:databases', {})
      expect(list.databases.map((entry) => entry.source)).toEqual(['none', 'none'])
    } finally {
      await headless.dispose()
    }
  })
})
