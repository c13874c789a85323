import { z } from 'zod'
import { defineContract } from '../contract'
import { noInput } from './common'

/** The offline databases behind a check's exit place (City) and network (ASN). */
export const geoDatabaseKinds = ['city', 'asn'] as const
export type GeoDatabaseKind = (typeof geoDatabaseKinds)[number]

export interface GeoDatabaseDto {
  kind: GeoDatabaseKind
  /**
   * Where lookups of this kind come from: the copy shipped with ProxyDeck, the operator's file, or
   * nothing (the bundled copy is missing, or lookups are switched off).
   */
  source: 'bundled' | 'file' | 'none'
  /** The operator's files (one .mmdb, or an IPv4 and an IPv6 one); empty for the bundled copy. */
  paths: string[]
  /** What the files say they are: the mmdb `database_type`, e.g. `GeoLite2-ASN`. */
  type: string | null
  /** When the data was built (mmdb `build_epoch`; the bundled ASN CSV: its release), ISO 8601. */
  builtAt: string | null
  /** Who made the data, for the attribution its licence asks for. */
  publisher: string | null
  /** The operator's file could not be opened at start (moved, deleted): bundled data is used. */
  problem: string | null
}

export interface GeoDatabasesDto {
  databases: GeoDatabaseDto[]
}

const kindInput = z.object({ kind: z.enum(geoDatabaseKinds) }).strict()

export const geoContracts = {
  'geo:databases': defineContract<GeoDatabasesDto>()('geo:databases', noInput),
  /**
   * Opens a file dialog (desktop app only) for one .mmdb file, or an IPv4 and an IPv6 one, of the
   * kind; main checks they are MaxMind DB files of that kind before using them. A bad choice is
   * refused (VALIDATION) and nothing changes; cancelling gives CANCELLED.
   */
  'geo:chooseDatabase': defineContract<GeoDatabasesDto>()('geo:chooseDatabase', kindInput),
  /** Goes back to the database shipped with ProxyDeck for the kind. */
  'geo:useBundled': defineContract<GeoDatabasesDto>()('geo:useBundled', kindInput),
}
