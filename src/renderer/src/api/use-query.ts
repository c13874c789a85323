import { useCallback, useEffect, useState } from 'react'
import type { Channel } from '../../../shared/channels'
import type { InputOf, OutputOf } from '../../../shared/contracts'
import { AppError } from '../../../shared/errors'
import { useApi } from './api-context'

export interface QueryState<T> {
  data: T | undefined
  error: AppError | undefined
  loading: boolean
  refresh: () => void
}

/**
 * Calls a read-only channel on mount and whenever its input changes (compared as JSON), keeping the
 * last data while a refresh runs. Answers that arrive after a newer request or unmount are dropped.
 */
export function useQuery<K extends Channel>(
  channel: K,
  input?: InputOf<K>,
): QueryState<OutputOf<K>> {
  const client = useApi()
  const [data, setData] = useState<OutputOf<K>>()
  const [error, setError] = useState<AppError>()
  const [loading, setLoading] = useState(true)
  const [generation, setGeneration] = useState(0)
  const inputKey = JSON.stringify(input ?? null)

  useEffect(() => {
    let current = true
    setLoading(true)
    const args = (inputKey === 'null' ? [] : [JSON.parse(inputKey)]) as [InputOf<K>]
    client.call(channel, ...args).then(
      (value) => {
        if (!current) return
        setData(value)
        setError(undefined)
        setLoading(false)
      },
      (cause: unknown) => {
        if (!current) return
        setError(toAppError(cause))
        setLoading(false)
      },
    )
    return () => {
      current = false
    }
  }, [client, channel, inputKey, generation])

  const refresh = useCallback(() => setGeneration((n) => n + 1), [])
  return { data, error, loading, refresh }
}

export function toAppError(cause: unknown): AppError {
  if (cause instanceof AppError) return cause
  return new AppError('INTERNAL', cause instanceof Error ? cause.message : String(cause))
}
