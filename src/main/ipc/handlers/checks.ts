import { listProxyChecks } from '../../checks/check-recorder'
import type { HandlerMap } from '../handler'

export const checkHandlers: HandlerMap<
  | 'proxies:test'
  | 'proxies:testCancel'
  | 'proxies:checks'
  | 'proxies:rotate'
  | 'checks:status'
  | 'monitor:runNow'
> = {
  'proxies:test': (ctx, selection) => ctx.checks.test(selection),
  'proxies:testCancel': (ctx, { runId }) => ({ cancelled: ctx.checks.cancel(runId) }),
  'proxies:checks': (ctx, { id, limit }) => listProxyChecks(ctx, id, limit),
  'proxies:rotate': (ctx, { id }) => ctx.checks.rotate(id),
  'checks:status': (ctx) => ctx.checks.status(),
  'monitor:runNow': (ctx) => ctx.checks.monitor.runNow(),
}
