import { describe, expect, it } from 'vitest'
import { buildAlert, describeHealth, netTransitions } from './health'
import { transitionResult } from '../../../test/support/check-results'

const base = {
  runId: 'r',
  origin: 'monitor' as const,
  at: 5,
  failover: { enabled: false, moved: [], stranded: [] },
  leftFailing: { moved: [], stranded: [] },
  accountsLeft: 0,
}

describe('netTransitions', () => {
  it('keeps one transition per proxy and drops a round trip within one run', () => {
    const { failed, recovered } = netTransitions([
      transitionResult(3, 'failed'),
      transitionResult(1, 'failed'),
      transitionResult(2, 'failed'),
      transitionResult(2, 'recovered'),
      transitionResult(4, 'recovered'),
    ])
    expect(failed.map((r) => r.proxyId)).toEqual([1, 3])
    expect(recovered.map((r) => r.proxyId)).toEqual([4])
  })
})

describe('buildAlert', () => {
  it('sends nothing when no proxy changed state', () => {
    expect(buildAlert({ ...base, failed: [], recovered: [] })).toBeNull()
  })

  it('names the first five endpoints and counts the rest', () => {
    const failed = [1, 2, 3, 4, 5, 6, 7].map((id) => transitionResult(id, 'failed'))
    const alert = buildAlert({ ...base, failed, recovered: [transitionResult(9, 'recovered')] })
    expect(alert).toMatchObject({ title: '7 proxies failing', level: 'error' })
    expect(alert?.message).toBe(
      '7 proxies failing: 10.0.0.1:8080, 10.0.0.2:8080, 10.0.0.3:8080, 10.0.0.4:8080, ' +
        '10.0.0.5:8080 and 2 more. 1 proxy recovered: 10.0.0.9:8080.',
    )
    expect(alert?.failing).toHaveLength(7)
  })

  it('tells what failover did, or that it is off', () => {
    const failed = [transitionResult(1, 'failed')]
    const moved = [{ accountId: 1, username: 'a', fromProxyId: 1, toProxyId: 2 }]
    const stranded = [{ accountId: 2, username: 'b', proxyId: 1, reason: 'no capacity' }]
    expect(
      buildAlert({ ...base, failed, recovered: [], failover: { enabled: true, moved, stranded } })
        ?.message,
    ).toBe(
      '1 proxy failing: 10.0.0.1:8080. 1 account was moved to other proxies. 1 account could not ' +
        'be moved (no other proxy can take it) and stays on the failing proxy.',
    )
    expect(buildAlert({ ...base, failed, recovered: [], accountsLeft: 2 })?.message).toBe(
      '1 proxy failing: 10.0.0.1:8080. 2 accounts are on the failing proxy (failover is off).',
    )
  })
})

describe('buildAlert after a crash', () => {
  const moved = [1, 2, 3].map((id) => ({
    accountId: id,
    username: `a${id}`,
    fromProxyId: 7,
    toProxyId: 8,
  }))
  const stranded = [{ accountId: 4, username: 'b', proxyId: 7, reason: 'no capacity' }]

  it('says how many accounts moved off proxies left failing', () => {
    const alert = buildAlert({
      ...base,
      failed: [],
      recovered: [],
      failover: { enabled: true, moved: [], stranded: [] },
      leftFailing: { moved, stranded },
    })
    expect(alert).toMatchObject({
      title: '3 accounts moved off failing proxies',
      level: 'error',
      failing: [],
      failover: { enabled: true, moved, stranded },
    })
    expect(alert?.message).toBe(
      '3 accounts moved off proxies left failing. 1 account could not be moved (no other proxy ' +
        'can take it) and stays on the failing proxy.',
    )
  })

  it('is quiet when accounts left on failing proxies still cannot move', () => {
    const leftFailing = { moved: [], stranded }
    expect(buildAlert({ ...base, failed: [], recovered: [], leftFailing })).toBeNull()
  })
})

describe('describeHealth', () => {
  it('words the tray line for each level', () => {
    expect(describeHealth({ failing: 0, total: 0, level: 'ok' })).toBe('No proxies monitored')
    expect(describeHealth({ failing: 0, total: 1, level: 'ok' })).toBe('All 1 proxy healthy')
    expect(describeHealth({ failing: 3, total: 40, level: 'warning' })).toBe(
      '3 of 40 proxies failing',
    )
  })
})
