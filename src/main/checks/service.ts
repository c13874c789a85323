import type {
  MonitorAlert,
  ReachSelection,
  RotateResult,
  RunOrigin,
} from '../../shared/contracts/checks'
import { AppError } from '../../shared/errors'
import { exclusiveGate } from '../db/exclusive'
import type { EventBus } from '../events'
import { detectNewCollisions } from '../services/assignment/exit-collisions'
import type { ServiceContext } from '../services/service-context'
import { readSettings } from '../services/settings'
import type { AlertSink } from './alert-sink'
import { createChecker, type Checker, type CheckerOptions } from './checker'
import { openCheckThread } from './check-thread'
import { startCheckRun, type CheckRun } from './check-run'
import { createGeoDatabases, type GeoOption } from './geo-databases'
import {
  accountsOn,
  buildAlert,
  failOver,
  healthStatus,
  netTransitions,
  proxiesLeftFailing,
} from './health'
import { createMonitor, type MonitorOptions } from './monitor'
import { rotateProxy } from './rotation'
import { listProxyChecks } from './check-recorder'
import {
  assertPasswordsReadable,
  selectRunTargets,
  targetsByIds,
  type RunTarget,
} from './run-targets'
import type { ActiveRun, CheckService, RunReport } from './service-types'

export interface CheckServiceOptions {
  ctx: ServiceContext
  events: EventBus
  /** Extra trust anchors for https judges and proxies (tests: the fixture CA). */
  ca?: CheckerOptions['ca']
  /**
   * Where the bundled location databases are (the packaged app's resources); false: none (tests),
   * so only an operator-chosen file gives a place or a network.
   */
  geo?: GeoOption
  /** false: no exit profile (geo lookup, anonymity) on checks; the check benchmark's baseline. */
  exitProfile?: boolean
  /** false: checks run on main's thread (the check benchmark's split); default: on their own. */
  checkThread?: boolean
  monitor?: MonitorOptions
}

