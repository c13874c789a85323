import { setImmediate as nextTurn } from 'node:timers/promises'
import type { ImportProgress } from '../../../shared/import-types'
import type { EventBus } from '../../events'

/** Rows per progress step and per job sent to the seal worker. */
export const CHUNK_ROWS = 2_000
/**
 * The longest stretch a long job keeps main's event loop before yielding: under a frame (16 ms),
 * so a click, an IPC call or a paint waits at most about that long. By the clock rather than by a
 * row count, so a slow or busy machine yields as often as a fast one.
 */
export const SLICE_MS = 8
const MIN_INTERVAL_MS = 100

/**
 * Lets other IPC calls, timers and events run between chunks of a long job, so main stays
 * responsive. setImmediate rather than a timer: it runs after pending I/O, without a 1 ms floor.
 */
export function yieldToEventLoop(): Promise<void> {
  return nextTurn()
}

/** Tells a loop when its slice of main's time is used up; check it every few dozen rows. */
export class TimeSlice {
  private started = performance.now()

  due(): boolean {
    return performance.now() - this.started >= SLICE_MS
  }

  async yield(): Promise<void> {
    await yieldToEventLoop()
    this.started = performance.now()
  }
}

export interface ProgressReporter {
  /** Emits when the phase changed, CHUNK_ROWS rows passed, or 100 ms did since the last emit. */
  report(progress: Omit<ImportProgress, 'importId'>): void
  /** Emits unconditionally (a phase's last figure). */
  flush(progress: Omit<ImportProgress, 'importId'>): void
}

export function progressReporter(events: EventBus | undefined, importId: string): ProgressReporter {
  let lastPhase: ImportProgress['phase'] | null = null
  let lastDone = 0
  let lastAt = 0
  const emit = (progress: Omit<ImportProgress, 'importId'>) => {
    lastPhase = progress.phase
    lastDone = progress.done
    lastAt = performance.now()
    events?.emit('import:progress', { importId, ...progress })
  }
  return {
    report(progress) {
      if (
        progress.phase !== lastPhase ||
        progress.done - lastDone >= CHUNK_ROWS ||
        performance.now() - lastAt >= MIN_INTERVAL_MS
      ) {
        emit(progress)
      }
    },
    flush: emit,
  }
}
