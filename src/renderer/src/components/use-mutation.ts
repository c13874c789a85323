import { useCallback, useRef, useState } from 'react'
import type { Channel } from '../../../shared/channels'
import type { InputOf, OutputOf } from '../../../shared/contracts'
import type { AppError } from '../../../shared/errors'
import { toAppError, useApi } from '../api'

export interface MutationState<K extends Channel> {
  /** Calls the channel; resolves to its output, or undefined when it failed (see `error`). */
  run: (input: InputOf<K>) => Promise<OutputOf<K> | undefined>
  loading: boolean
  error: AppError | undefined
  reset: () => void
}

/** A write call with loading and the last AppError kept for the form to show. */
export function useMutation<K extends Channel>(channel: K): MutationState<K> {
  const client = useApi()
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<AppError>()
  const latest = useRef(0)

  const run = useCallback(
    async (input: InputOf<K>) => {
      const call = ++latest.current
      setLoading(true)
      setError(undefined)
      try {
        // Every channel this hook is used with takes an input object, so pass it as the one argument.
        const call = client.call as unknown as (c: K, i: InputOf<K>) => Promise<OutputOf<K>>
        const value = await call.call(client, channel, input)
        return value
      } catch (cause) {
        if (call === latest.current) setError(toAppError(cause))
        return undefined
      } finally {
        if (call === latest.current) setLoading(false)
      }
    },
    [client, channel],
  )

  const reset = useCallback(() => setError(undefined), [])
  return { run, loading, error, reset }
}
