import type { EventChannel } from './channels'
import type { CheckProgress, HealthStatus, MonitorAlert } from './contracts/checks'
import type { DataChanged } from './data-changes'
import type { ImportProgress } from './import-types'
import type { Settings } from './settings'

/** Payload of each named event channel that main pushes to the renderer. */
export interface EventPayloads {
  'settings:changed': Settings
  'app:notice': { level: 'info' | 'warning' | 'error'; title: string; message: string }
  'import:progress': ImportProgress
  /** A bulk run's counts and the results recorded since the previous event (every ~250 ms). */
  'checks:progress': CheckProgress
  /** One per run that moved proxies between active and error. */
  'monitor:alert': MonitorAlert
  /** The fleet's health after each run. */
  'monitor:health': HealthStatus
  /** Stored data changed (a call, a check run, failover): views showing those kinds refresh. */
  'data:changed': DataChanged
}

export type EventPayload<E extends EventChannel> = EventPayloads[E]
