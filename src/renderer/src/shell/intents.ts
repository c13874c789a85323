import type { ViewPath } from '../../../shared/views'
import { useEffect, useRef } from 'react'
import { hrefFor } from './use-hash-route'

/**
 * Actions that live inside a view, asked for from outside it (the command palette): the asker
 * names the view and the intent; the view, once shown, takes the intent and acts. A one-shot
 * request kept here rather than in the address, so a reload or Back never repeats it.
 */
export type ViewIntent = 'add-proxy' | 'test-failed' | 'auto-assign'

const pending = new Set<ViewIntent>()
const handlers = new Map<ViewIntent, () => void>()

export function requestIntent(view: ViewPath, intent: ViewIntent): void {
  const handler = handlers.get(intent)
  const target = hrefFor(view)
  const here = window.location.hash.split('?')[0] === target
  if (handler && here) {
    handler()
    return
  }
  pending.add(intent)
  if (!here) window.location.hash = target
}

/** Runs `handler` for each request of `intent`, including one made before this view mounted. */
export function useIntent(intent: ViewIntent, handler: () => void): void {
  const latest = useRef(handler)
  latest.current = handler
  useEffect(() => {
    const run = () => latest.current()
    handlers.set(intent, run)
    if (pending.delete(intent)) run()
    return () => {
      if (handlers.get(intent) === run) handlers.delete(intent)
    }
  }, [intent])
}
