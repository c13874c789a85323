import { Worker } from 'node:worker_threads'
import { AppError } from '../../shared/errors'
import { sealWorkerSource, type SealReply, type SealRequest } from './seal-core'
import { refusalError } from './sealed-secret'
import type { MasterKey } from './master-key'
import { vaultKeyOf } from './vault-keys'
import { whenWorkerReady } from '../worker-ready'

/**
 * Seals passwords on a `worker_thread` with the vault's key, in exactly the vault's format (the
 * same code, seal-core.ts), so a bulk job (an import's 100,000 passwords) leaves main's thread
 * free for its inserts. Jobs are answered in the order they were sent.
 */
export interface SealWorker {
  /** Sealed texts in order (null stays null); rejects as the vault's encrypt would, or on a crash. */
  seal(plaintexts: (string | null)[], aads: string[]): Promise<(string | null)[]>
  /** Ends the thread, and with it the only copy of the key outside main. */
  close(): void
}

export interface SealWorkerOptions {
  /** The worker's program; tests pass a broken one. Defaults to the real one. */
  source?: string
  /** How long the thread may take to say it is ready before sealing stays on main. */
  startTimeoutMs?: number
}

const START_TIMEOUT_MS = 5_000

/**
 * A worker sealing for `vault`, or null: when the vault is not one this folder made (a wrapper,
 * or an unavailable vault: its own `encrypt` must decide), or when the thread fails to start. Null
 * means "seal on main instead": a worker that cannot start never fails an import. The key goes to
 * the worker by postMessage (a transferred copy), never to disk or an environment variable.
 * Never rejects.
 */
export async function openSealWorker(
  vault: object,
  options: SealWorkerOptions = {},
): Promise<SealWorker | null> {
  const masterKey = vaultKeyOf(vault)
  if (!masterKey) return null
  let worker: Worker
  try {
    worker = new Worker(options.source ?? sealWorkerSource(), {
      eval: true,
      name: 'proxydeck-seal',
    })
  } catch {
    return null
  }
  // Never what keeps a finished process alive (tests, scripts).
  worker.unref()
  let started = false
  try {
    started = await handOverKey(worker, masterKey, options.startTimeoutMs ?? START_TIMEOUT_MS)
  } catch {
    // postMessage refusing the key (a runtime without transferable buffers): seal on main.
  }
  if (!started) {
    // A second 'error' with no listener would throw in main; nobody needs this one.
    worker.on('error', () => undefined)
    void worker.terminate()
    return null
  }
  return runningWorker(worker)
}

/** Sends the key; true once the worker says it is ready, false if it fails or stays silent. */
async function handOverKey(
  worker: Worker,
  masterKey: MasterKey,
  timeoutMs: number,
): Promise<boolean> {
  const ready = whenWorkerReady(worker, timeoutMs)
  // A fresh 32-byte copy, transferred: main keeps no second copy, and no other bytes of a
  // pooled Buffer travel with it. If postMessage throws, the caller ends the worker, which
  // settles `ready`.
  const key = Uint8Array.from(masterKey.key)
  worker.postMessage({ type: 'key', key, version: masterKey.version } satisfies SealRequest, [
    key.buffer,
  ])
  return ready
}

interface Pending {
  aads: string[]
  resolve(sealed: (string | null)[]): void
  reject(error: unknown): void
}

function runningWorker(worker: Worker): SealWorker {
  const pending = new Map<number, Pending>()
  let nextJob = 0
  let failure: AppError | null = null
  const fail = (why: string) => {
    failure ??= new AppError(
      'INTERNAL',
      `Sealing the passwords failed: the sealing thread ${why}. Nothing was stored.`,
    )
    for (const job of pending.values()) job.reject(failure)
    pending.clear()
  }
  worker.on('message', (reply: SealReply) => {
    if (reply.type === 'ready') return
    const job = pending.get(reply.job)
    if (!job) return
    pending.delete(reply.job)
    if (reply.type === 'sealed') job.resolve(reply.sealed)
    else job.reject(refusalError(reply.reason, job.aads[reply.index] ?? ''))
  })
  // The error's message is the worker's own code failing, never a password: it is not shown.
  worker.on('error', () => fail('stopped with an error'))
  worker.on('exit', (code) => fail(`ended (exit code ${code})`))
  return {
    seal(plaintexts, aads) {
      if (failure) return Promise.reject(failure)
      const job = nextJob++
      return new Promise((resolve, reject) => {
        pending.set(job, { aads, resolve, reject })
        worker.postMessage({ type: 'seal', job, plaintexts, aads } satisfies SealRequest)
      })
    },
    close() {
      fail('was closed')
      worker.removeAllListeners()
      // An 'error' with no listener would throw in main; nothing is waiting for this one any more.
      worker.on('error', () => undefined)
      void worker.terminate()
    },
  }
}
