import type { RotateResult } from '../../../../shared/contracts/checks'
import { checkResultLabel } from './check-labels'

/** "Exit IP 203.0.113.7 → 198.51.100.4." or why the check after it failed or did not run. */
export function rotationOutcome(result: RotateResult): string {
  const before = result.previousExitIp ?? 'unknown'
  if (!result.recheck) {
    return `The provider accepted the rotation; the proxy was not checked again (${result.recheckSkipped ?? 'no check ran'}).`
  }
  if (!result.recheck.ok) {
    return `The provider accepted the rotation, but the check after it failed: ${checkResultLabel(false, result.recheck.errorCode)}.`
  }
  const after = result.recheck.exitIp ?? 'unknown'
  return after === before
    ? `Exit IP still ${after}: the provider may need a moment before the new one is live.`
    : `Exit IP ${before} → ${after}.`
}
