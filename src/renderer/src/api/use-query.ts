import { useCallback, useEffect, useRef, useState } from 'react'
import type { Channel } from '../../../shared/channels'
import type { InputOf, OutputOf } from '../../../shared/contracts'
import { affects, readsOf } from '../../../shared/data-changes'
import { AppError } from '../../../shared/errors'
import { useApi } from './api-context'

/**
 * Changes in a burst (a check run records every ~250 ms) cost one refresh per window: at least
 * 300 ms, and ten times what the last answer took, so a heavy read (the dashboard's analytics
 * take ~0.1 s at 100,000 proxies) spends at most ~10% of main's time on refreshes during a run.
 * Capped, since an answer that waited for an import to finish says nothing about its real cost.
 */
const REFRESH_MIN_MS = 300
const REFRESH_MAX_MS = 5_000
const REFRESH_COST_FACTOR = 10

export interface QueryState<T> {
  data: T | undefined
  error: AppError | undefined
  loading: boolean
  refresh: () => void
}

/**
 * Calls a read-only channel on mount and whenever its input changes (compared as JSON), keeping the
 * last data while a refresh runs. Answers that arrive after a newer request or unmount are dropped.
 * When main announces a change of data the answer shows (`data:changed`: the monitor, a check run,
 * another window, an import), it refreshes quietly, without a loading state.
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
  const quiet = useRef(false)
  const cost = useRef(0)
  const inputKey = JSON.stringify(input ?? null)

  useEffect(() => {
    let current = true
    if (!quiet.current) setLoading(true)
    quiet.current = false
    const args = (inputKey === 'null' ? [] : [JSON.parse(inputKey)]) as [InputOf<K>]
    const started = performance.now()
    client.call(channel, ...args).then(
      (value) => {
        cost.current = performance.now() - started
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

  useEffect(() => {
    if (readsOf(channel).length === 0) return undefined
    let timer: ReturnType<typeof setTimeout> | undefined
    const unsubscribe = client.on('data:changed', (change) => {
      if (timer !== undefined || !affects(change, channel)) return
      const wait = Math.min(
        REFRESH_MAX_MS,
        Math.max(REFRESH_MIN_MS, cost.current * REFRESH_COST_FACTOR),
      )
      timer = setTimeout(() => {
        timer = undefined
        quiet.current = true
        setGeneration((n) => n + 1)
      }, wait)
    })
    return () => {
      unsubscribe()
      if (timer !== undefined) clearTimeout(timer)
    }
  }, [client, channel])

  const refresh = useCallback(() => setGeneration((n) => n + 1), [])
  return { data, error, loading, refresh }
}

export function toAppError(cause: unknown): AppError {
  if (cause instanceof AppError) return cause
  return new AppError('INTERNAL', cause instanceof Error ? cause.message : String(cause))
}
