import { useEffect, useRef, useState } from 'react'

/**
 * `value`, following it at once when it changes after a quiet spell (a paste, a click, the first
 * key of a word) and at most once per `waitMs` while it keeps changing (typing): the last value of
 * a burst lands `waitMs` after its last change. So a single edit queries with no delay, and a
 * typed word costs two queries, not one per key. Values compare by `key` (e.g. JSON).
 */
export function useLeadingDebounce<T>(value: T, key: string, waitMs: number): T {
  const [settled, setSettled] = useState(value)
  const settledKey = useRef(key)
  const lastChange = useRef(0)
  const latest = useRef(value)
  latest.current = value

  useEffect(() => {
    if (key === settledKey.current) return undefined
    const now = performance.now()
    const quiet = now - lastChange.current >= waitMs
    lastChange.current = now
    const settle = () => {
      settledKey.current = key
      setSettled(latest.current)
    }
    if (quiet) {
      settle()
      return undefined
    }
    const timer = setTimeout(settle, waitMs)
    return () => clearTimeout(timer)
  }, [key, waitMs])

  return settled
}
