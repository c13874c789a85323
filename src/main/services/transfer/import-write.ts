import type Database from 'better-sqlite3'
import type { ParsedProxy } from '../../formats'
import { columnName, columnSet } from '../../db/columns'
import { proxies } from '../../db/schema'
import { stmt } from '../service-context'
import { LINE_COLUMNS, LINE_DETAILS } from './line-columns'
import type { ImportBatch } from './import-batches'
import type { CommitPlan, PlannedRow } from './import-plan'
import type { ImportContext } from './import-preview'
import { CHUNK_ROWS, TimeSlice, type ProgressReporter } from './progress'
import type { SealedRows } from './import-seal'
import { ChunkInsert } from './import-insert'

/*
 * The write half of a commit: plain SQL over a plan, run inside the caller's transaction.
 *
 * Measured on 100,000 rows (2 cores): one INSERT per row costs ~6 s, most of it SQLite copying the
 * ~10 pages each row touches (table + 9 indexes) into a statement journal per statement, on disk.
 * Multi-row INSERTs (ROWS_PER_INSERT) and the journal in memory bring it near the sqlite3 CLI
 * loading the same rows into the same table.
 */

/** What an import line stores, plus the id and ciphertext the plan gave it. */
const imported = columnSet(proxies, [
  'id',
  'providerId',
  ...LINE_COLUMNS,
  'passwordEncrypted',
  'createdAt',
  'updatedAt',
])
const ROW_VALUES = `(${imported.keys.map(() => '?').join(', ')})`

/*
 * An import's INSERT values are pushed by position: for 100,000 rows an object per row and a
 * lookup per column by name (`encodeInto`) cost ~0.3-0.4 s of main's time, a third of SQLite's
 * own work on the rows (CPU profile of bench/import.ts). The order is checked against the column
 * set when this module loads, and the two columns whose stored form differs from the value go
 * through the schema's own encoders.
 */
const INSERT_ORDER = [
  'id',
  'providerId',
  'protocol',
  'remoteDns',
  'host',
  'port',
  'username',
  'location',
  'country',
  'tags',
  'notes',
  'rotationUrl',
  'passwordEncrypted',
  'createdAt',
  'updatedAt',
] as const
const ENCODED: ReadonlySet<string> = new Set(['remoteDns', 'tags'])
if (
  imported.keys.join() !== INSERT_ORDER.join() ||
  INSERT_ORDER.some(
    (key) =>
      !ENCODED.has(key) && !['SQLiteInteger', 'SQLiteText'].includes(proxies[key].columnType),
  )
) {
  throw new Error(`import-write.ts: INSERT_ORDER no longer matches the columns ${imported.names}`)
}
const encodeRemoteDns = (value: boolean): unknown => proxies.remoteDns.mapToDriverValue(value)
const encodeTags = (value: string[]): unknown => proxies.tags.mapToDriverValue(value)
/**
 * Rows per INSERT: at most 30,000 parameters (15 columns), under SQLite's 32,766. Each statement
 * copies every existing page it touches into its statement journal (the triggers' RAISE(ABORT)
 * makes SQLite keep one), and 500-row statements touched nearly every leaf of the random-key
 * indexes each time. Measured on 100,000 rows (bench/import.ts's lines, same process, alternating):
 * commit 3.1-3.3 s at 2,000 rows against 3.5-3.8 s at 500. The cost: main is held ~50-60 ms per
 * statement instead of ~15 (the COMMIT's own fsync and checkpoint hold it longer).
 */
export const ROWS_PER_INSERT = 2_000

const INSERT_ONE = `INSERT INTO proxies (${imported.names}) VALUES ${ROW_VALUES}`
/** The row id differs on every row: never a shared value (import-insert.ts). */
const PER_ROW = new Set([INSERT_ORDER.indexOf('id')])
const chunkInserts = new WeakMap<Database.Database, ChunkInsert>()

/** The connection's chunk INSERT: shared values bound once per chunk (import-insert.ts). */
function chunkInsert(sqlite: Database.Database): ChunkInsert {
  let insert = chunkInserts.get(sqlite)
  if (!insert) {
    const width = INSERT_ORDER.length
    insert = new ChunkInsert(sqlite, 'proxies', imported.names, width, PER_ROW, ROWS_PER_INSERT)
    chunkInserts.set(sqlite, insert)
  }
  return insert
}

// `duplicates: 'update'`: what the row fills in wins; what it leaves empty (NULL) keeps the stored
// value. remote_dns is the scheme's, so always the line's.
const kept = columnSet(proxies, ['providerId', 'passwordEncrypted', ...LINE_DETAILS])
const UPDATE_PROXY = `UPDATE proxies SET
  ${kept.names
    .split(', ')
    .map((name) => `${name} = coalesce(?, ${name})`)
    .join(',\n  ')},
  ${columnName(proxies, 'remoteDns')} = ?,
  ${columnName(proxies, 'updatedAt')} = ?
  WHERE id = ?`

/** The input line of the row the database refused, for the error message. */
export class RowWriteError extends Error {
  constructor(
    readonly line: number | null,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause))
  }
}

/**
 * Runs fn with a bigger page cache and in-memory temporary files (statement journals) for this
 * connection, then puts both settings back. No temporary tables exist in this app, so switching
 * `temp_store` (which drops them) loses nothing.
 */
