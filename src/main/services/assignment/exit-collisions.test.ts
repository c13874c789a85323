import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { recordExit } from '../../../../test/support/exits'
import { createFixture, thrown, type Fixture } from '../../../../test/support/fixture'
import { listProxies } from '../proxies'
import { getProxyDto } from '../proxies/proxy-rows'
import { writeSettings } from '../settings'
import { autoAssign } from './auto-assign'
import { detectNewCollisions, listExitCollisions } from './exit-collisions'
import { assignAccount, reassignAccount } from './moves'

const DAY = 86_400_000
const by = { reason: 'manual', actor: 'operator' } as const

let f: Fixture
let provider: number
let modelA: number
let modelB: number

beforeEach(async () => {
  f = await createFixture()
  provider = f.provider()
  modelA = f.model('Anna')
  modelB = f.model('Bella')
})
afterEach(() => f.dispose())

/** Proxy `p` serving model A (one account on it), `q` free, both leaving from `ip` / `ipQ`. */
function twoProxies(ipP: string, ipQ: string) {
  const p = f.proxy(provider, { maxAccounts: 3 })
  const q = f.proxy(provider, { maxAccounts: 3 })
  assignAccount(f.ctx, f.account(modelA), p, by)
  recordExit(f, p, ipP)
  recordExit(f, q, ipQ)
  return { p, q }
}

describe('manual assign and the exit guard', () => {
  it('refuses an account of another model on a proxy sharing an exit, naming both proxies and the address', () => {
    const { p, q } = twoProxies('203.0.113.9', '203.0.113.9')
    const account = f.account(modelB)
    const error = thrown(() => assignAccount(f.ctx, account, q, by))
    expect(error.code).toBe('RULE_VIOLATION')
    expect(error.details).toMatchObject({
      rule: 'exit_collision',
      proxyId: q,
      otherProxyId: p,
      otherModelId: modelA,
      address: '203.0.113.9',
    })
    expect(error.message).toContain(`proxy #${q}`)
    expect(error.message).toContain(`proxy #${p}`)
    expect(error.message).toContain('203.0.113.9')
    expect(error.message).toContain('model "Bella"')
    expect(f.count('SELECT count(*) FROM accounts WHERE proxy_id = ?', q)).toBe(0)
    // The same model may share its own exits.
    assignAccount(f.ctx, f.account(modelA), q, by)
  })

  it('force assigns, writes history as the operator with the collision in words, and accepts it', () => {
    const { p, q } = twoProxies('203.0.113.9', '203.0.113.9')
    const account = f.account(modelB)
    assignAccount(f.ctx, account, q, by, { force: true })
    const [row] = f.rows<{ assigned_by: string; reason: string; detail: string }>(
      `SELECT assigned_by, reason, detail FROM proxy_assignment_history
        WHERE account_id = ? AND action = 'assigned'`,
      account,
    )
    expect(row?.assigned_by).toBe('operator')
    expect(row?.detail).toMatch(/^Forced past an exit collision: /)
    expect(row?.detail).toContain(`proxy #${p}`)
    expect(row?.detail).toContain('203.0.113.9')
    const open = listExitCollisions(f.ctx)
    expect(open).toHaveLength(1)
    expect(open[0]).toMatchObject({ proxyId: p, otherProxyId: q, forced: true })
    // Accepted by the operator: the next check run does not raise it again.
    expect(detectNewCollisions(f.ctx)).toEqual([])
  })

  it('refuses a reassign to a colliding proxy unless forced', () => {
    const { q } = twoProxies('203.0.113.9', '203.0.113.9')
    const r = f.proxy(provider)
    const account = f.account(modelB)
    assignAccount(f.ctx, account, r, by)
    expect(thrown(() => reassignAccount(f.ctx, account, q, by)).details).toMatchObject({
      rule: 'exit_collision',
    })
    expect(reassignAccount(f.ctx, account, q, by, { force: true })).toBe(q)
  })

  it('counts loopback and private exits, which get no geo', () => {
    for (const ip of ['127.0.0.5', '10.1.2.3', '192.168.7.7', '::1']) {
      const { q } = twoProxies(ip, ip)
      expect(thrown(() => assignAccount(f.ctx, f.account(modelB), q, by)).details).toMatchObject({
        rule: 'exit_collision',
        address: ip,
      })
    }
  })

  it('exact mode ignores a neighbour in the same /24; subnet mode refuses it, naming the network', () => {
    const { q } = twoProxies('203.0.113.9', '203.0.113.200')
    const account = f.account(modelB)
    writeSettings(f.ctx.sqlite, { exitMatch: 'net' })
    const error = thrown(() => assignAccount(f.ctx, account, q, by))
    expect(error.details).toMatchObject({ rule: 'exit_collision', address: '203.0.113.0/24' })
    expect(error.message).toContain('the network 203.0.113.0/24')
    writeSettings(f.ctx.sqlite, { exitMatch: 'ip' })
    assignAccount(f.ctx, account, q, by)
  })

  it('subnet mode compares IPv6 exits by /48', () => {
    const { q } = twoProxies('2001:db8:5:1::9', '2001:db8:5:ffff::1')
    writeSettings(f.ctx.sqlite, { exitMatch: 'net' })
    expect(thrown(() => assignAccount(f.ctx, f.account(modelB), q, by)).details).toMatchObject({
      address: '2001:db8:5::/48',
    })
  })

  it('forgets an exit once it falls out of the window (manual clock)', () => {
    const { q } = twoProxies('203.0.113.9', '203.0.113.9')
    writeSettings(f.ctx.sqlite, { exitWindowDays: 2 })
    f.clock.advance(2 * DAY)
    // Exactly at the window's edge it still counts...
    expect(thrown(() => assignAccount(f.ctx, f.account(modelB), q, by)).details).toMatchObject({
      rule: 'exit_collision',
    })
    f.clock.advance(1)
    // ...and a millisecond later it does not.
    assignAccount(f.ctx, f.account(modelB), q, by)
    // After the next run's trim the old rows are gone.
    detectNewCollisions(f.ctx)
    expect(f.count('SELECT count(*) FROM proxy_exits')).toBe(0)
  })
})

