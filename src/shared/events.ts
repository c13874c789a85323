import type { EventChannel } from './channels'
import type { Settings } from './settings'

/** Payload of each named event channel that main pushes to the renderer. */
export interface EventPayloads {
  'settings:changed': Settings
  'app:notice': { level: 'info' | 'warning' | 'error'; title: string; message: string }
}

export type EventPayload<E extends EventChannel> = EventPayloads[E]
