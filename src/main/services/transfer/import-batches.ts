import type Database from 'better-sqlite3'
import type { ImportErrorReason, ImportFormat } from '../../../shared/import-types'
import { AppError } from '../../../shared/errors'
import type { Clock } from '../../clock'
import type { ParsedProxy } from '../../formats'

/** How a row of a batch was judged at preview. Numbers, so 100,000 rows cost one small array. */
export const RowStatus = {
  new: 0,
  duplicateStored: 1,
  duplicateLine: 2,
  error: 3,
  /** Repeats an earlier line's key with another password: the operator picks which one to keep. */
  conflict: 4,
} as const
export type RowStatus = (typeof RowStatus)[keyof typeof RowStatus]

export interface RowError {
  reason: ImportErrorReason
  message: string
  raw: string | null
}

/**
 * A parsed input held in main between preview and commit, passwords included: it never crosses
 * to the renderer. Rows are parallel arrays indexed by input order.
 */
export interface ImportBatch {
  readonly id: string
  readonly format: ImportFormat
  readonly fileName: string | null
  readonly expiresAt: number
  state: 'ready' | 'committing'
  /** 1-based line (text, CSV) or array position (JSON) of each row. */
  readonly lines: number[]
  readonly statuses: RowStatus[]
  /** Stored proxy id (duplicateStored) or earlier line (duplicateLine, conflict); 0 otherwise. */
  readonly refs: number[]
  /** The parsed proxy; null when the line could not be read. */
  readonly proxies: (ParsedProxy | null)[]
  /** Provider id a row names (resolved at preview); 0 when it names none. */
  readonly providerIds: number[]
  readonly errors: Map<number, RowError>
  /**
   * Keys whose lines disagree on the password, by the first line: the row index of that first
   * line and of the last line with the key ("keep last" stores that one's fields instead).
   */
  readonly conflicts: Map<number, ConflictGroup>
  /** Row indexes per preview filter (`new`, `duplicate`, `error`), built on first use. */
  readonly indexes: Map<string, number[]>
}

export interface ConflictGroup {
  first: number
  last: number
}

/** Batches expire on their own so memory held for an abandoned preview is given back. */
export const BATCH_TTL_MS = 30 * 60_000
/** Per batch: the 100,000 lines with room to spare. */
export const MAX_BATCH_ROWS = 250_000
/** Over all held batches; the oldest idle batch makes room for a new one. */
const MAX_HELD_ROWS = 300_000

class BatchStore {
  private readonly batches = new Map<string, ImportBatch>()
  private sweepTimer: NodeJS.Timeout | null = null

  /** The clock of the latest caller: a test's stepping clock applies to the batches it made. */
  constructor(public clock: Clock) {}

  add(batch: ImportBatch): void {
    this.sweep()
    let held = batch.lines.length
    for (const other of this.batches.values()) held += other.lines.length
    // Oldest first (Map keeps insertion order); a batch being committed is never dropped.
    for (const [id, other] of this.batches) {
      if (held <= MAX_HELD_ROWS) break
      if (other.state === 'committing') continue
      this.batches.delete(id)
      held -= other.lines.length
    }
    this.batches.set(batch.id, batch)
    this.scheduleSweep()
  }

  /** The batch, or NOT_FOUND once it expired, was committed or discarded. */
  get(id: string): ImportBatch {
    this.sweep()
    const batch = this.batches.get(id)
    if (!batch) {
      throw new AppError(
        'NOT_FOUND',
        'This import preview is no longer available (it was committed, discarded, or expired ' +
          'after 30 minutes). Preview the input again.',
        { entity: 'import', importId: id },
      )
    }
    return batch
  }

  delete(id: string): boolean {
    return this.batches.delete(id)
  }

  private sweep(): void {
    const now = this.clock.now()
    for (const [id, batch] of this.batches) {
      if (batch.expiresAt <= now && batch.state !== 'committing') this.batches.delete(id)
    }
  }

  // A walked-away-from preview must not hold its rows until the next import; unref'd so an
  // otherwise finished process (tests, scripts) is not kept alive by it.
  private scheduleSweep(): void {
    if (this.sweepTimer) return
    this.sweepTimer = setTimeout(() => {
      this.sweepTimer = null
      this.sweep()
      if (this.batches.size > 0) this.scheduleSweep()
    }, BATCH_TTL_MS)
    this.sweepTimer.unref()
  }
}

// One store per database connection: contexts never share batches, and no module singleton.
const stores = new WeakMap<Database.Database, BatchStore>()

export function batchStore(ctx: { sqlite: Database.Database; clock: Clock }): BatchStore {
  let store = stores.get(ctx.sqlite)
  if (!store) {
    store = new BatchStore(ctx.clock)
    stores.set(ctx.sqlite, store)
  }
  store.clock = ctx.clock
  return store
}

export type { BatchStore }
