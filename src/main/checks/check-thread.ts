import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { createChecker, placeOf, type Checker, type CheckerOptions } from './checker'
import type {
  CheckWorkerData,
  FromCheckWorker,
  ThreadCheck,
  ToCheckWorker,
} from './check-thread-protocol'
import type { GeoLookup } from './geo'
import { whenWorkerReady } from '../worker-ready'
import type { CheckOptions, CheckResult, CheckTarget } from './types'

/*
 * The checker on a worker thread of its own. A bulk run's sockets, HTTP parsing and answer
 * reading (~0.5 ms of CPU per check) then leave main's thread, which serves the window, the
 * database and the recording of the results: the run uses the second core, and main stays free.
 * Measured (bench/check.ts, 2,000 checks at 64 through tinyproxy and microsocks): main's thread
 * was the limit of a run, at ~1.2 ms of its CPU per check.
 *
 * What stays on main: opening the passwords (the key never goes to this thread), the exit's
 * place (the geo lookup reads whichever database the operator chose, now), the recording.
 * The thread is an implementation detail of `Checker`: the same interface, the same results.
 * If it cannot start, the checker runs on main as before; if it dies, the checks it held are
 * run again on main, so a crash costs time, never a wrong verdict.
 */

export interface CheckThreadOptions extends Pick<CheckerOptions, 'ca' | 'exitProfile'> {
  geo: GeoLookup | null
  /** The thread's program; tests pass a broken one. Default: checkWorkerProgram(). */
  program?: WorkerProgram | null
  /** How long the thread may take to say it is ready before checks stay on main. */
  startTimeoutMs?: number
}

export interface WorkerProgram {
  source: string
  eval: boolean
}

const START_TIMEOUT_MS = 10_000
/** A thread asked to close that has not ended by then is ended. */
const CLOSE_GRACE_MS = 1_000

/**
 * The built `check-worker.js` (out/main, next to the entry or one folder up from the chunk this
 * code is bundled into), or, running from source (tests, benches), `check-worker.ts` through tsx.
 */
export function checkWorkerProgram(dir: string = __dirname): WorkerProgram | null {
  for (const built of [join(dir, 'check-worker.js'), join(dir, '..', 'check-worker.js')]) {
    if (existsSync(built)) return { source: built, eval: false }
  }
  const source = join(dir, 'check-worker.ts')
  if (!existsSync(source)) return null
  let tsx: string
  try {
    tsx = createRequire(__filename).resolve('tsx/cjs')
  } catch {
    return null // from source without tsx installed: check on main
  }
  const load = [tsx, source].map((file) => `require(${JSON.stringify(file)})`).join('\n')
  return { source: load, eval: true }
}

/** PEM text, which survives the structured clone (a Buffer would arrive as a Uint8Array). */
function pemList(ca: CheckerOptions['ca']): string[] {
  if (ca === undefined) return []
  return [ca].flat().map((one) => (typeof one === 'string' ? one : Buffer.from(one).toString()))
}

/** A checker on its own thread, or null when the thread cannot start (check on main then). */
export async function openCheckThread(options: CheckThreadOptions): Promise<Checker | null> {
  const program = options.program === undefined ? checkWorkerProgram() : options.program
  if (!program) return null
  const workerData: CheckWorkerData = {
    exitProfile: options.exitProfile !== false,
    ca: pemList(options.ca),
  }
  let worker: Worker
  try {
    worker = new Worker(program.source, {
      eval: program.eval,
      name: 'proxydeck-checks',
      workerData,
    })
  } catch {
    return null
  }
  // Never what keeps a finished process alive; referenced only while checks are in flight.
  worker.unref()
  const ready = await whenWorkerReady(worker, options.startTimeoutMs ?? START_TIMEOUT_MS)
  if (!ready) {
    // A second 'error' with no listener would throw in main; nobody needs this one.
    worker.on('error', () => undefined)
    void worker.terminate()
    return null
  }
  return threadChecker(worker, options)
}

interface Pending {
  target: CheckTarget
  options: CheckOptions
  resolve(result: CheckResult): void
}

function threadChecker(worker: Worker, options: CheckThreadOptions): Checker {
  const geo = options.exitProfile === false ? null : options.geo
  const pending = new Map<number, Pending>()
  let nextId = 0
  let outbox: ThreadCheck[] = []
  let scheduled = false
  const signalIds = new WeakMap<AbortSignal, number>()
  let nextSignal = 0
  let state: 'running' | 'closing' | 'gone' = 'running'
  let local: Checker | null = null
  // Checks after a crash or a close, and the ones a crashed thread held, run here.
  const onMain = (): Checker =>
    (local ??= createChecker({
      geo: options.geo,
      ca: options.ca,
      exitProfile: options.exitProfile,
    }))

  const post = (message: ToCheckWorker): void => worker.postMessage(message)
  const flush = (): void => {
    scheduled = false
    if (outbox.length === 0 || state !== 'running') return
    const checks = outbox
    outbox = []
    post({ type: 'check', checks })
  }
  const signalId = (signal: AbortSignal): number => {
    let id = signalIds.get(signal)
    if (id === undefined) {
      const assigned = nextSignal++
      id = assigned
      signalIds.set(signal, assigned)
      const onAbort = (): void => {
        if (state !== 'running') return
        flush() // the checks first, so the thread knows every one the abort ends
        post({ type: 'abort', signal: assigned })
      }
      signal.addEventListener('abort', onAbort, { once: true })
    }
    return id
  }

  worker.on('message', (message: FromCheckWorker) => {
    if (message.type !== 'results') return
    for (const { id, result } of message.results) {
      const entry = pending.get(id)
      if (!entry) continue
      pending.delete(id)
      if (geo && result.exitIp) Object.assign(result, placeOf(result.exitIp, geo))
      entry.resolve(result)
    }
    if (pending.size === 0) worker.unref()
  })
  const gone = (): void => {
    if (state === 'gone') return
    const closing = state === 'closing'
    state = 'gone'
    outbox = []
    const left = [...pending.values()]
    pending.clear()
    for (const entry of left) {
      // Closed: they end as cancelled, as on main. Crashed: checked again, on main.
      const checkOptions = closing
        ? { ...entry.options, signal: AbortSignal.abort() }
        : entry.options
      void onMain().check(entry.target, checkOptions).then(entry.resolve)
    }
  }
  worker.on('error', (error) => {
    console.error('The check thread failed; checks go on in the main thread:', error)
    gone()
  })
  worker.on('exit', gone)

  return {
    check(target, checkOptions) {
      if (state !== 'running') return onMain().check(target, checkOptions)
      const { signal, ...rest } = checkOptions
      const id = nextId++
      return new Promise<CheckResult>((resolve) => {
        pending.set(id, { target, options: checkOptions, resolve })
        outbox.push({
          id,
          target,
          options: rest,
          signal: signal ? signalId(signal) : null,
          aborted: signal?.aborted ?? false,
        })
        if (pending.size === 1) worker.ref()
        if (!scheduled) {
          scheduled = true
          // Every check asked for in this turn of the event loop goes in one message.
          setImmediate(flush)
        }
      })
    },
    close() {
      local?.close()
      if (state !== 'running') return
      flush()
      state = 'closing'
      post({ type: 'close' })
      setTimeout(() => void worker.terminate(), CLOSE_GRACE_MS).unref()
    },
  }
}
