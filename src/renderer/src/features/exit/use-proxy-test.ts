import { useCallback, useEffect, useRef, useState } from 'react'
import type { CheckProgress, CheckResultDto } from '../../../../shared/contracts/checks'
import { toAppError, useApi } from '../../api'
import type { AppError } from '../../../../shared/errors'

export type ProxyTestState =
  | { phase: 'idle' }
  | { phase: 'testing' }
  | { phase: 'done'; result: CheckResultDto | null }
  | { phase: 'error'; error: AppError }

/**
 * Tests one proxy: a `proxies:test` run of that id, whose result arrives on `checks:progress`
 * like any run's (so the run panel and the table follow it too). Events are heard from before the
 * call, since the run's first ones can come before its id does. `result` is null when the run
 * ended without one (cancelled, or the password could not be opened).
 */
export function useProxyTest(proxyId: number, onDone?: (result: CheckResultDto | null) => void) {
  const client = useApi()
  const [state, setState] = useState<ProxyTestState>({ phase: 'idle' })
  const stop = useRef<(() => void) | null>(null)
  const doneRef = useRef(onDone)
  doneRef.current = onDone

  useEffect(() => () => stop.current?.(), [])

  const start = useCallback(async () => {
    stop.current?.()
    setState({ phase: 'testing' })
    let runId: string | null = null
    let result: CheckResultDto | null = null
    const early: CheckProgress[] = []
    const hear = (event: CheckProgress) => {
      if (event.runId !== runId) return
      for (const each of event.results) if (each.proxyId === proxyId) result = each
      if (!event.finished) return
      unsubscribe()
      setState({ phase: 'done', result })
      doneRef.current?.(result)
    }
    const unsubscribe = client.on('checks:progress', (event) => {
      if (runId === null) early.push(event)
      else hear(event)
    })
    stop.current = unsubscribe
    try {
      runId = (await client.call('proxies:test', { ids: [proxyId] })).runId
      for (const event of early) hear(event)
    } catch (cause) {
      unsubscribe()
      setState({ phase: 'error', error: toAppError(cause) })
    }
  }, [client, proxyId])

  return { state, start }
}