describe('auto-assign and the exit guard', () => {
  it('skips a colliding proxy for the next available one', () => {
    const { p, q } = twoProxies('198.18.0.1', '198.18.0.1')
    const r = f.proxy(provider)
    const account = f.account(modelB)
    const result = autoAssign(f.ctx)
    expect(result.assigned).toEqual([{ accountId: account, proxyId: r, modelId: modelB }])
    expect(p).toBeLessThan(q)
  })

  it('leaves the account unassigned with exit_collision, naming the other proxy, when nothing else is left', () => {
    const { p, q } = twoProxies('198.18.0.1', '198.18.0.1')
    const account = f.account(modelB)
    const result = autoAssign(f.ctx)
    expect(result.assigned).toEqual([])
    expect(result.unassigned).toEqual([
      {
        accountId: account,
        modelId: modelB,
        reason: 'exit_collision',
        collision: { proxyId: q, otherProxyId: p, otherModelId: modelA, address: '198.18.0.1' },
      },
    ])
  })

  it('a held no-model proxy still serves the model it does not collide with', () => {
    const { p, q } = twoProxies('198.18.0.1', '198.18.0.1')
    const b = f.account(modelB)
    const a = f.account(modelA)
    const result = autoAssign(f.ctx)
    // B cannot take q; A's next account goes to p (its own, lowest), q stays free for A later.
    expect(result.assigned).toEqual([{ accountId: a, proxyId: p, modelId: modelA }])
    expect(result.unassigned.map((u) => [u.accountId, u.reason])).toEqual([[b, 'exit_collision']])
    expect(q).toBeGreaterThan(p)
  })

  it('does not create a collision through two no-model proxies taken in the same plan', () => {
    const q1 = f.proxy(provider, { maxAccounts: 1 })
    const q2 = f.proxy(provider, { maxAccounts: 1 })
    const r = f.proxy(provider, { maxAccounts: 1 })
    recordExit(f, q1, '198.18.0.7')
    recordExit(f, q2, '198.18.0.7')
    const a = f.account(modelA)
    const b = f.account(modelB)
    const result = autoAssign(f.ctx)
    expect(result.assigned).toEqual([
      { accountId: a, proxyId: q1, modelId: modelA },
      { accountId: b, proxyId: r, modelId: modelB },
    ])
    expect(listExitCollisions(f.ctx)).toEqual([])
  })

  it('reassign to auto (and so failover) skips colliding proxies', () => {
    const { q } = twoProxies('198.18.0.1', '198.18.0.1')
    const from = f.proxy(provider)
    const account = f.account(modelB)
    assignAccount(f.ctx, account, from, by)
    const error = thrown(() =>
      reassignAccount(f.ctx, account, 'auto', { reason: 'proxy_failed', actor: 'system' }),
    )
    expect(error.details).toMatchObject({ rule: 'exit_collision', proxyId: q })
    const r = f.proxy(provider)
    expect(
      reassignAccount(f.ctx, account, 'auto', { reason: 'proxy_failed', actor: 'system' }),
    ).toBe(r)
  })
})

