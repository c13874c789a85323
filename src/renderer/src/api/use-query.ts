import { useCallback, useEffect, useRef, useState } from 'react'
import type { Channel } from '../../../shared/channels'
import type { InputOf, OutputOf } from '../../../shared/contracts'
import { affects, readsOf } from '../../../shared/data-changes'
import { AppError } from '../../../shared/errors'
import type { Client } from '../../../shared/client'
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

export interface QueryOptions {
  /** Ask nothing yet (a closed dialog's lists): no request, no loading, no refresh. */
  skip?: boolean
}

const inFlight = new WeakMap<Client, Map<string, Promise<unknown>>>()

function sharedCall<K extends Channel>(
  client: Client,
  channel: K,
  inputKey: string,
  args: [InputOf<K>],
): Promise<OutputOf<K>> {
  let pending = inFlight.get(client)
  if (!pending) inFlight.set(client, (pending = new Map()))
  const key = `${channel} ${inputKey}`
  const existing = pending.get(key)
  if (existing) return existing as Promise<OutputOf<K>>
  const map = pending
  const request = client.call(channel, ...args).finally(() => map.delete(key))
  map.set(key, request)
  return request
}

interface Answer<T> {
  /** The request (`generation:input`) this answers; null before the first answer. */
  key: string | null
  data?: T
  error?: AppError
}

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
  options: QueryOptions = {},
): QueryState<OutputOf<K>> {
  const skip = options.skip ?? false
  const client = useApi()
  const [generation, setGeneration] = useState(0)
  const inputKey = JSON.stringify(input ?? null)
  // What is asked now, and what the shown answer answered: loading is their difference, derived
  // in the render that asks (a loading flag set from the effect cost the view one more render per
  // interaction). A quiet refresh (data:changed) names its own request so it shows no loading.
  const requestKey = `${generation}:${inputKey}`
  const [answer, setAnswer] = useState<Answer<OutputOf<K>>>({ key: null })
  const [quietKey, setQuietKey] = useState<string | null>(null)
  const cost = useRef(0)
  const latest = useRef({ generation, inputKey })
  latest.current = { generation, inputKey }
  // The first load is asked for in the first render, not in the effect after the commit: at first
  // load the proxies view took ~0.45 s to render and commit (MRT's table), and its page's
  // request only then left. The effect below takes this request over (once).
  const early = useRef<{ inputKey: string; started: number; request: Promise<unknown> } | null>(
    null,
  )
  if (early.current === null && !skip && generation === 0) {
    const args = (inputKey === 'null' ? [] : [JSON.parse(inputKey)]) as [InputOf<K>]
    const request = sharedCall(client, channel, inputKey, args)
    request.catch(() => undefined) // the effect reports it
    early.current = { inputKey, started: performance.now(), request }
  }

  useEffect(() => {
    if (skip) return undefined
    let current = true
    const args = (inputKey === 'null' ? [] : [JSON.parse(inputKey)]) as [InputOf<K>]
    const key = `${generation}:${inputKey}`
    let started = performance.now()
    // A first load shares a request already on its way for the same read (two parts of a view
    // mounting together; the first render's own, above); a refresh always asks anew, so it sees
    // the change that caused it.
    let request: Promise<OutputOf<K>>
    const asked = early.current
    if (generation === 0 && asked && asked.inputKey === inputKey && asked.started >= 0) {
      request = asked.request as Promise<OutputOf<K>>
      started = asked.started
      // Taken over once: the same input asked again later is a new read.
      early.current = { ...asked, started: -1 }
    } else {
      request =
        generation === 0
          ? sharedCall(client, channel, inputKey, args)
          : client.call(channel, ...args)
    }
    request.then(
      (value) => {
        cost.current = performance.now() - started
        if (!current) return
        setAnswer({ key, data: value })
      },
      (cause: unknown) => {
        if (!current) return
        setAnswer((last) => ({ key, data: last.data, error: toAppError(cause) }))
      },
    )
    return () => {
      current = false
    }
  }, [client, channel, inputKey, generation, skip])

  useEffect(() => {
    if (skip || readsOf(channel).length === 0) return undefined
    let timer: ReturnType<typeof setTimeout> | undefined
    const unsubscribe = client.on('data:changed', (change) => {
      if (timer !== undefined || !affects(change, channel)) return
      const wait = Math.min(
        REFRESH_MAX_MS,
        Math.max(REFRESH_MIN_MS, cost.current * REFRESH_COST_FACTOR),
      )
      timer = setTimeout(() => {
        timer = undefined
        const next = latest.current.generation + 1
        setQuietKey(`${next}:${latest.current.inputKey}`)
        setGeneration(next)
      }, wait)
    })
    return () => {
      unsubscribe()
      if (timer !== undefined) clearTimeout(timer)
    }
  }, [client, channel, skip])

  const { data, error } = answer
  const loading = !skip && answer.key !== requestKey && quietKey !== requestKey
  const refresh = useCallback(() => setGeneration((n) => n + 1), [])
  return { data, error, loading, refresh }
}

export function toAppError(cause: unknown): AppError {
  if (cause instanceof AppError) return cause
  return new AppError('INTERNAL', cause instanceof Error ? cause.message : String(cause))
}
