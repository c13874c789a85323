import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { channels, type Channel } from '../../../shared/channels'
import { assignAccount } from '../../services/assignment/moves'
import { createFixture, type Fixture } from '../../../../test/support/fixture'
import { dispatch } from '../dispatch'

/*
 * Beyond the generic malformed-input test (contracts.test.ts): domain-specific bad input for each
 * contract — wrong field types, negative money, a bad email, ids that do not exist — must come
 * back as a typed error and leave the database byte-for-byte unchanged.
 */

let f: Fixture
let known: { provider: number; model: number; proxy: number; account: number }

beforeAll(async () => {
  f = await createFixture()
  const provider = f.provider()
  const model = f.model()
  const proxy = f.proxy(provider)
  const account = f.account(model)
  assignAccount(f.ctx, account, proxy, { reason: 'manual', actor: 'operator' })
  known = { provider, model, proxy, account }
})

afterAll(async () => {
  await f.dispose()
})

const U = 987_654 // an id nothing has
const proxyBase = { protocol: 'http', host: '192.0.2.1', port: 80 }

const cases: [Channel, () => unknown, 'VALIDATION' | 'NOT_FOUND'][] = [
  ['providers:create', () => ({ name: 'X', monthlyCostPerProxyCents: -100 }), 'VALIDATION'],
  ['providers:create', () => ({ name: 'X', monthlyCostPerProxyCents: 1.5 }), 'VALIDATION'],
  ['providers:create', () => ({ name: 'X', monthlyCostPerProxyCents: '100' }), 'VALIDATION'],
  [
    'providers:create',
    () => ({ name: 'X', monthlyCostPerProxyCents: 1, contactEmail: 'nope@' }),
    'VALIDATION',
  ],
  ['providers:create', () => ({ name: '   ', monthlyCostPerProxyCents: 1 }), 'VALIDATION'],
  [
    'providers:create',
    () => ({ name: 'X', monthlyCostPerProxyCents: 1, website: 'ftp://x' }),
    'VALIDATION',
  ],
  ['providers:update', () => ({ id: U, name: 'Y' }), 'NOT_FOUND'],
  ['providers:update', () => ({ id: known.provider, monthlyCostPerProxyCents: -1 }), 'VALIDATION'],
  ['providers:update', () => ({ id: known.provider, contactEmail: 'bad email' }), 'VALIDATION'],
  ['providers:update', () => ({ id: -1, name: 'Y' }), 'VALIDATION'],
  ['providers:remove', () => ({ id: U }), 'NOT_FOUND'],
  ['providers:remove', () => ({ id: known.provider, withProxies: 'yes' }), 'VALIDATION'],
  ['providers:proxies', () => ({ id: U }), 'NOT_FOUND'],
  ['providers:list', () => ({ status: 'gone' }), 'VALIDATION'],
  ['proxies:create', () => ({ ...proxyBase, providerId: U }), 'NOT_FOUND'],
  [
    'proxies:create',
    () => ({ ...proxyBase, providerId: known.provider, port: 70_000 }),
    'VALIDATION',
  ],
  [
    'proxies:create',
    () => ({ ...proxyBase, providerId: known.provider, host: '[::1]' }),
    'VALIDATION',
  ],
  [
    'proxies:create',
    () => ({ ...proxyBase, providerId: known.provider, protocol: 'ftp' }),
    'VALIDATION',
  ],
  [
    'proxies:create',
    () => ({ ...proxyBase, providerId: known.provider, monthlyCostOverrideCents: -5 }),
    'VALIDATION',
  ],
  [
    'proxies:create',
    () => ({ ...proxyBase, providerId: known.provider, maxAccounts: 0 }),
    'VALIDATION',
  ],
  [
    'proxies:create',
    () => ({ ...proxyBase, providerId: known.provider, country: 'USA' }),
    'VALIDATION',
  ],
  ['proxies:update', () => ({ id: U, notes: 'x' }), 'NOT_FOUND'],
  ['proxies:update', () => ({ id: known.proxy, providerId: U }), 'NOT_FOUND'],
  ['proxies:update', () => ({ id: known.proxy, port: '80' }), 'VALIDATION'],
  ['proxies:update', () => ({ id: known.proxy }), 'VALIDATION'],
  ['proxies:get', () => ({ id: U }), 'NOT_FOUND'],
  ['proxies:get', () => ({ id: 1.5 }), 'VALIDATION'],
  ['proxies:remove', () => ({ ids: [known.proxy, U] }), 'NOT_FOUND'],
  ['proxies:remove', () => ({ ids: [] }), 'VALIDATION'],
  ['proxies:setStatus', () => ({ ids: [known.proxy], status: 'dead' }), 'VALIDATION'],
  ['proxies:setStatus', () => ({ ids: [U], status: 'inactive' }), 'NOT_FOUND'],
  ['proxies:revealPassword', () => ({ id: U }), 'NOT_FOUND'],
  ['proxies:connectionString', () => ({ id: known.proxy, format: 'curl' }), 'VALIDATION'],
  ['proxies:connectionString', () => ({ id: U, format: 'user:pass@host:port' }), 'NOT_FOUND'],
  ['proxies:test', () => ({ ids: [U] }), 'NOT_FOUND'],
  ['proxies:test', () => ({ failed: false }), 'VALIDATION'],
  ['proxies:testCancel', () => ({ runId: 'run-1' }), 'VALIDATION'],
  ['proxies:checks', () => ({ id: U }), 'NOT_FOUND'],
  ['proxies:rotate', () => ({ id: U }), 'NOT_FOUND'],
  ['proxies:detectProtocol', () => ({ id: U }), 'NOT_FOUND'],
  ['proxies:detectProtocol', () => ({ id: 0 }), 'VALIDATION'],
  ['proxies:detectProtocol', () => ({ id: known.proxy, apply: 'yes' }), 'VALIDATION'],
  ['proxies:list', () => ({ page: 0 }), 'VALIDATION'],
  ['proxies:list', () => ({ status: [] }), 'VALIDATION'],
  ['proxies:list', () => ({ lastCheck: 'maybe' }), 'VALIDATION'],
  ['models:list', () => ({ status: 'paused' }), 'VALIDATION'],
  ['models:create', () => ({ name: '' }), 'VALIDATION'],
  ['models:create', () => ({ name: 'M', status: 'paused' }), 'VALIDATION'],
  ['models:update', () => ({ id: U, name: 'M' }), 'NOT_FOUND'],
  ['models:get', () => ({ id: U }), 'NOT_FOUND'],
  ['models:remove', () => ({ id: U }), 'NOT_FOUND'],
  ['accounts:create', () => ({ modelId: U, platform: 'reddit', username: 'a' }), 'NOT_FOUND'],
  [
    'accounts:create',
    () => ({ modelId: known.model, platform: 'myspace', username: 'a' }),
    'VALIDATION',
  ],
  [
    'accounts:create',
    () => ({ modelId: known.model, platform: 'reddit', username: 42 }),
    'VALIDATION',
  ],
  ['accounts:update', () => ({ id: U, notes: 'x' }), 'NOT_FOUND'],
  ['accounts:update', () => ({ id: known.account, modelId: U }), 'NOT_FOUND'],
  ['accounts:update', () => ({ id: known.account, status: 'banned' }), 'VALIDATION'],
  ['accounts:get', () => ({ id: U }), 'NOT_FOUND'],
  ['accounts:setStatus', () => ({ ids: [known.account, U], status: 'invalid' }), 'NOT_FOUND'],
  ['accounts:remove', () => ({ ids: [known.account, U] }), 'NOT_FOUND'],
  ['accounts:list', () => ({ assigned: 'yes' }), 'VALIDATION'],
  ['accounts:bulkPreview', () => ({ modelId: U, text: 'reddit,a' }), 'NOT_FOUND'],
  ['accounts:bulkCreate', () => ({ modelId: U, text: 'reddit,a' }), 'NOT_FOUND'],
  ['accounts:bulkCreate', () => ({ modelId: known.model, text: '' }), 'VALIDATION'],
  [
    'accounts:setStatus',
    () => ({ ids: [known.account], status: 'invalid', invalidReason: 'other' }),
    'VALIDATION',
  ],
  ['assignments:auto', () => ({ modelId: 'all' }), 'VALIDATION'],
  ['assignments:assign', () => ({ accountId: U, proxyId: known.proxy }), 'NOT_FOUND'],
  ['assignments:assign', () => ({ accountId: known.account, proxyId: U }), 'NOT_FOUND'],
  ['assignments:assign', () => ({ accountId: known.account }), 'VALIDATION'],
  ['assignments:release', () => ({ accountIds: [known.account, U] }), 'NOT_FOUND'],
  ['assignments:reassign', () => ({ accountId: U, toProxyId: 'auto' }), 'NOT_FOUND'],
  ['assignments:reassign', () => ({ accountId: known.account, toProxyId: U }), 'NOT_FOUND'],
  ['assignments:reassign', () => ({ accountId: known.account, toProxyId: 'first' }), 'VALIDATION'],
  ['assignments:available', () => ({ modelId: U }), 'NOT_FOUND'],
  ['assignments:available', () => ({ modelId: known.model, limit: 0 }), 'VALIDATION'],
  ['assignments:collisions', () => ({ modelId: known.model }), 'VALIDATION'],
  [
    'assignments:assign',
    () => ({ accountId: known.account, proxyId: known.proxy, force: 'yes' }),
    'VALIDATION',
  ],
  ['assignments:list', () => ({ sortBy: 'password' }), 'VALIDATION'],
  ['history:list', () => ({ from: 10, to: 5 }), 'VALIDATION'],
  ['history:list', () => ({ action: 'deleted' }), 'VALIDATION'],
  ['history:list', () => ({ from: -1 }), 'VALIDATION'],
  ['analytics:summary', () => ({ range: 'month' }), 'VALIDATION'],
  ['analytics:trends', () => ({ timeZone: 'Nowhere/Else' }), 'VALIDATION'],
]

describe('domain contracts refuse bad input with a typed error and write nothing', () => {
  it.each(cases.map(([channel, input, code], i) => [i, channel, input, code] as const))(
    '#%i %s',
    async (_i, channel, input, code) => {
      const before = f.ctx.sqlite.serialize()
      const envelope = await dispatch(f.ctx, channel, input())
      expect(envelope).toMatchObject({ ok: false, error: { code } })
      expect(f.ctx.sqlite.serialize().equals(before)).toBe(true)
    },
  )

  it('covers every domain channel', () => {
    const covered = new Set(cases.map(([channel]) => channel))
    const domain = [
      'providers',
      'proxies',
      'models',
      'accounts',
      'assignments',
      'history',
      'analytics',
    ]
    const missing = channels.filter((c) => domain.includes(c.split(':')[0]!) && !covered.has(c))
    expect(missing).toEqual([])
  })
})
