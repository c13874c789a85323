// Recorded exits for the isolation guard's tests: a successful check stored the way a real run
// stores it (check-recorder), so proxy_exits is filled by the code that fills it in the app.
import { recordChecks } from '../../src/main/checks/check-recorder'
import type { CheckResult } from '../../src/main/checks/types'
import type { Fixture } from './fixture'

/** A successful check of `proxyId` that left from `ip`, recorded as a real run records it. */
export function recordExit(f: Pick<Fixture, 'ctx' | 'clock'>, proxyId: number, ip: string): void {
  const result: CheckResult = {
    ok: true,
    errorCode: 'ok',
    errorMessage: null,
    connectMs: 1,
    ttfbMs: 2,
    totalMs: 3,
    exitIp: ip,
    country: null,
    region: null,
    city: null,
    timezone: null,
    asn: null,
    org: null,
    anonymity: null,
    reachability: null,
    judge: 'http://judge.test/',
    attempts: [],
  }
  recordChecks(f.ctx, [{ proxyId, label: `#${proxyId}`, result, checkedAt: f.clock.now() }], {
    retention: 50,
    failureThreshold: 2,
  })
}
