import type { Worker } from 'node:worker_threads'

/**
 * True once `worker` posts `{ type: 'ready' }`; false if it posts anything else first, fails,
 * exits or stays silent for `timeoutMs`. Call it before sending what makes the worker ready.
 * Shared by the seal worker (secrets/seal-worker.ts) and the check thread (checks/check-thread.ts).
 */
export function whenWorkerReady(worker: Worker, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => settle(false), timeoutMs)
    const settle = (ok: boolean) => {
      clearTimeout(timer)
      worker.off('message', onMessage)
      worker.off('error', onFailure)
      worker.off('exit', onFailure)
      resolve(ok)
    }
    const onMessage = (message: { type?: unknown }) => settle(message?.type === 'ready')
    const onFailure = () => settle(false)
    worker.on('message', onMessage)
    worker.once('error', onFailure)
    worker.once('exit', onFailure)
  })
}
