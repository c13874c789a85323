import { AppError } from '../../shared/errors'
import type { EventBus } from '../events'
import type { ServiceContext } from '../services/service-context'
import { readSettings } from '../services/settings'
import { healthStatus } from './health'
import { monitoredTargets } from './run-targets'
import type { ActiveRun, CheckService, HealthMonitor, RoundReport } from './service-types'

/** The scheduler's clock; tests pass one they fire by hand. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export interface MonitorOptions {
  timers?: Timers
  /**
   * Delay before the first round after start() or after the monitor is switched on; default one
   * interval (the tray shows the stored statuses until then).
   */
  firstRoundDelayMs?: number
}

const MINUTE = 60_000

const realTimers: Timers = {
  setTimeout: (fn, ms) => {
    const handle = setTimeout(fn, ms)
    handle.unref()
    return handle
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
}

export function createMonitor(
  ctx: ServiceContext,
  events: Pick<EventBus, 'subscribe'>,
  service: Pick<CheckService, 'active' | 'launch'>,
  options: MonitorOptions = {},
): HealthMonitor {
  const timers = options.timers ?? realTimers
  const intervalMs = (): number => readSettings(ctx.sqlite).monitorIntervalMinutes * MINUTE
  const firstDelay = (): number => options.firstRoundDelayMs ?? intervalMs()
  let round: Promise<RoundReport> | null = null
  let lastRoundAt: number | null = null
  let nextRoundAt: number | null = null
  let handle: unknown = null
  let started = false
  let unsubscribe: (() => void) | null = null
  let scheduledWith = { enabled: false, interval: 0 }

  const follow = (active: ActiveRun): Promise<RoundReport> => {
    const joined = active.report.then((report) => {
      lastRoundAt = ctx.clock.now()
      return { runId: active.run.id, ...report }
    })
    round ??= joined.finally(() => {
      round = null
    })
    return joined
  }

  const oneRound = async (): Promise<RoundReport> => {
    for (;;) {
      const busy = service.active()
      if (busy?.run.origin === 'monitor') return follow(busy)
      if (busy) {
        await busy.report
        continue
      }
      try {
        return await follow(await service.launch(monitoredTargets(ctx), 'monitor', 'assigned'))
      } catch (error) {
        // An operator's run slipped in while the checker opened: wait for it, then go.
        if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error
      }
    }
  }

  const runRound = (): Promise<RoundReport> => {
    round ??= oneRound().finally(() => {
      round = null
    })
    return round
  }

  const schedule = (delay: number): void => {
    if (handle !== null) timers.clearTimeout(handle)
    handle = null
    nextRoundAt = null
    // Stopped, nothing is read: stop() runs at quit, when the connection may be gone.
    if (!started) return
    const settings = readSettings(ctx.sqlite)
    scheduledWith = { enabled: settings.monitorEnabled, interval: settings.monitorIntervalMinutes }
    if (!settings.monitorEnabled) return
    nextRoundAt = ctx.clock.now() + delay
    handle = timers.setTimeout(tick, delay)
  }

  const tick = (): void => {
    handle = null
    nextRoundAt = null
    runRound()
      .catch((error: unknown) => console.error('Health monitor round failed:', error))
      .finally(() => schedule(intervalMs()))
  }

  const onSettingsChanged = (): void => {
    const settings = readSettings(ctx.sqlite)
    const { enabled, interval } = scheduledWith
    if (settings.monitorEnabled === enabled && settings.monitorIntervalMinutes === interval) return
    if (handle === null && round !== null) return // the round in flight schedules the next one
    schedule(enabled ? settings.monitorIntervalMinutes * MINUTE : firstDelay())
  }

  return {
    start() {
      if (started) return
      started = true
      unsubscribe = events.subscribe((event) => {
        if (event === 'settings:changed') onSettingsChanged()
      })
      schedule(firstDelay())
    },
    stop() {
      started = false
      unsubscribe?.()
      unsubscribe = null
      schedule(0)
    },
    runRound,
    async runNow() {
      const busy = service.active()
      if (busy?.run.origin === 'monitor') return { runId: busy.run.id, total: busy.total }
      const active = await service.launch(monitoredTargets(ctx), 'monitor', 'assigned')
      void follow(active).catch(() => {})
      return { runId: active.run.id, total: active.total }
    },
    status() {
      const settings = readSettings(ctx.sqlite)
      return {
        ...healthStatus(ctx),
        enabled: settings.monitorEnabled,
        intervalMinutes: settings.monitorIntervalMinutes,
        lastRoundAt,
        nextRoundAt,
      }
    },
  }
}
