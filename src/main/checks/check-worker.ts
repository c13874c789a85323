// The check thread's program (check-thread.ts starts it): a checker of its own, fed batches of
// checks by main, answering with batches of results. No database, no keychain, no geo lookup:
// main opens the passwords before sending and adds the exit's place to each result it gets back.
import { parentPort, workerData } from 'node:worker_threads'
import { createChecker } from './checker'
import type {
  CheckWorkerData,
  FromCheckWorker,
  ThreadCheck,
  ToCheckWorker,
} from './check-thread-protocol'
import type { CheckResult } from './types'

const port = parentPort
if (!port) throw new Error('check-worker.ts runs as a worker thread (check-thread.ts)')
const data = workerData as CheckWorkerData
const checker = createChecker({ geo: null, ca: data.ca, exitProfile: data.exitProfile })

/** One AbortController per signal of main's that has checks in flight here. */
const signals = new Map<number, { controller: AbortController; uses: number }>()
const inFlight = new Set<Promise<void>>()
let outbox: { id: number; result: CheckResult }[] = []
let flushing = false

const send = (message: FromCheckWorker): void => port.postMessage(message)
const flush = (): void => {
  flushing = false
  if (outbox.length === 0) return
  const results = outbox
  outbox = []
  send({ type: 'results', results })
}

function signalFor(check: ThreadCheck): AbortSignal | undefined {
  if (check.signal === null) return undefined
  let entry = signals.get(check.signal)
  if (!entry) {
    entry = { controller: new AbortController(), uses: 0 }
    signals.set(check.signal, entry)
  }
  entry.uses += 1
  if (check.aborted) entry.controller.abort()
  return entry.controller.signal
}

function release(signal: number | null): void {
  if (signal === null) return
  const entry = signals.get(signal)
  if (entry && --entry.uses === 0) signals.delete(signal)
}

function start(check: ThreadCheck): void {
  const signal = signalFor(check)
  const done = checker
    .check(check.target, signal ? { ...check.options, signal } : check.options)
    .then((result) => {
      release(check.signal)
      outbox.push({ id: check.id, result })
      if (!flushing) {
        flushing = true
        // After every check that ends in this turn of the event loop: one message for all.
        setImmediate(flush)
      }
    })
    .finally(() => inFlight.delete(done))
  inFlight.add(done)
}

port.on('message', (message: ToCheckWorker) => {
  if (message.type === 'check') for (const check of message.checks) start(check)
  else if (message.type === 'abort') signals.get(message.signal)?.controller.abort()
  else {
    checker.close()
    void Promise.allSettled([...inFlight]).then(() => {
      flush()
      process.exit(0)
    })
  }
})
send({ type: 'ready' })
