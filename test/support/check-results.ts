import type { CheckResultDto } from '../../src/shared/contracts/checks'

/** A recorded check result that moved proxy `proxyId` into `error` (failed) or out of it. */
export function transitionResult(
  proxyId: number,
  transition: CheckResultDto['transition'],
): CheckResultDto {
  return {
    proxyId,
    label: `10.0.0.${proxyId}:8080`,
    protocol: 'http',
    remoteDns: false,
    username: null,
    providerName: 'Acme',
    ok: transition === 'recovered',
    errorCode: transition === 'failed' ? 'timeout' : null,
    errorMessage: transition === 'failed' ? 'no answer within 10000 ms' : null,
    connectMs: null,
    totalMs: 10,
    exitIp: null,
    country: null,
    city: null,
    region: null,
    timezone: null,
    asn: null,
    org: null,
    anonymity: null,
    reachability: null,
    judge: null,
    checkedAt: 1,
    status: transition === 'failed' ? 'error' : 'active',
    consecutiveFailures: transition === 'failed' ? 2 : 0,
    transition,
    exitIpChanged: false,
  }
}
