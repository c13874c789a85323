import type { SealWorker } from '../../secrets'
import { passwordAad } from '../proxies'
import type { ImportBatch } from './import-batches'
import type { CommitPlan, PlannedRow } from './import-plan'
import type { ImportContext } from './import-preview'
import { CHUNK_ROWS, TimeSlice, type ProgressReporter } from './progress'

/*
 * Sealing a plan's passwords, each for the row id the plan gave it. Two ways, same result:
 * - on the seal worker (secrets/seal-worker.ts), overlapped with the inserts: the write waits only
 *   for the rows it is about to insert (`ready`), and the worker is a chunk or more ahead of it;
 * - on main through the vault's own `encrypt`, in slices that yield, before the write: when the
 *   worker could not start, or the vault is a wrapper whose `encrypt` must run.
 */

/** What the write asks before each statement: null when rows [0, end) of `rows` are sealed. */
export interface SealedRows {
  ready(rows: PlannedRow[], end: number): Promise<void> | null
}

/** Chunks sent to the worker ahead of the write: enough to keep it busy, few enough to stay small. */
const IN_FLIGHT = 3

/**
 * The first chunk of each list is one INSERT's worth (import-write.ts's ROWS_PER_INSERT, 2,000
 * rows), so the write starts as soon as those are sealed. Main waits for it once, 50-90 ms at the
 * start of a 100,000-row commit (the new thread seals its first rows before its code is
 * optimized); with 500-row INSERTs the first chunk was 500.
 */
export const FIRST_CHUNK_ROWS = 2_000

interface Chunk {
  rows: PlannedRow[]
  start: number
  end: number
}

interface Waiter {
  rows: PlannedRow[]
  end: number
  resolve(): void
  reject(error: unknown): void
}

export class WorkerSealing implements SealedRows {
  private readonly chunks: Chunk[] = []
  /** Per list (inserts, updates): rows sealed from its start. The worker answers in order. */
  private readonly sealedTo = new Map<PlannedRow[], number>()
  private readonly waiters: Waiter[] = []
  private next = 0
  private inFlight = 0
  private failure: { error: unknown } | null = null
  private stopped = false

  constructor(
    private readonly worker: SealWorker,
    private readonly batch: ImportBatch,
    plan: CommitPlan,
  ) {
    for (const rows of [plan.inserts, plan.updates]) {
      this.sealedTo.set(rows, 0)
      for (let start = 0; start < rows.length;) {
        const end = Math.min(rows.length, start + (start === 0 ? FIRST_CHUNK_ROWS : CHUNK_ROWS))
        this.chunks.push({ rows, start, end })
        start = end
      }
    }
    this.pump()
  }

  /** Sends no more chunks: the plan was redone, and a new WorkerSealing seals the new one. */
  stop(): void {
    this.stopped = true
  }

  ready(rows: PlannedRow[], end: number): Promise<void> | null {
    if (this.failure) return Promise.reject(this.failure.error)
    if ((this.sealedTo.get(rows) ?? 0) >= end) return null
    return new Promise((resolve, reject) => this.waiters.push({ rows, end, resolve, reject }))
  }

  private pump(): void {
    while (
      !this.stopped &&
      !this.failure &&
      this.inFlight < IN_FLIGHT &&
      this.next < this.chunks.length
    ) {
      const chunk = this.chunks[this.next++] as Chunk
      const plaintexts: (string | null)[] = []
      const aads: string[] = []
      for (let i = chunk.start; i < chunk.end; i++) {
        const row = chunk.rows[i] as PlannedRow
        const password = this.batch.proxies[row.index]?.password ?? null
        plaintexts.push(password)
        aads.push(password === null ? '' : passwordAad(row.id))
      }
      this.inFlight++
      this.worker.seal(plaintexts, aads).then(
        (sealed) => this.sealed(chunk, sealed),
        (error: unknown) => this.failed(error),
      )
    }
  }

  private sealed(chunk: Chunk, sealed: (string | null)[]): void {
    if (this.stopped) return
    for (let i = chunk.start; i < chunk.end; i++) {
      ;(chunk.rows[i] as PlannedRow).sealed = sealed[i - chunk.start] ?? null
    }
    this.sealedTo.set(chunk.rows, chunk.end)
    this.inFlight--
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      const waiter = this.waiters[i] as Waiter
      if ((this.sealedTo.get(waiter.rows) ?? 0) >= waiter.end) {
        this.waiters.splice(i, 1)
        waiter.resolve()
      }
    }
    this.pump()
  }

  private failed(error: unknown): void {
    if (this.stopped) return
    this.failure ??= { error }
    for (const waiter of this.waiters.splice(0)) waiter.reject(this.failure.error)
  }
}

/**
 * Seals every planned password on main with the vault's `encrypt`, yielding between slices; the
 * vault is read from the context for each row, as any other write would.
 */
export async function sealOnMain(
  ctx: ImportContext,
  batch: ImportBatch,
  plan: CommitPlan,
  progress: ProgressReporter,
): Promise<void> {
  const total = plan.inserts.length + plan.updates.length
  const slice = new TimeSlice()
  let done = 0
  const report = () =>
    progress.report({ phase: 'encrypting', done, total, parsed: batch.lines.length, stored: 0 })
  report()
  for (const rows of [plan.inserts, plan.updates]) {
    for (const row of rows) {
      const password = batch.proxies[row.index]?.password ?? null
      row.sealed = password === null ? null : ctx.vault.encrypt(password, passwordAad(row.id))
      if ((++done & 63) === 0 && slice.due()) {
        report()
        await slice.yield()
      }
    }
  }
  progress.flush({ phase: 'encrypting', done, total, parsed: batch.lines.length, stored: 0 })
}
