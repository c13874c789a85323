import type { EventChannel } from './channels'
import type { ImportProgress } from './import-types'
import type { Settings } from './settings'

/** Payload of each named event channel that main pushes to the renderer. */
export interface EventPayloads {
  'settings:changed': Settings
  'app:notice': { level: 'info' | 'warning' | 'error'; title: string; message: string }
  'import:progress': ImportProgress
}

export type EventPayload<E extends EventChannel> = EventPayloads[E]