export function createCheckService(options: CheckServiceOptions): CheckService {
  const { ctx, events } = options
  let checkerPromise: Promise<Checker> | null = null
  let checkerInstance: Checker | null = null
  let current: ActiveRun | null = null
  let sink: AlertSink | null = null
  let closed = false
  const geo = createGeoDatabases(() => ctx.sqlite, options.geo)

  const checker = (): Promise<Checker> => {
    checkerPromise ??= geo.ready().then(async () => {
      const checkerOptions = { geo: geo.lookup, ca: options.ca, exitProfile: options.exitProfile }
      // On its own thread (check-thread.ts) unless told not to, or when the thread cannot start.
      const thread = options.checkThread === false ? null : await openCheckThread(checkerOptions)
      checkerInstance = thread ?? createChecker(checkerOptions)
      if (closed) checkerInstance.close()
      return checkerInstance
    })
    return checkerPromise
  }

  const afterRun = async (run: CheckRun): Promise<RunReport> => {
    const outcome = await run.done
    let alert: MonitorAlert | null = null
    // Failover writes: after an import that holds the connection, not inside it.
    await exclusiveGate(ctx.sqlite).whenFree()
    if (!closed) {
      try {
        alert = reportTransitions(ctx, run, outcome.transitions)
        if (alert?.failover.moved.length) {
          events.emit('data:changed', { kinds: ['accounts', 'proxies', 'history'] })
        }
        if (alert) {
          events.emit('monitor:alert', alert)
          sink?.alert(alert)
        }
        const health = healthStatus(ctx)
        events.emit('monitor:health', health)
        sink?.status(health)
      } catch (error) {
        console.error('Handling the results of a check run failed:', error)
      }
    }
    // Cleared before the last event, so whoever hears it can start the next run at once.
    if (current?.run === run) current = null
    if (!closed) run.finish()
    return { counts: run.counts(), alert }
  }

  const launch = async (
    targets: RunTarget[],
    origin: RunOrigin,
    reach: ReachSelection = 'assigned',
  ): Promise<ActiveRun> => {
    if (closed) throw new AppError('CANCELLED', 'ProxyDeck is shutting down.')
    if (current) throw busy(current)
    const instance = await checker()
    // Checked again: the context may have closed, or another run started, meanwhile.
    if (closed) throw new AppError('CANCELLED', 'ProxyDeck is shutting down.')
    if (current) throw busy(current)
    const settings = readSettings(ctx.sqlite)
    const run = startCheckRun(
      { ...ctx, events, checker: instance },
      targets,
      {
        concurrency: settings.checkConcurrency,
        timeoutMs: settings.checkTimeoutMs,
        judges: settings.judges,
        askJudgesDirectly: settings.askJudgesDirectly,
        anonymityJudge: settings.anonymityJudge,
        reach: {
          selection: reach,
          platformTargets: settings.platformTargets,
          customTarget: settings.customTarget,
        },
        retention: settings.checkRetentionPerProxy,
        failureThreshold: settings.failureThreshold,
      },
      origin,
    )
    // afterRun waits for the run first, so `current` is set before it can clear it.
    current = { run, total: targets.length, report: afterRun(run) }
    return current
  }

  // The check after a rotation: a run of one through the same path as any test (recorded, with
  // progress events, transitions and failover), so nothing about it is special.
  const recheck = async (
    proxyId: number,
  ): Promise<Pick<RotateResult, 'recheck' | 'recheckSkipped'>> => {
    let started: ActiveRun
    try {
      started = await launch(targetsByIds(ctx, [proxyId]), 'operator')
    } catch (error) {
      if (error instanceof AppError && error.code === 'CONFLICT') {
        return { recheck: null, recheckSkipped: `${error.message} Test the proxy afterwards.` }
      }
      throw error
    }
    const report = await started.report
    const [latest] = listProxyChecks(ctx, proxyId, 1)
    if (report.counts.done - report.counts.skipped < 1 || !latest) {
      return {
        recheck: null,
        recheckSkipped: report.counts.cancelled
          ? 'the check after the rotation was cancelled'
          : 'the proxy could not be checked (its password could not be opened)',
      }
    }
    return { recheck: latest, recheckSkipped: null }
  }

  const service: CheckService = {
    checker,
    geo,
    async test(selection) {
      const targets = selectRunTargets(ctx, selection)
      assertPasswordsReadable(ctx, targets)
      const started = await launch(targets, 'operator', selection.targets ?? 'assigned')
      return { runId: started.run.id, total: started.total }
    },
    cancel(runId) {
      if (current?.run.id !== runId) return false
      current.run.cancel()
      return true
    },
    active: () => current,
    launch,
    status: () => ({ run: current?.run.counts() ?? null, monitor: monitor.status() }),
    rotate: (proxyId) =>
      rotateProxy(ctx, proxyId, {
        timeoutMs: readSettings(ctx.sqlite).checkTimeoutMs,
        recheck: (id) => recheck(id),
      }),
    get monitor() {
      return monitor
    },
    setAlertSink(next) {
      sink = next
      next?.status(healthStatus(ctx))
    },
    close() {
      if (closed) return
      closed = true
      monitor.stop()
      if (current) {
        current.run.cancel()
        current.run.flushNow()
      }
      checkerInstance?.close()
    },
  }
  const monitor = createMonitor(ctx, events, service, options.monitor)
  return service
}

function busy(active: ActiveRun): AppError {
  const who = active.run.origin === 'monitor' ? 'The health monitor is' : 'Another test run is'
  return new AppError(
    'CONFLICT',
    `${who} checking proxies right now; wait for it to finish or cancel it.`,
    { runId: active.run.id, origin: active.run.origin },
  )
}

function reportTransitions(
  ctx: ServiceContext,
  run: CheckRun,
  transitions: Parameters<typeof netTransitions>[0],
): MonitorAlert | null {
  const { failed, recovered } = netTransitions(transitions)
  const settings = readSettings(ctx.sqlite)
  // The isolation guard: exits this run recorded may link two models' proxies (trims old exits).
  const collisions = detectNewCollisions(ctx)
  const failedIds = failed.map((result) => result.proxyId)
  // Monitor rounds also re-home what an earlier run left on failing proxies (a crash, say).
  const leftIds =
    settings.failoverEnabled && run.origin === 'monitor'
      ? proxiesLeftFailing(ctx).filter((id) => !failedIds.includes(id))
      : []
  if (
    failed.length === 0 &&
    recovered.length === 0 &&
    leftIds.length === 0 &&
    collisions.length === 0
  ) {
    return null
  }
  const failover = settings.failoverEnabled
    ? { enabled: true, ...failOver(ctx, failedIds) }
    : { enabled: false, moved: [], stranded: [] }
  return buildAlert({
    leftFailing: failOver(ctx, leftIds),
    runId: run.id,
    origin: run.origin,
    at: ctx.clock.now(),
    failed,
    recovered,
    failover,
    accountsLeft: settings.failoverEnabled ? 0 : accountsOn(ctx, failedIds),
    collisions,
  })
}
