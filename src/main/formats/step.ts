import type { ImportErrorReason } from './types'

/** The outcome of one parsing step: a value, or a rejection reason with an operator-facing message. */
export type Step<T> = { ok: true; value: T } | Failure
export type Failure = { ok: false; reason: ImportErrorReason; message: string }

export function fail(reason: ImportErrorReason, message: string): Failure {
  return { ok: false, reason, message }
}
