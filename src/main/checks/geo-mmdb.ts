import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import net from 'node:net'
import maxmind, { type Reader, type Response } from 'maxmind'
import type { GeoDatabaseKind } from '../../shared/contracts/geo'
import type { AsnRecord } from './geo-asn-ranges'

/** What a city database says about an address (each part null when it does not know). */
export interface CityRecord {
  country: string | null
  region: string | null
  city: string | null
  timezone: string | null
}

/** One or two opened .mmdb files of one kind: a single tree for both families, or one each. */
export interface MmdbSet {
  readonly kind: GeoDatabaseKind
  readonly paths: string[]
  /** `database_type` from the metadata (of the first file when there are two). */
  readonly type: string
  /** The newest `build_epoch` among the files. */
  readonly builtAt: Date
  /** `address` is normalized (ip-ranges.ts); null when no file has a record for it. */
  get(address: string): Record<string, unknown> | null
}

/**
 * Above any real City or ASN edition (GeoIP2 City is ~130 MB): a bigger file is not a database
 * of this kind, and maxmind reads the whole file into memory.
 */
const MAX_MMDB_BYTES = 1024 * 1024 * 1024

const aKind = (kind: GeoDatabaseKind): string => (kind === 'asn' ? 'an ASN' : 'a City')

/**
 * Which kind a file's `database_type` names. MaxMind: `GeoLite2-City`, `GeoIP2-City`,
 * `GeoLite2-ASN`, `GeoIP2-ISP` (which carries the ASN fields too); ip-location-db: `city ipv4`,
 * `asn ipv6`; DB-IP's lite files: `DBIP-City-Lite`, `DBIP-ASN-Lite (compat=GeoLite2-ASN)`.
 */
export function kindOfType(type: string): GeoDatabaseKind | null {
  if (/city/i.test(type)) return 'city'
  if (/(^|[^a-z])(asn|isp)([^a-z]|$)/i.test(type)) return 'asn'
  return null
}

/**
 * Opens the files and checks that they are MaxMind DB files of `kind` that together cover each
 * address family once (MaxMind's single file, or ip-location-db's IPv4 file and IPv6 file).
 * Throws an Error whose message is meant for the operator.
 */
export async function openMmdbSet(kind: GeoDatabaseKind, paths: string[]): Promise<MmdbSet> {
  if (paths.length === 0 || paths.length > 2) {
    throw new Error('Choose one .mmdb file, or an IPv4 file and an IPv6 file.')
  }
  const readers = await Promise.all(paths.map((path) => openOne(kind, path)))
  const v4Only = readers.filter((reader) => reader.metadata.ipVersion === 4)
  const v6 = readers.filter((reader) => reader.metadata.ipVersion === 6)
  if (readers.length === 2 && (v4Only.length !== 1 || v6.length !== 1)) {
    throw new Error(
      'Two files must be one IPv4 file and one IPv6 file of the same database ' +
        `(${paths.map((path) => basename(path)).join(' and ')} are not).`,
    )
  }
  // An IPv6 tree also holds IPv4 (in ::/96) unless an IPv4 file sits beside it.
  const forV4 = v4Only[0] ?? v6[0] ?? null
  const forV6 = v6[0] ?? null
  const builtAt = new Date(
    Math.max(...readers.map((reader) => reader.metadata.buildEpoch.getTime())),
  )
  return {
    kind,
    paths,
    type: readers[0]!.metadata.databaseType,
    builtAt,
    get(address) {
      const reader = net.isIPv4(address) ? forV4 : forV6
      if (!reader) return null
      return reader.get(address) as Record<string, unknown> | null
    },
  }
}

async function openOne(kind: GeoDatabaseKind, path: string): Promise<Reader<Response>> {
  const name = basename(path)
  let size: number
  try {
    const info = await stat(path)
    if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' })
    size = info.size
  } catch (error) {
    throw new Error(`Could not read ${name}: ${why(error)}.`)
  }
  if (size > MAX_MMDB_BYTES)
    throw new Error(`${name} is larger than 1 GB: not a location database.`)
  let reader: Reader<Response>
  try {
    reader = await maxmind.open<Response>(path, { cache: { max: 10_000 } })
  } catch (error) {
    throw new Error(`${name} is not a MaxMind DB (.mmdb) file: ${(error as Error).message}`)
  }
  const metadata = reader.metadata as Partial<Reader<Response>['metadata']>
  // A file that merely ends in something shaped like metadata decodes to nonsense: check it.
  if (
    typeof metadata.databaseType !== 'string' ||
    (metadata.ipVersion !== 4 && metadata.ipVersion !== 6) ||
    typeof metadata.nodeCount !== 'number' ||
    !(metadata.buildEpoch instanceof Date) ||
    Number.isNaN(metadata.buildEpoch.getTime())
  ) {
    throw new Error(`${name} is not a MaxMind DB (.mmdb) file: its metadata is incomplete.`)
  }
  const found = kindOfType(metadata.databaseType)
  if (found !== kind) {
    const actual = found ? aKind(found) : 'not a City or ASN'
    throw new Error(
      `${name} is ${actual} database (database type "${metadata.databaseType}"), ` +
        `not ${aKind(kind)} one.`,
    )
  }
  return reader
}

function why(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (code === 'ENOENT') return 'it does not exist'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  if (code === 'EISDIR') return 'it is a folder'
  return code ?? (error as Error).message
}

// ip-location-db flattens MaxMind's records into one level of plain strings (its README:
// "country_code, state1, state2, city, postcode, latitude, longitude, timezone"), with "" for
// unknown parts; MaxMind's own files nest them (`country.iso_code`, `subdivisions[0].names.en`,
// `city.names.en`, `location.time_zone`). Both are read.
export function cityRecord(record: Record<string, unknown>): CityRecord {
  if (typeof record.country_code === 'string' || typeof record.timezone === 'string') {
    return {
      country: stringOrNull(record.country_code),
      region: stringOrNull(record.state1),
      city: stringOrNull(record.city),
      timezone: stringOrNull(record.timezone),
    }
  }
  const subdivisions = record.subdivisions
  return {
    country: stringOrNull(child(record.country, 'iso_code')),
    region: englishName(Array.isArray(subdivisions) ? subdivisions[0] : undefined),
    city: englishName(record.city),
    timezone: stringOrNull(child(record.location, 'time_zone')),
  }
}

/** Both MaxMind's ASN file and ip-location-db's ASN files use MaxMind's two field names. */
export function asnRecord(record: Record<string, unknown>): AsnRecord | null {
  const asn = record.autonomous_system_number
  if (typeof asn !== 'number' || !Number.isInteger(asn) || asn <= 0) return null
  return { asn, org: stringOrNull(record.autonomous_system_organization) }
}

function child(value: unknown, key: string): unknown {
  return value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined
}

function englishName(value: unknown): string | null {
  return stringOrNull(child(child(value, 'names'), 'en'))
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null
}
