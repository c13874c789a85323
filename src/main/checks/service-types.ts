import type {
  ChecksStatus,
  MonitorAlert,
  MonitorStatus,
  ProxiesTestInput,
  RotateResult,
  RunOrigin,
  RunStarted,
} from '../../shared/contracts/checks'
import type { AlertSink } from './alert-sink'
import type { Checker } from './checker'
import type { CheckRun, RunCounts } from './check-run'
import type { GeoDatabases } from './geo-databases'
import type { RunTarget } from './run-targets'

// The check service's shape, apart from its implementation (service.ts), so the composition root
// (context.ts) and the monitor depend on what it offers rather than on how it is built.

/** What one run ended with, after failover and the alert. */
export interface RunReport {
  counts: RunCounts
  alert: MonitorAlert | null
}

export interface ActiveRun {
  run: CheckRun
  total: number
  report: Promise<RunReport>
}

/**
 * Checks of stored proxies for one app context: the checker (opened lazily, once), one bulk run
 * at a time, what happens after a run (failover, one aggregated alert, health status), the
 * monitor's scheduler and rotation. Handlers and the desktop shell reach it as `ctx.checks`.
 */
export interface CheckService {
  checker(): Promise<Checker>
  /** The location databases behind every check's exit place and network (Settings). */
  readonly geo: GeoDatabases
  /** Starts an operator's run in the background; CONFLICT while another run is going. */
  test(selection: ProxiesTestInput): Promise<RunStarted>
  cancel(runId: string): boolean
  /** The run in progress, if any (the monitor waits on it). */
  active(): ActiveRun | null
  /** Starts a run over `targets`; CONFLICT while another run is going. */
  launch(targets: RunTarget[], origin: RunOrigin): Promise<ActiveRun>
  status(): ChecksStatus
  rotate(proxyId: number): Promise<RotateResult>
  readonly monitor: HealthMonitor
  /** Tray and notifications (desktop) or a test's recorder; null detaches. */
  setAlertSink(sink: AlertSink | null): void
  /** Cancels the run in flight, writes what finished, stops the monitor; synchronous. */
  close(): void
}

export interface RoundReport extends RunReport {
  runId: string
}

export interface HealthMonitor {
  /** Schedules rounds per the settings (and follows their changes) until stop(). */
  start(): void
  stop(): void
  /**
   * One round now: re-checks every active and error proxy through a `monitor` run, which applies
   * the transitions, fails over and alerts. Waits for an operator's run to end first and never
   * overlaps another round (a call during a round joins it).
   */
  runRound(): Promise<RoundReport>
  /** Starts a round without waiting for it (tray "Test all now", `monitor:runNow`). */
  runNow(): Promise<RunStarted>
  status(): MonitorStatus
}
