import type { EventChannel } from '../shared/channels'
import type { EventPayload } from '../shared/events'

export type EventListener = (event: EventChannel, payload: unknown) => void

/**
 * Pushes from main to whoever displays them: the Electron window, the bridge's SSE clients, tests.
 * Synchronous fan-out; a listener that throws does not stop the others.
 */
export interface EventBus {
  emit<E extends EventChannel>(event: E, payload: EventPayload<E>): void
  subscribe(listener: EventListener): () => void
}

export function createEventBus(): EventBus {
  const listeners = new Set<EventListener>()
  return {
    emit(event, payload) {
      for (const listener of [...listeners]) {
        try {
          listener(event, payload)
        } catch (error) {
          console.error(`event listener for ${event} failed:`, error)
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