export async function withBulkWriteSettings<T>(
  sqlite: Database.Database,
  fn: () => Promise<T>,
): Promise<T> {
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number
  const tempStore = sqlite.pragma('temp_store', { simple: true }) as number
  sqlite.pragma('cache_size = -32768')
  sqlite.pragma('temp_store = MEMORY')
  try {
    return await fn()
  } finally {
    sqlite.pragma(`cache_size = ${cacheSize}`)
    sqlite.pragma(`temp_store = ${tempStore}`)
  }
}

/**
 * Writes the plan inside the caller's open transaction, yielding to the event loop once a slice
 * of main's time is used (progress.ts) so main stays responsive; the caller holds the connection's
 * exclusive gate, so nothing else writes on it meanwhile. Before each statement it waits for the
 * rows' passwords to be sealed (`sealed`, import-seal.ts), which the seal worker does meanwhile.
 */
export async function writePlan(
  ctx: ImportContext,
  batch: ImportBatch,
  plan: CommitPlan,
  progress: ProgressReporter,
  sealed: SealedRows,
): Promise<void> {
  const slice = new TimeSlice()
  const now = ctx.clock.now()
  const total = plan.inserts.length + plan.updates.length
  let stored = 0
  const report = () =>
    progress.report({ phase: 'storing', done: stored, total, parsed: total, stored })
  const proxyOf = (row: PlannedRow): ParsedProxy => {
    const proxy = batch.proxies[row.index]
    if (!proxy) throw new RowWriteError(batch.lines[row.index] ?? null, 'the row has no proxy')
    return proxy
  }
  const insertValues = (row: PlannedRow, p: ParsedProxy, into: unknown[]) => {
    // By position, in INSERT_ORDER: no object and no lookup by name per row (see above).
    into.push(
      row.id,
      row.providerId,
      p.protocol,
      encodeRemoteDns(p.remoteDns),
      p.host,
      p.port,
      p.username,
      p.location,
      p.country,
      encodeTags(p.tags),
      p.notes,
      p.rotationUrl,
      row.sealed,
      now,
      now,
    )
  }

  const many = chunkInsert(ctx.sqlite)
  const one = stmt(ctx.sqlite, INSERT_ONE)
  const { inserts } = plan
  let start = 0
  for (; start + ROWS_PER_INSERT <= inserts.length; start += ROWS_PER_INSERT) {
    await sealed.ready(inserts, start + ROWS_PER_INSERT)
    const params: unknown[] = []
    for (let i = start; i < start + ROWS_PER_INSERT; i++) {
      const row = inserts[i] as PlannedRow
      insertValues(row, proxyOf(row), params)
    }
    try {
      many.run(params)
    } catch (error) {
      throw locateFailure(
        ctx.sqlite,
        batch,
        inserts.slice(start, start + ROWS_PER_INSERT),
        error,
        (row) => {
          const single: unknown[] = []
          insertValues(row, proxyOf(row), single)
          one.run(single)
        },
      )
    }
    stored += ROWS_PER_INSERT
    report()
    if (slice.due()) await slice.yield()
  }
  await sealed.ready(inserts, inserts.length)
  for (const row of inserts.slice(start)) {
    const single: unknown[] = []
    insertValues(row, proxyOf(row), single)
    runRow(batch, row, () => one.run(single))
    stored++
  }

  const update = stmt(ctx.sqlite, UPDATE_PROXY)
  for (const [i, row] of plan.updates.entries()) {
    if (i % CHUNK_ROWS === 0) {
      await sealed.ready(plan.updates, Math.min(plan.updates.length, i + CHUNK_ROWS))
    }
    const p = proxyOf(row)
    const params: unknown[] = []
    kept.encodeInto(
      {
        location: p.location,
        country: p.country,
        notes: p.notes,
        rotationUrl: p.rotationUrl,
        providerId: row.providerId || null,
        passwordEncrypted: row.sealed,
        tags: p.tags.length ? p.tags : null,
      },
      params,
    )
    params.push(p.remoteDns ? 1 : 0, now, row.id)
    runRow(batch, row, () => update.run(params))
    if (++stored % ROWS_PER_INSERT === 0) report()
    if ((stored & 63) === 0 && slice.due()) await slice.yield()
  }
  progress.flush({ phase: 'storing', done: stored, total, parsed: total, stored })
}

function runRow(batch: ImportBatch, row: PlannedRow, run: () => void): void {
  try {
    run()
  } catch (error) {
    throw new RowWriteError(batch.lines[row.index] ?? null, error)
  }
}

/**
 * A refused multi-row INSERT says which constraint, not which row. SQLite has undone that one
 * statement and the transaction is still open, so the rows are replayed one by one to find the
 * line to name; the caller's transaction then rolls everything back. If SQLite ended the whole
 * transaction instead (disk full, I/O error), nothing is replayed: it would write outside one.
 */
function locateFailure(
  sqlite: Database.Database,
  batch: ImportBatch,
  rows: PlannedRow[],
  error: unknown,
  insertOne: (row: PlannedRow) => void,
): RowWriteError {
  if (!sqlite.inTransaction) return new RowWriteError(null, error)
  for (const row of rows) {
    try {
      insertOne(row)
    } catch (rowError) {
      return new RowWriteError(batch.lines[row.index] ?? null, rowError)
    }
  }
  return new RowWriteError(null, error)
}
