import type Database from 'better-sqlite3'

/*
 * What an import compares its rows with, each read in one query: the keys of the stored proxies
 * and the providers by name. Per-line queries would cost 100,000 round trips.
 */

/**
 * Stored proxies by unique key → id. The key is built in SQL exactly as `proxyKey()` builds it
 * (`protocol|host|port|username`, no username as ''); `import-lookup.test.ts` holds them together.
 */
export function loadStoredKeys(sqlite: Database.Database): Map<string, number> {
  const rows = sqlite
    .prepare(
      `SELECT protocol || '|' || host || '|' || port || '|' || coalesce(username, ''), id
         FROM proxies`,
    )
    .raw()
    .all() as [string, number][]
  return new Map(rows)
}

export interface ProviderLookup {
  /** The provider id for a name as a row wrote it; undefined when none matches. */
  resolve(name: string): number | undefined
  has(id: number): boolean
}

/**
 * Names match exactly, else case-insensitively when that picks one provider: `acme` finds `Acme`
 * but not when both `Acme` and `ACME` exist.
 */
export function loadProviders(sqlite: Database.Database): ProviderLookup {
  const rows = sqlite.prepare('SELECT id, name FROM proxy_providers').raw().all() as [
    number,
    string,
  ][]
  const exact = new Map<string, number>()
  const folded = new Map<string, number | null>()
  for (const [id, name] of rows) {
    exact.set(name, id)
    const key = name.trim().toLowerCase()
    folded.set(key, folded.has(key) ? null : id)
  }
  const ids = new Set(rows.map(([id]) => id))
  return {
    resolve(name) {
      const trimmed = name.trim()
      return exact.get(trimmed) ?? folded.get(trimmed.toLowerCase()) ?? undefined
    },
    has: (id) => ids.has(id),
  }
}

/** The id the next inserted proxy gets: AUTOINCREMENT never reuses one, even after a delete. */
export function nextProxyId(sqlite: Database.Database): number {
  const row = sqlite
    .prepare(
      `SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'proxies'), 0),
                  coalesce((SELECT max(id) FROM proxies), 0)) + 1`,
    )
    .pluck()
    .get() as number
  return row
}

// The marker moved to db/ (the list's count cache reads it too); re-exported for transfer/.
export { changeMarker, sameMarker, type ChangeMarker } from '../../db/change-marker'
