import type Database from 'better-sqlite3'

/**
 * Changes anyone made to the database since the marker was taken: `total_changes()` counts the
 * rows this connection inserted, updated or deleted (triggers' rows too, committed or not, so a
 * rollback moves it as well), `data_version` the commits of other connections. Used where work
 * done earlier must be redone or dropped after any write: an import's plan (transfer/), the
 * remembered counts of the proxies list (services/proxies/proxy-count.ts).
 */
export interface ChangeMarker {
  changes: number
  dataVersion: number
}

const MARKER_SQL =
  'SELECT total_changes() AS changes, data_version AS dataVersion FROM pragma_data_version()'

// One prepared statement per connection: the list reads the marker on every page.
const statements = new WeakMap<Database.Database, Database.Statement>()

export function changeMarker(sqlite: Database.Database): ChangeMarker {
  let statement = statements.get(sqlite)
  if (!statement) {
    statement = sqlite.prepare(MARKER_SQL)
    statements.set(sqlite, statement)
  }
  return statement.get() as ChangeMarker
}

export function sameMarker(a: ChangeMarker, b: ChangeMarker): boolean {
  return a.changes === b.changes && a.dataVersion === b.dataVersion
}
