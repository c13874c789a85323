import type { HealthStatus, MonitorAlert } from '../../shared/contracts/checks'

/**
 * Where health news goes besides the renderer: in the desktop app the tray icon and OS
 * notifications (src/main/electron/), in tests a recorder. Calls must not throw or block.
 */
export interface AlertSink {
  /** One aggregated alert per run that moved any proxy between active and error. */
  alert(alert: MonitorAlert): void
  /** The fleet's health after each run (and when the sink is attached). */
  status(status: HealthStatus): void
}
