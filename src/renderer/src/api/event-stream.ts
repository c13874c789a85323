import { eventChannels, type EventChannel } from '../../../shared/channels'

type Listener = (payload: unknown) => void

/**
 * One Server-Sent Events connection shared by every subscriber, opened on the first subscription
 * and closed with the last. EventSource reconnects by itself after the bridge restarts.
 */
export function createEventStream(url: string) {
  const listeners = new Map<EventChannel, Set<Listener>>()
  let source: EventSource | null = null

  function open(): EventSource {
    const opened = new EventSource(url)
    for (const name of eventChannels) {
      opened.addEventListener(name, (message) => {
        let payload: unknown
        try {
          payload = JSON.parse((message as MessageEvent<string>).data)
        } catch {
          console.warn(`Ignoring ${name} event with a body that is not JSON`)
          return
        }
        for (const listener of [...(listeners.get(name) ?? [])]) listener(payload)
      })
    }
    return opened
  }

  function listenerCount(): number {
    let count = 0
    for (const set of listeners.values()) count += set.size
    return count
  }

  return {
    subscribe(event: EventChannel, listener: Listener): () => void {
      source ??= open()
      let set = listeners.get(event)
      if (!set) listeners.set(event, (set = new Set()))
      set.add(listener)
      return () => {
        set.delete(listener)
        if (listenerCount() === 0 && source) {
          source.close()
          source = null
        }
      }
    },
  }
}
