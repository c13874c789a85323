import type { CheckOptions, CheckResult, CheckTarget } from './types'

/*
 * What main and the check thread (check-thread.ts ↔ check-worker.ts) say to each other. Checks
 * and results travel in batches, one message per event-loop turn each way, so a bulk run's
 * thousands of checks a second cost a few hundred messages, not two per check.
 */

/** Given to the thread at its start (structured-cloned: PEM text, not Buffers). */
export interface CheckWorkerData {
  exitProfile: boolean
  ca: string[]
}

export interface ThreadCheck {
  id: number
  target: CheckTarget
  /** The caller's options but the signal, which cannot cross threads (`signal` below). */
  options: Omit<CheckOptions, 'signal'>
  /** The caller's AbortSignal as a number main gave it; null: none. */
  signal: number | null
  /** The signal had already fired when the check was sent: cancel it at once. */
  aborted: boolean
}

export type ToCheckWorker =
  | { type: 'check'; checks: ThreadCheck[] }
  /** The signal fired: every check of the thread listening on it ends as cancelled. */
  | { type: 'abort'; signal: number }
  /** Ends the checks in flight (as cancelled), sends their results, then the thread exits. */
  | { type: 'close' }

export type FromCheckWorker =
  { type: 'ready' } | { type: 'results'; results: { id: number; result: CheckResult }[] }
