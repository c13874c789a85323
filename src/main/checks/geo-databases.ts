import type Database from 'better-sqlite3'
import type { GeoDatabaseDto, GeoDatabaseKind, GeoDatabasesDto } from '../../shared/contracts/geo'
import { AppError } from '../../shared/errors'
import { readGeoDatabaseSetting, writeGeoDatabaseSetting } from '../services/settings'
import type { FileDialogs } from '../services/transfer/file-dialogs'
import {
  composeGeo,
  openAsnFiles,
  openBundledAsn,
  openBundledCity,
  openCityFiles,
  type AsnSource,
  type BundledGeoDirs,
  type CitySource,
  type GeoLookup,
} from './geo'

/** How the check service's geo lookups are set up; false: no bundled databases (tests). */
export type GeoOption = { bundled?: BundledGeoDirs } | false

/**
 * The databases behind every check's exit place and network, per kind: the operator's file when
 * the setting names one, else the bundled copy. `lookup` is handed to the checker once and
 * always reads the databases in use, so choosing a file applies to the next check, a run in
 * progress included, without reopening the checker.
 */
export interface GeoDatabases {
  readonly lookup: GeoLookup
  /** Opens the databases in use the first time; later calls wait for the same opening. */
  ready(): Promise<void>
  describe(): Promise<GeoDatabasesDto>
  /** Dialog, then checks; a bad choice throws VALIDATION and changes nothing. */
  choose(kind: GeoDatabaseKind, dialogs: FileDialogs | undefined): Promise<GeoDatabasesDto>
  useBundled(kind: GeoDatabaseKind): Promise<GeoDatabasesDto>
}

type Source = CitySource | AsnSource

interface KindState {
  source: Source | null
  problem: string | null
}

const DIALOG_TITLES: Record<GeoDatabaseKind, string> = {
  city: 'Choose a City database (.mmdb)',
  asn: 'Choose an ASN database (.mmdb)',
}

export function createGeoDatabases(
  sqlite: () => Database.Database,
  option: GeoOption | undefined,
): GeoDatabases {
  const state: Record<GeoDatabaseKind, KindState> = {
    city: { source: null, problem: null },
    asn: { source: null, problem: null },
  }
  const bundled: Partial<Record<GeoDatabaseKind, Promise<Source | null>>> = {}
  let opening: Promise<void> | null = null
  // One change at a time: two dialogs answered out of order must not leave the older choice.
  let changes: Promise<unknown> = Promise.resolve()

  const openBundled = (kind: GeoDatabaseKind): Promise<Source | null> => {
    if (option === false) return Promise.resolve(null)
    bundled[kind] ??= (
      kind === 'city'
        ? openBundledCity(option?.bundled?.city)
        : openBundledAsn(option?.bundled?.asn)
    ).catch((error: unknown) => {
      // Checks still work without it; those fields stay empty.
      console.warn(`The bundled ${kind} database is off: ${(error as Error).message}`)
      return null
    })
    return bundled[kind]
  }

  const openFiles = (kind: GeoDatabaseKind, paths: string[]): Promise<Source> =>
    kind === 'city' ? openCityFiles(paths) : openAsnFiles(paths)

  const openKind = async (kind: GeoDatabaseKind): Promise<void> => {
    const chosen = readGeoDatabaseSetting(sqlite(), kind)
    if (chosen) {
      try {
        state[kind] = { source: await openFiles(kind, chosen), problem: null }
        return
      } catch (error) {
        const problem = `${(error as Error).message} The bundled database is used instead.`
        console.warn(`Location database: ${problem}`)
        state[kind] = { source: await openBundled(kind), problem }
        return
      }
    }
    state[kind] = { source: await openBundled(kind), problem: null }
  }

  const ready = (): Promise<void> => {
    opening ??= Promise.all([openKind('city'), openKind('asn')]).then(() => undefined)
    return opening
  }

  const describe = async (): Promise<GeoDatabasesDto> => {
    await ready()
    return { databases: (['city', 'asn'] as const).map((kind) => describeKind(kind, state[kind])) }
  }

  const serialized = <T>(task: () => Promise<T>): Promise<T> => {
    const next = changes.then(task, task)
    changes = next.catch(() => undefined)
    return next
  }

  return {
    lookup: composeGeo(() => ({
      city: state.city.source as CitySource | null,
      asn: state.asn.source as AsnSource | null,
    })),
    ready,
    describe,
    choose: (kind, dialogs) =>
      serialized(async () => {
        const chosen = await chooseFiles(dialogs, kind)
        await ready()
        let source: Source
        try {
          source = await openFiles(kind, chosen)
        } catch (error) {
          throw new AppError('VALIDATION', (error as Error).message, { kind })
        }
        writeGeoDatabaseSetting(sqlite(), kind, chosen)
        state[kind] = { source, problem: null }
        return describe()
      }),
    useBundled: (kind) =>
      serialized(async () => {
        await ready()
        const source = await openBundled(kind)
        writeGeoDatabaseSetting(sqlite(), kind, null)
        state[kind] = { source, problem: null }
        return describe()
      }),
  }
}

async function chooseFiles(
  dialogs: FileDialogs | undefined,
  kind: GeoDatabaseKind,
): Promise<string[]> {
  if (!dialogs) {
    throw new AppError(
      'VALIDATION',
      'Choosing a database file needs the desktop app (its file dialog); here the bundled ' +
        'databases stay in use.',
    )
  }
  const options = {
    title: DIALOG_TITLES[kind],
    filters: [
      { name: 'MaxMind DB', extensions: ['mmdb'] },
      { name: 'All files', extensions: ['*'] },
    ],
  }
  const paths = dialogs.chooseOpenFiles
    ? await dialogs.chooseOpenFiles(options)
    : await dialogs.chooseOpenFile(options).then((path) => (path === null ? null : [path]))
  if (paths === null || paths.length === 0) {
    throw new AppError('CANCELLED', 'No file was chosen; the databases in use stay as they were.')
  }
  return paths
}

function describeKind(kind: GeoDatabaseKind, { source, problem }: KindState): GeoDatabaseDto {
  if (!source) {
    return { kind, source: 'none', paths: [], type: null, builtAt: null, publisher: null, problem }
  }
  return {
    kind,
    source: source.paths.length > 0 ? 'file' : 'bundled',
    paths: source.paths,
    type: source.type,
    builtAt: source.builtAt.toISOString(),
    publisher: source.publisher,
    problem,
  }
}
