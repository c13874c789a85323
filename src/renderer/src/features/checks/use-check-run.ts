import { useCallback, useEffect, useRef, useState } from 'react'
import type { CheckProgress, CheckResultDto } from '../../../../shared/contracts/checks'
import { useApi } from '../../api'

export type RunCounts = Omit<CheckProgress, 'results'>

/** Results kept for display per run; the newest win. */
const KEEP_RESULTS = 500

/**
 * The latest bulk run as `checks:progress` reports it, restored from `checks:status` when mounted
 * mid-run. `results` holds the last result per proxy of this run (capped).
 */
export function useCheckRun(onFinished?: (run: RunCounts) => void) {
  const client = useApi()
  const [run, setRun] = useState<RunCounts | null>(null)
  const [results, setResults] = useState<CheckResultDto[]>([])
  const finishedRef = useRef(onFinished)
  finishedRef.current = onFinished

  useEffect(() => {
    let live = true
    let heard = false
    const unsubscribe = client.on('checks:progress', (event) => {
      heard = true
      const { results: batch, ...counts } = event
      setRun((current) => {
        if (current?.runId !== counts.runId) setResults([])
        return counts
      })
      if (batch.length) {
        setResults((current) => {
          const byProxy = new Map(current.map((result) => [result.proxyId, result]))
          for (const result of batch) {
            byProxy.delete(result.proxyId)
            byProxy.set(result.proxyId, result)
          }
          return [...byProxy.values()].slice(-KEEP_RESULTS)
        })
      }
      if (counts.finished) finishedRef.current?.(counts)
    })
    client.call('checks:status').then(
      (status) => {
        // An event already said more than this snapshot can.
        if (live && !heard && status.run) setRun(status.run)
      },
      () => {},
    )
    return () => {
      live = false
      unsubscribe()
    }
  }, [client])

  const dismiss = useCallback(() => {
    setRun(null)
    setResults([])
  }, [])

  return { run, results, dismiss }
}
