import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { freePort } from '../../../test/fixtures'
import { createTestContext, type TestContext } from '../../../test/support/context'
import type { CheckProgress } from '../../shared/contracts/checks'
import type { DataChanged } from '../../shared/data-changes'
import { dispatch } from './dispatch'

let test: TestContext
let changes: DataChanged[]
let stop: () => void

beforeEach(async () => {
  test = await createTestContext()
  changes = []
  stop = test.ctx.events.subscribe((event, payload) => {
    if (event === 'data:changed') changes.push(payload as DataChanged)
  })
})

afterEach(async () => {
  stop()
  await test.dispose()
})

describe('data:changed', () => {
  it('a successful write announces what it changed; reads and refused calls announce nothing', async () => {
    const created = await dispatch(test.ctx, 'providers:create', {
      name: 'Announced',
      monthlyCostPerProxyCents: 0,
    })
    expect(created.ok).toBe(true)
    expect(changes).toEqual([{ kinds: ['providers'] }])

    await dispatch(test.ctx, 'providers:list', {})
    await dispatch(test.ctx, 'providers:create', { name: '' })
    const missing = await dispatch(test.ctx, 'proxies:create', {
      providerId: 999,
      protocol: 'http',
      host: '192.0.2.1',
      port: 8080,
    })
    expect(missing.ok).toBe(false)
    expect(changes).toHaveLength(1)
  })

  it('a check run announces the proxies and checks it recorded', async () => {
    const provider = await dispatch(test.ctx, 'providers:create', {
      name: 'Checked',
      monthlyCostPerProxyCents: 0,
    })
    if (!provider.ok) throw new Error('provider not created')
    const proxy = await dispatch(test.ctx, 'proxies:create', {
      providerId: (provider.value as { id: number }).id,
      protocol: 'http',
      host: '127.0.0.1',
      port: await freePort(),
    })
    if (!proxy.ok) throw new Error('proxy not created')
    changes = []
    const finished = new Promise<CheckProgress>((resolve) => {
      const off = test.ctx.events.subscribe((event, payload) => {
        if (event === 'checks:progress' && (payload as CheckProgress).finished) {
          off()
          resolve(payload as CheckProgress)
        }
      })
    })
    await test.ctx.checks.test({ ids: [(proxy.value as { id: number }).id] })
    expect(await finished).toMatchObject({ failed: 1 })
    expect(changes).toContainEqual({ kinds: ['proxies', 'checks'] })
  })
})
