import { describe, expect, it } from 'vitest'
import type { ProxyCheckDto, RotateResult } from '../../../../shared/contracts/checks'
import { rotationOutcome } from './rotation-text'

const check = (fields: Partial<ProxyCheckDto>): ProxyCheckDto => ({
  id: 1,
  proxyId: 1,
  checkedAt: 0,
  ok: true,
  errorCode: null,
  errorMessage: null,
  connectMs: 10,
  totalMs: 20,
  exitIp: '198.51.100.4',
  country: null,
  city: null,
  judge: null,
  region: null,
  timezone: null,
  asn: null,
  org: null,
  anonymity: null,
  reachability: null,
  ...fields,
})

const rotated = (fields: Partial<RotateResult>): RotateResult => ({
  ok: true,
  status: 200,
  accounts: 0,
  message: null,
  previousExitIp: '203.0.113.7',
  recheck: check({}),
  recheckSkipped: null,
  ...fields,
})

describe('rotationOutcome', () => {
  it('shows the old and the new exit IP', () => {
    expect(rotationOutcome(rotated({}))).toBe('Exit IP 203.0.113.7 → 198.51.100.4.')
    expect(rotationOutcome(rotated({ previousExitIp: null }))).toBe(
      'Exit IP unknown → 198.51.100.4.',
    )
  })

  it('says when the exit did not change yet, the check failed, or none ran', () => {
    expect(rotationOutcome(rotated({ recheck: check({ exitIp: '203.0.113.7' }) }))).toContain(
      'still 203.0.113.7',
    )
    expect(
      rotationOutcome(
        rotated({ recheck: check({ ok: false, errorCode: 'timeout', exitIp: null }) }),
      ),
    ).toContain('the check after it failed: Timed out')
    expect(
      rotationOutcome(rotated({ recheck: null, recheckSkipped: 'another run is going' })),
    ).toContain('not checked again (another run is going)')
  })
})
