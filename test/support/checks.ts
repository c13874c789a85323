// Shared by the check tests (not a test file itself): a real context whose checker trusts the
// fixture CA and whose judges are a loopback judge, calls through the real dispatch path, and a
// recorder of the events and alerts a run sends.
import type { Channel, EventChannel } from '../../src/shared/channels'
import type { InputOf, OutputOf } from '../../src/shared/contracts'
import type {
  CheckProgress,
  HealthStatus,
  MonitorAlert,
  ProxyCheckDto,
} from '../../src/shared/contracts/checks'
import type { EventPayload } from '../../src/shared/events'
import type { SettingsPatch } from '../../src/shared/settings'
import { createTestContext, type TestContext } from './context'
import { testPki } from '../fixtures'
import type { ContextOptions } from '../../src/main/context'
import { dispatch } from '../../src/main/ipc/dispatch'
import type { AlertSink } from '../../src/main/checks/alert-sink'

export interface ChecksFixture extends TestContext {
  call<K extends Channel>(channel: K, input: InputOf<K>): Promise<OutputOf<K>>
  /** The envelope's error for a call expected to fail. */
  refusal(
    channel: Channel,
    input: unknown,
  ): Promise<{ code: string; message: string; details?: unknown }>
  settings(patch: SettingsPatch): Promise<void>
  provider(): Promise<number>
  events<E extends EventChannel>(event: E): EventPayload<E>[]
  /** Resolves with the run's last progress event (`finished: true`). */
  finished(runId: string): Promise<CheckProgress>
  alerts: MonitorAlert[]
  statuses: HealthStatus[]
  proxyRow(id: number): ProxyHealthRow
  checkRows(id: number): Promise<ProxyCheckDto[]>
}

export interface ProxyHealthRow {
  status: string
  consecutive_failures: number
  last_tested_at: number | null
  last_success_at: number | null
  last_error_code: string | null
  last_error_message: string | null
  response_time_ms: number | null
  exit_ip: string | null
  country: string | null
}

export async function createChecksFixture(
  judges: string[],
  overrides: Partial<ContextOptions> = {},
): Promise<ChecksFixture> {
  const test = await createTestContext({ checkerCa: testPki().ca, geo: false, ...overrides })
  const { ctx } = test
  const seen: { event: EventChannel; payload: unknown }[] = []
  const waiting = new Map<string, (progress: CheckProgress) => void>()
  const done = new Map<string, CheckProgress>()
  ctx.events.subscribe((event, payload) => {
    seen.push({ event, payload })
    if (event !== 'checks:progress') return
    const progress = payload as CheckProgress
    if (!progress.finished) return
    done.set(progress.runId, progress)
    waiting.get(progress.runId)?.(progress)
  })
  const alerts: MonitorAlert[] = []
  const statuses: HealthStatus[] = []
  const sink: AlertSink = {
    alert: (alert) => alerts.push(alert),
    status: (status) => statuses.push(status),
  }
  ctx.checks.setAlertSink(sink)

  const call = async <K extends Channel>(channel: K, input: InputOf<K>): Promise<OutputOf<K>> => {
    const envelope = await dispatch(ctx, channel, input)
    if (!envelope.ok)
      throw new Error(`${channel}: ${envelope.error.code} ${envelope.error.message}`)
    return envelope.value as OutputOf<K>
  }
  let providers = 0
  const fixture: ChecksFixture = {
    ...test,
    call,
    async refusal(channel, input) {
      const envelope = await dispatch(ctx, channel, input)
      if (envelope.ok) throw new Error(`${channel} accepted ${JSON.stringify(input)}`)
      return envelope.error
    },
    async settings(patch) {
      await call('settings:set', patch)
    },
    async provider() {
      providers += 1
      return (
        await call('providers:create', {
          name: `Provider ${providers}`,
          monthlyCostPerProxyCents: 300,
        })
      ).id
    },
    events: <E extends EventChannel>(event: E) =>
      seen
        .filter((entry) => entry.event === event)
        .map((entry) => entry.payload as EventPayload<E>),
    finished: (runId) =>
      new Promise((resolve) => {
        const already = done.get(runId)
        if (already) resolve(already)
        else waiting.set(runId, resolve)
      }),
    alerts,
    statuses,
    proxyRow: (id) =>
      ctx.sqlite
        .prepare(
          `SELECT status, consecutive_failures, last_tested_at, last_success_at, last_error_code,
                  last_error_message, response_time_ms, exit_ip, country FROM proxies WHERE id = ?`,
        )
        .get(id) as ProxyHealthRow,
    checkRows: (id) => call('proxies:checks', { id, limit: 10_000 }),
  }
  // No public header-echo judge: tests send traffic to loopback only (a test that wants one sets
  // a loopback judge).
  await fixture.settings({ judges, checkTimeoutMs: 5_000, anonymityJudge: null })
  return fixture
}
