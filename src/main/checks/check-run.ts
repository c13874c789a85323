import { randomUUID } from 'node:crypto'
import { setMaxListeners } from 'node:events'
import type { CheckProgress, CheckResultDto, RunOrigin } from '../../shared/contracts/checks'
import { exclusiveGate } from '../db/exclusive'
import type { EventBus } from '../events'
import type { ServiceContext } from '../services/service-context'
import type { Checker } from './checker'
import { recordChecks, type FinishedCheck, type RecordPolicy } from './check-recorder'
import { openTarget, type RunTarget } from './run-targets'

export interface RunSettings extends RecordPolicy {
  concurrency: number
  timeoutMs: number
  judges: readonly string[]
  askJudgesDirectly: boolean
  anonymityJudge: string | null
}

export interface RunDeps extends Pick<ServiceContext, 'sqlite' | 'vault' | 'clock'> {
  events: Pick<EventBus, 'emit'>
  checker: Checker
}

export type RunCounts = Omit<CheckProgress, 'results'>

export interface CheckRun {
  readonly id: string
  readonly origin: RunOrigin
  /** Latest counts (what has been recorded so far). */
  counts(): RunCounts
  /** Stops taking proxies and ends the checks in flight at once; they are not recorded. */
  cancel(): void
  /** Resolves once every check has ended and every result is recorded; never rejects. */
  readonly done: Promise<RunOutcome>
  /** Sends the last `checks:progress` event (`finished: true`); call once, after `done`. */
  finish(): void
  /** Records what has finished but is not written yet, synchronously (closing the app). */
  flushNow(): void
}

export interface RunOutcome {
  counts: RunCounts
  /** Results that moved a proxy between active and error, in the order they were recorded. */
  transitions: CheckResultDto[]
}

/** How often results are written (one transaction) and sent as one progress event. */
export const FLUSH_INTERVAL_MS = 250

/**
 * Checks `targets` with at most `settings.concurrency` checks in flight. Results are buffered
 * and written in small transactions every FLUSH_INTERVAL_MS, each write followed by one
 * `checks:progress` event carrying the results it wrote, so thousands of checks a second cost a
 * few transactions and events a second, not one each.
 */
export function startCheckRun(
  deps: RunDeps,
  targets: readonly RunTarget[],
  settings: RunSettings,
  origin: RunOrigin,
  flushIntervalMs = FLUSH_INTERVAL_MS,
): CheckRun {
  const id = randomUUID()
  const controller = new AbortController()
  // Every check in flight listens on the run's signal: as many listeners as the concurrency.
  setMaxListeners(0, controller.signal)
  const progress: RunCounts = {
    runId: id,
    origin,
    total: targets.length,
    done: 0,
    ok: 0,
    failed: 0,
    judgeFailed: 0,
    skipped: 0,
    remaining: targets.length,
    startedAt: deps.clock.now(),
    finished: false,
    cancelled: false,
  }
  const transitions: CheckResultDto[] = []
  let pending: FinishedCheck[] = []
  let unsent: CheckResultDto[] = []
  let next = 0

  const count = (field: 'ok' | 'failed' | 'judgeFailed' | 'skipped', n = 1): void => {
    progress[field] += n
    progress.done += n
    progress.remaining = progress.total - progress.done
  }

  const gate = exclusiveGate(deps.sqlite)
  const flush = (): void => {
    // While an import holds the connection the results wait for the next tick (db/exclusive.ts).
    if (pending.length === 0 || gate.held) return
    const batch = pending
    pending = []
    let recorded: (CheckResultDto | null)[]
    try {
      recorded = recordChecks(deps, batch, settings)
    } catch (error) {
      // The database refused the batch (disk full, closed): the checks ran but count as skipped.
      console.error('Recording check results failed:', error)
      count('skipped', batch.length)
      return
    }
    for (const dto of recorded) {
      if (!dto) count('skipped')
      else {
        count(dto.ok ? 'ok' : dto.errorCode === 'judge_failed' ? 'judgeFailed' : 'failed')
        if (dto.transition) transitions.push(dto)
        unsent.push(dto)
      }
    }
    // Last-tested times, statuses and check rows changed: open tables refresh.
    if (recorded.some((dto) => dto !== null)) {
      deps.events.emit('data:changed', { kinds: ['proxies', 'checks'] })
    }
  }

  const emit = (): void => {
    const results = unsent
    unsent = []
    deps.events.emit('checks:progress', { ...progress, results })
  }

  const tick = setInterval(() => {
    flush()
    if (unsent.length) emit()
  }, flushIntervalMs)
  tick.unref()

  const worker = async (): Promise<void> => {
    const { signal } = controller
    while (!signal.aborted && next < targets.length) {
      const target = targets[next++] as RunTarget
      const opened = openTarget(deps, target)
      if (!opened) {
        count('skipped')
        continue
      }
      const result = await deps.checker.check(opened, {
        timeoutMs: settings.timeoutMs,
        judges: settings.judges,
        askJudgesDirectly: settings.askJudgesDirectly,
        anonymityJudge: settings.anonymityJudge,
        signal,
      })
      if (signal.aborted) break // ended by the cancel, not by the proxy: say nothing about it
      pending.push({ proxyId: target.id, label: target.label, result, checkedAt: deps.clock.now() })
    }
  }

  emit()
  const workers = Math.max(1, Math.min(settings.concurrency, targets.length))
  const done = Promise.all(Array.from({ length: workers }, worker))
    .catch((error: unknown) => console.error('A check worker failed:', error))
    .then(async (): Promise<RunOutcome> => {
      clearInterval(tick)
      await gate.whenFree()
      flush()
      progress.cancelled = controller.signal.aborted
      return { counts: { ...progress }, transitions }
    })

  return {
    id,
    origin,
    done,
    counts: () => ({ ...progress }),
    cancel: () => controller.abort(),
    finish() {
      progress.finished = true
      emit()
    },
    flushNow: flush,
  }
}
