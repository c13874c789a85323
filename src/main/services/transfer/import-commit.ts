import type { ImportCommitInput, ImportCommitResult } from '../../../shared/contracts/import'
import { AppError } from '../../../shared/errors'
import { constraintErrorToAppError } from '../../db/constraint-errors'
import { exclusiveGate } from '../../db/exclusive'
import { openSealWorker, type SealWorker, type Vault } from '../../secrets'
import { batchStore, type ImportBatch } from './import-batches'
import { detectBatchProtocols, type RowDetector } from './import-detect'
import { changeMarker, sameMarker } from './import-lookup'
import { CommitPlanner, type CommitPlan } from './import-plan'
import type { ImportContext } from './import-preview'
import { RowWriteError, withBulkWriteSettings, writePlan } from './import-write'
import { CHUNK_ROWS, progressReporter, TimeSlice } from './progress'
import { FIRST_CHUNK_ROWS, sealOnMain, WorkerSealing, type SealedRows } from './import-seal'

/** How the commit seals: the seal worker by default; tests pass a failing one. */
export interface CommitOptions {
  openSealer?: (vault: Vault) => Promise<SealWorker | null>
}

/** Below this many rows a thread's start (~30 ms) costs more than sealing on main saves. */
const WORKER_MIN_ROWS = CHUNK_ROWS

/**
 * Stores a previewed batch. Planning runs first, in slices that yield; the write is then one
 * `BEGIN IMMEDIATE` transaction that also yields between slices, while a worker thread seals the
 * passwords a few thousand rows ahead of the inserts (import-seal.ts). If the worker cannot start
 * (or the vault is a wrapper whose own `encrypt` must run) the passwords are sealed on main, in
 * slices, before the transaction. Other IPC calls share this connection, and a write of theirs run
 * while the transaction is open would join it (and vanish if it rolled back), so the write holds
 * the connection's exclusive gate: calls and background writers wait for it (db/exclusive.ts). If
 * anything was written while planning, the plan is redone inside the transaction, where nothing
 * else can write. Any failure (the database, the vault, the worker) rolls the whole batch back;
 * the batch stays available for another try.
 */
export async function commitImport(
  ctx: ImportContext,
  input: ImportCommitInput,
  detect?: RowDetector,
  options: CommitOptions = {},
): Promise<ImportCommitResult> {
  const store = batchStore(ctx)
  const batch = store.get(input.importId)
  if (batch.state === 'committing') {
    throw new AppError('CONFLICT', 'This import is already being stored.')
  }
  batch.state = 'committing'
  const progress = progressReporter(ctx.events, batch.id)
  // The vault whose key the worker gets; the commit refuses if another replaced it meanwhile.
  const vault = ctx.vault
  // Started now, so the thread comes up while the rows are checked and planned.
  const opening =
    batch.lines.length > WORKER_MIN_ROWS
      ? (options.openSealer ?? openSealWorker)(vault)
      : Promise.resolve(null)
  try {
    // Real checks first, before anything is planned or written (import-detect.ts).
    const detection =
      input.detectProtocol && detect ? await detectBatchProtocols(batch, detect) : undefined
    let planner = new CommitPlanner(ctx, batch, input)
    const slice = new TimeSlice()
    while (!planner.step(PLAN_STEP_ROWS)) {
      if (slice.due()) await slice.yield()
    }
    const worker = await opening
    let sealed: SealedRows
    if (worker) {
      // The worker starts on the plan now; the write begins once the first chunk (one INSERT's
      // rows) is back, and from then on the worker stays ahead of the inserts.
      const { plan } = planner
      const ahead = Math.min(plan.inserts.length, FIRST_CHUNK_ROWS)
      const sealing = new WorkerSealing(worker, batch, plan)
      sealed = sealing
      progress.flush(encrypting(batch, plan, 0))
      await sealing.ready(plan.inserts, ahead)
      progress.flush(encrypting(batch, plan, ahead))
    } else {
      await sealOnMain(ctx, batch, planner.plan, progress)
      sealed = sealedAlready
    }
    await exclusiveGate(ctx.sqlite).run(() =>
      withBulkWriteSettings(ctx.sqlite, async () => {
        ctx.sqlite.exec('BEGIN IMMEDIATE')
        try {
          if (!sameMarker(planner.plan.marker, changeMarker(ctx.sqlite))) {
            planner = new CommitPlanner(ctx, batch, input)
            planner.step(Infinity)
            if (sealed instanceof WorkerSealing) sealed.stop()
            if (worker) sealed = new WorkerSealing(worker, batch, planner.plan)
            else await sealOnMain(ctx, batch, planner.plan, progress)
          }
          await writePlan(ctx, batch, planner.plan, progress, sealed)
          if (worker && ctx.vault !== vault) throw vaultReplaced()
          ctx.sqlite.exec('COMMIT')
        } catch (error) {
          // A failed COMMIT (disk full) may already have ended the transaction itself.
          if (ctx.sqlite.inTransaction) ctx.sqlite.exec('ROLLBACK')
          throw error
        }
      }),
    )
    store.delete(batch.id)
    const { plan } = planner
    return {
      importId: batch.id,
      inserted: plan.inserts.length,
      updated: plan.updates.length,
      skippedStored: plan.skippedStored,
      skippedLines: plan.skippedLines,
      errors: plan.errors,
      ...(batch.conflicts.size
        ? { conflicts: { keptFirst: plan.keptFirst, keptLast: plan.keptLast } }
        : {}),
      ...(detection ? { detection } : {}),
    }
  } catch (error) {
    batch.state = 'ready'
    throw commitError(error)
  } finally {
    // The thread, and the copy of the key it holds, ends with the commit whatever happened.
    void opening.then((worker) => worker?.close())
  }
}

/** Rows planned between two looks at the clock: planning without sealing is ~1 µs a row. */
const PLAN_STEP_ROWS = 500

const sealedAlready: SealedRows = { ready: () => null }

function vaultReplaced(): AppError {
  return new AppError(
    'CONFLICT',
    'The vault key was replaced while the import was being stored; nothing was imported. Try again.',
  )
}

/** Sealing done before the write: the worker's head start, or all of it when sealing on main. */
function encrypting(batch: ImportBatch, plan: CommitPlan, done: number) {
  const total = plan.inserts.length + plan.updates.length
  return { phase: 'encrypting' as const, done, total, parsed: batch.lines.length, stored: 0 }
}

function commitError(error: unknown): AppError {
  if (error instanceof AppError) return error
  const line = error instanceof RowWriteError ? error.line : null
  const cause = error instanceof RowWriteError ? error.cause : error
  const where = line === null ? '' : ` at line ${line}`
  const known = cause instanceof AppError ? cause : constraintErrorToAppError(cause)
  if (known) {
    return new AppError(
      known.code,
      `Nothing was imported: line ${line ?? '?'} was refused. ${known.message}`,
      {
        ...(typeof known.details === 'object' ? known.details : {}),
        line,
      },
    )
  }
  // SQLite's messages name constraints and tables, never row values: safe to show.
  const reason = cause instanceof Error ? cause.message : String(cause)
  return new AppError(
    'INTERNAL',
    `Nothing was imported: the database refused the batch${where} (${reason}).`,
    {
      line,
    },
  )
}
