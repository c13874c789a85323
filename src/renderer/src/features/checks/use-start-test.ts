import { useCallback, useState } from 'react'
import type { InputOf } from '../../../../shared/contracts'
import { toAppError, useApi } from '../../api'
import { useNotify } from '../../shell/notices'

/**
 * Starts a bulk connection test and says so when it cannot (nothing matched, a run already going,
 * a refusal). The progress itself arrives as `checks:progress`, for the run panel.
 */
export function useStartTest() {
  const client = useApi()
  const notify = useNotify()
  const [starting, setStarting] = useState(false)

  const start = useCallback(
    async (input: InputOf<'proxies:test'>) => {
      setStarting(true)
      try {
        const started = await client.call('proxies:test', input)
        if (started.total === 0) {
          notify({ level: 'info', title: 'Nothing to test', message: 'No proxies match.' })
        }
        return started
      } catch (cause) {
        const error = toAppError(cause)
        const busy = error.code === 'CONFLICT'
        notify({
          level: busy ? 'warning' : 'error',
          title: busy ? 'A test is already running' : 'Test not started',
          message: busy ? 'Wait for it to finish or cancel it, then start another.' : error.message,
          source: 'check',
        })
        return undefined
      } finally {
        setStarting(false)
      }
    },
    [client, notify],
  )
  return { start, starting }
}
