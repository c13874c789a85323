import type { ImportCommitInput, ImportCommitResult } from '../../../shared/contracts/import'
import { AppError } from '../../../shared/errors'
import { constraintErrorToAppError } from '../../db/constraint-errors'
import { exclusiveGate } from '../../db/exclusive'
import { batchStore } from './import-batches'
import { detectBatchProtocols, type RowDetector } from './import-detect'
import { changeMarker, sameMarker } from './import-lookup'
import { CommitPlanner } from './import-plan'
import type { ImportContext } from './import-preview'
import { RowWriteError, withBulkWriteSettings, writePlan } from './import-write'
import { CHUNK_ROWS, progressReporter, yieldToEventLoop } from './progress'

/**
 * Stores a previewed batch. Planning and encryption run first, in chunks that yield; the write is
 * then one `BEGIN IMMEDIATE` transaction that also yields between chunks. Other IPC calls share
 * this connection, and a write of theirs run while the transaction is open would join it (and
 * vanish if it rolled back), so the write holds the connection's exclusive gate: calls and
 * background writers wait for it (db/exclusive.ts). If anything was written while planning, the
 * plan is redone inside the transaction, where nothing else can write. Any failure rolls the whole
 * batch back; the batch stays available for another try.
 */
export async function commitImport(
  ctx: ImportContext,
  input: ImportCommitInput,
  detect?: RowDetector,
): Promise<ImportCommitResult> {
  const store = batchStore(ctx)
  const batch = store.get(input.importId)
  if (batch.state === 'committing') {
    throw new AppError('CONFLICT', 'This import is already being stored.')
  }
  batch.state = 'committing'
  const progress = progressReporter(ctx.events, batch.id)
  try {
    // Real checks first, before anything is planned or written (import-detect.ts).
    const detection =
      input.detectProtocol && detect ? await detectBatchProtocols(batch, detect) : undefined
    let planner = new CommitPlanner(ctx, batch, input)
    while (!planner.step(CHUNK_ROWS)) {
      progress.report(encrypting(planner))
      await yieldToEventLoop()
    }
    progress.flush(encrypting(planner))
    await exclusiveGate(ctx.sqlite).run(() =>
      withBulkWriteSettings(ctx.sqlite, async () => {
        ctx.sqlite.exec('BEGIN IMMEDIATE')
        try {
          if (!sameMarker(planner.plan.marker, changeMarker(ctx.sqlite))) {
            planner = new CommitPlanner(ctx, batch, input)
            planner.step(Infinity)
          }
          await writePlan(ctx, batch, planner.plan, progress)
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
      ...(detection ? { detection } : {}),
    }
  } catch (error) {
    batch.state = 'ready'
    throw commitError(error)
  }
}

function encrypting(planner: CommitPlanner) {
  return {
    phase: 'encrypting' as const,
    done: planner.done,
    total: planner.total,
    parsed: planner.total,
    stored: 0,
  }
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