describe('detection and marking', () => {
  it('raises a collision once, marks both proxies and filters them; raises it again when it comes back', () => {
    const p = f.proxy(provider)
    const q = f.proxy(provider)
    const other = f.proxy(provider)
    assignAccount(f.ctx, f.account(modelA, { username: 'anna_1' }), p, by)
    assignAccount(f.ctx, f.account(modelB, { username: 'bella_1' }), q, by)
    recordExit(f, p, '192.0.2.10')
    recordExit(f, other, '192.0.2.10')
    expect(detectNewCollisions(f.ctx)).toEqual([])
    // A later check shows q leaving from p's address: the two models are now linked.
    recordExit(f, q, '192.0.2.10')
    const fresh = detectNewCollisions(f.ctx)
    expect(fresh).toHaveLength(1)
    expect(fresh[0]).toMatchObject({
      proxyId: p,
      otherProxyId: q,
      modelName: 'Anna',
      otherModelName: 'Bella',
      address: '192.0.2.10',
      accountCount: 2,
      forced: false,
    })
    expect(fresh[0]?.accounts.map((a) => a.username)).toEqual(['anna_1', 'bella_1'])
    expect(detectNewCollisions(f.ctx)).toEqual([])

    expect(getProxyDto(f.ctx, p).exitCollisions).toBe(1)
    expect(getProxyDto(f.ctx, q).exitCollisions).toBe(1)
    expect(getProxyDto(f.ctx, other).exitCollisions).toBe(0)
    const listed = listProxies(f.ctx, {
      collision: true,
      page: 1,
      pageSize: 50,
      sortBy: 'id',
      sortDir: 'asc',
    })
    expect(listed.items.map((dto) => [dto.id, dto.exitCollisions])).toEqual([
      [p, 1],
      [q, 1],
    ])
    expect(listed.total).toBe(2)
    const rest = listProxies(f.ctx, {
      collision: false,
      page: 1,
      pageSize: 50,
      sortBy: 'id',
      sortDir: 'asc',
    })
    expect(rest.items.map((dto) => dto.id)).toEqual([other])

    // Out of the window it is resolved (and forgotten); seen again, it is news again.
    f.clock.advance(8 * DAY)
    expect(detectNewCollisions(f.ctx)).toEqual([])
    expect(f.count('SELECT count(*) FROM exit_collisions')).toBe(0)
    recordExit(f, p, '192.0.2.10')
    recordExit(f, q, '192.0.2.10')
    expect(detectNewCollisions(f.ctx)).toHaveLength(1)
  })
})
