import type Database from 'better-sqlite3'
import { changeMarker, sameMarker, type ChangeMarker } from '../../db/change-marker'

/**
 * Counts of `proxies:list` filters, kept until the database changes. Paging through a view or
 * re-sorting it asks the same count again; at 500,000 proxies a count reads every match, often
 * more than the page itself. A stale count is a bug, so an entry lives only while the change
 * marker stays put: `total_changes()` moves with every row this connection inserts, updates or
 * deletes (triggers' rows too, whatever service, import, check or monitor wrote them, committed
 * or not) and `data_version` with every commit of another connection. Any change anywhere drops
 * every count (a write to settings as well: cheap and never wrong).
 */
interface CountCache {
  marker: ChangeMarker
  counts: Map<string, number>
}

/** Per connection: a restore reopens the database, which starts a fresh cache. */
const caches = new WeakMap<Database.Database, CountCache>()

/** Distinct filters remembered at once; the oldest goes first. */
const MAX_ENTRIES = 64

/**
 * `count()` for `key`, or the count remembered for it since the last change. `key` null: never
 * remembered (a filter that also depends on the clock).
 */
export function cachedCount(
  sqlite: Database.Database,
  key: string | null,
  count: () => number,
): number {
  if (key === null) return count()
  // Read before counting: another connection committing during the count moves data_version, so
  // the next call misses instead of trusting a count taken before that commit.
  const marker = changeMarker(sqlite)
  let cache = caches.get(sqlite)
  if (!cache || !sameMarker(cache.marker, marker)) {
    cache = { marker, counts: new Map() }
    caches.set(sqlite, cache)
  }
  const known = cache.counts.get(key)
  if (known !== undefined) return known
  const n = count()
  // Inside a transaction the count may see rows a rollback takes back without moving the marker
  // back: use it, remember it not.
  if (!sqlite.inTransaction) {
    if (cache.counts.size >= MAX_ENTRIES) {
      const oldest = cache.counts.keys().next().value
      if (oldest !== undefined) cache.counts.delete(oldest)
    }
    cache.counts.set(key, n)
  }
  return n
}
