import type { Channel, EventChannel } from './channels'
import type { InputOf, OutputOf } from './contracts'
import { AppError, type Envelope } from './errors'
import type { EventPayload } from './events'

/**
 * What a transport must do: the Electron preload (`window.api`) and the HTTP bridge client both
 * implement this, so the typed client above them is the same in the app, in e2e and in tests.
 */
export interface Transport {
  invoke(channel: Channel, input: unknown): Promise<Envelope<unknown>>
  subscribe(event: EventChannel, listener: (payload: unknown) => void): () => void
}

export interface Client {
  call<K extends Channel>(channel: K, ...input: OptionalInput<K>): Promise<OutputOf<K>>
  on<E extends EventChannel>(event: E, listener: (payload: EventPayload<E>) => void): () => void
}

// Methods whose input is all-optional can be called without an argument.
type OptionalInput<K extends Channel> =
  undefined extends InputOf<K> ? [input?: InputOf<K>] : [input: InputOf<K>]

export function createClient(transport: Transport): Client {
  return {
    async call(channel, ...rest) {
      const envelope = await transport.invoke(channel, rest[0] ?? {})
      if (!envelope.ok) throw AppError.fromShape(envelope.error)
      return envelope.value as never
    },
    on(event, listener) {
      return transport.subscribe(event, listener as (payload: unknown) => void)
    },
  }
}
