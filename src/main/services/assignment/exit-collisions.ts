import type { ExitCollisionDto } from '../../../shared/contracts/assignments'
import { endpointLabel, inTransaction, stmt, type ServiceContext } from '../service-context'
import { readSettings } from '../settings'

/*
 * The isolation guard's queries. An exit collision is two proxies serving different models whose
 * recent exits (`proxy_exits` rows seen within the window) share an address: the exact IP, or the
 * IPv4 /24 / IPv6 /48 (`net`) in subnet mode. Loopback and private exits count like any other.
 * Every query starts from one proxy's exits (the primary key's prefix) or the whole table, and
 * finds the other proxies through `proxy_exits_ip_idx` / `proxy_exits_net_idx` (address, last seen).
 */

const DAY = 86_400_000

/** Which column two exits are compared on, and the oldest `last_seen_at` that still counts. */
export interface ExitGuard {
  column: 'ip' | 'net'
  since: number
  windowDays: number
}

export function exitGuard(ctx: Pick<ServiceContext, 'sqlite' | 'clock'>): ExitGuard {
  const settings = readSettings(ctx.sqlite)
  return {
    column: settings.exitMatch,
    since: ctx.clock.now() - settings.exitWindowDays * DAY,
    windowDays: settings.exitWindowDays,
  }
}

/** A proxy of another model that shares a recent exit with `proxyId`. */
export interface CollidingProxy {
  proxyId: number
  otherProxyId: number
  otherModelId: number
  /** The shared exit IP (or /24, /48 in subnet mode). */
  address: string
}

/**
 * Proxies serving a model other than `modelId` that share a recent exit with `proxyId`, lowest id
 * first (one row per proxy, its lowest shared address). `modelId` is the model the proxy serves or
 * is about to serve; proxies serving no model collide with nothing yet.
 */
export function collidingProxies(
  ctx: Pick<ServiceContext, 'sqlite'>,
  guard: ExitGuard,
  proxyId: number,
  modelId: number,
  limit = 100,
): CollidingProxy[] {
  const col = guard.column
  return stmt(
    ctx.sqlite,
    `SELECT e.proxy_id AS proxyId, o.proxy_id AS otherProxyId, q.assigned_model_id AS otherModelId,
            min(e.${col}) AS address
       FROM proxy_exits e
       JOIN proxy_exits o ON o.${col} = e.${col} AND o.last_seen_at >= ? AND o.proxy_id <> e.proxy_id
       JOIN proxies q ON q.id = o.proxy_id
      WHERE e.proxy_id = ? AND e.last_seen_at >= ?
        AND q.assigned_model_id IS NOT NULL AND q.assigned_model_id <> ?
      GROUP BY o.proxy_id ORDER BY o.proxy_id LIMIT ?`,
  ).all(guard.since, proxyId, guard.since, modelId, limit) as CollidingProxy[]
}

/** The first proxy of another model `proxyId` collides with, or null. */
export function firstCollision(
  ctx: Pick<ServiceContext, 'sqlite'>,
  guard: ExitGuard,
  proxyId: number,
  modelId: number,
): CollidingProxy | null {
  return collidingProxies(ctx, guard, proxyId, modelId, 1)[0] ?? null
}

/** Per proxy id given: how many proxies of another model collide with it now (absent: none). */
export function collisionCounts(
  ctx: Pick<ServiceContext, 'sqlite'>,
  guard: ExitGuard,
  proxyIds: readonly number[],
): Map<number, number> {
  if (proxyIds.length === 0) return new Map()
  const col = guard.column
  const rows = stmt(
    ctx.sqlite,
    `SELECT e.proxy_id AS id, count(DISTINCT o.proxy_id) AS n
       FROM proxy_exits e
       JOIN proxies p ON p.id = e.proxy_id
       JOIN proxy_exits o ON o.${col} = e.${col} AND o.last_seen_at >= ? AND o.proxy_id <> e.proxy_id
       JOIN proxies q ON q.id = o.proxy_id
      WHERE e.proxy_id IN (SELECT value FROM json_each(?)) AND e.last_seen_at >= ?
        AND p.assigned_model_id IS NOT NULL AND q.assigned_model_id IS NOT NULL
        AND q.assigned_model_id <> p.assigned_model_id
      GROUP BY e.proxy_id`,
  ).all(guard.since, JSON.stringify(proxyIds), guard.since) as { id: number; n: number }[]
  return new Map(rows.map((row) => [row.id, row.n]))
}

/** WHERE term over `proxies p` for `proxies:list`'s `collision: true` filter. */
export function collisionFilterTerm(guard: ExitGuard): { term: string; params: unknown[] } {
  const col = guard.column
  return {
    term: `(p.assigned_model_id IS NOT NULL AND EXISTS (SELECT 1 FROM proxy_exits e
       JOIN proxy_exits o ON o.${col} = e.${col} AND o.last_seen_at >= ? AND o.proxy_id <> e.proxy_id
       JOIN proxies q ON q.id = o.proxy_id
      WHERE e.proxy_id = p.id AND e.last_seen_at >= ?
        AND q.assigned_model_id IS NOT NULL AND q.assigned_model_id <> p.assigned_model_id))`,
    params: [guard.since, guard.since],
  }
}

/**
 * Who shares recent exits with whom, for auto-assign's in-memory plan: per proxy that shares any
 * recent exit, its neighbours with the address, and the model each involved proxy serves now.
 * Empty (one scan of an empty table) when no two proxies share an exit.
 */
export interface ExitNeighbours {
  neighbours: Map<number, { proxyId: number; address: string }[]>
  model: Map<number, number | null>
}

export function exitNeighbours(
  ctx: Pick<ServiceContext, 'sqlite'>,
  guard: ExitGuard,
): ExitNeighbours {
  const col = guard.column
  const rows = stmt(
    ctx.sqlite,
    `SELECT e.proxy_id AS a, o.proxy_id AS b, min(e.${col}) AS address
       FROM proxy_exits e
       JOIN proxy_exits o ON o.${col} = e.${col} AND o.last_seen_at >= ? AND o.proxy_id <> e.proxy_id
      WHERE e.last_seen_at >= ?
      GROUP BY e.proxy_id, o.proxy_id`,
  ).all(guard.since, guard.since) as { a: number; b: number; address: string }[]
  const neighbours = new Map<number, { proxyId: number; address: string }[]>()
  for (const row of rows) {
    let list = neighbours.get(row.a)
    if (!list) neighbours.set(row.a, (list = []))
    list.push({ proxyId: row.b, address: row.address })
  }
  const model = new Map<number, number | null>()
  if (neighbours.size > 0) {
    const models = stmt(
      ctx.sqlite,
      `SELECT id, assigned_model_id AS model FROM proxies
        WHERE id IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify([...neighbours.keys()])) as { id: number; model: number | null }[]
    for (const row of models) model.set(row.id, row.model)
  }
  return { neighbours, model }
}

interface PairRow {
  a: number
  b: number
  address: string
  seen: number
}

/** Pairs of proxies serving different models that share a recent exit, lower id first. */
function openPairs(ctx: Pick<ServiceContext, 'sqlite'>, guard: ExitGuard): PairRow[] {
  const col = guard.column
  return stmt(
    ctx.sqlite,
    `SELECT e.proxy_id AS a, o.proxy_id AS b, min(e.${col}) AS address,
            max(min(e.last_seen_at, o.last_seen_at)) AS seen
       FROM proxy_exits e
       JOIN proxy_exits o ON o.${col} = e.${col} AND o.last_seen_at >= ? AND o.proxy_id > e.proxy_id
       JOIN proxies p ON p.id = e.proxy_id
       JOIN proxies q ON q.id = o.proxy_id
      WHERE e.last_seen_at >= ?
        AND p.assigned_model_id IS NOT NULL AND q.assigned_model_id IS NOT NULL
        AND p.assigned_model_id <> q.assigned_model_id
      GROUP BY e.proxy_id, o.proxy_id ORDER BY e.proxy_id, o.proxy_id`,
  ).all(guard.since, guard.since) as PairRow[]
}

interface ProxyFacts {
  id: number
  host: string
  port: number
  model_id: number
  model_name: string
}

interface LinkedAccount {
  id: number
  username: string
  platform: ExitCollisionDto['accounts'][number]['platform']
  model_id: number
  proxy_id: number
}

/** Accounts listed per collision on the dashboard; the count says how many there are in all. */
const ACCOUNTS_SHOWN = 20

/** The open collisions, with the proxies' models and the active accounts they link. */
export function listExitCollisions(ctx: ServiceContext): ExitCollisionDto[] {
  const guard = exitGuard(ctx)
  return describePairs(ctx, guard, openPairs(ctx, guard))
}

function describePairs(
  ctx: Pick<ServiceContext, 'sqlite'>,
  guard: ExitGuard,
  pairs: readonly PairRow[],
): ExitCollisionDto[] {
  if (pairs.length === 0) return []
  const ids = JSON.stringify([...new Set(pairs.flatMap((pair) => [pair.a, pair.b]))])
  const facts = new Map(
    (
      stmt(
        ctx.sqlite,
        `SELECT p.id, p.host, p.port, p.assigned_model_id AS model_id, m.name AS model_name
           FROM proxies p JOIN models m ON m.id = p.assigned_model_id
          WHERE p.id IN (SELECT value FROM json_each(?))`,
      ).all(ids) as ProxyFacts[]
    ).map((row) => [row.id, row]),
  )
  const accounts = new Map<number, LinkedAccount[]>()
  for (const account of stmt(
    ctx.sqlite,
    `SELECT id, username, platform, model_id, proxy_id FROM accounts
      WHERE status = 'active' AND proxy_id IN (SELECT value FROM json_each(?)) ORDER BY id`,
  ).all(ids) as LinkedAccount[]) {
    let list = accounts.get(account.proxy_id)
    if (!list) accounts.set(account.proxy_id, (list = []))
    list.push(account)
  }
  const raised = new Map(
    (
      stmt(
        ctx.sqlite,
        'SELECT proxy_id AS a, other_proxy_id AS b, raised_at, forced FROM exit_collisions',
      ).all() as { a: number; b: number; raised_at: number; forced: number }[]
    ).map((row) => [`${row.a}:${row.b}`, row]),
  )
  return pairs.flatMap((pair) => {
    const p = facts.get(pair.a)
    const q = facts.get(pair.b)
    if (!p || !q) return []
    const linked = [...(accounts.get(p.id) ?? []), ...(accounts.get(q.id) ?? [])]
    const known = raised.get(`${pair.a}:${pair.b}`)
    return [
      {
        proxyId: p.id,
        proxyLabel: endpointLabel(p.host, p.port),
        modelId: p.model_id,
        modelName: p.model_name,
        otherProxyId: q.id,
        otherProxyLabel: endpointLabel(q.host, q.port),
        otherModelId: q.model_id,
        otherModelName: q.model_name,
        address: pair.address,
        match: guard.column,
        lastSeenAt: pair.seen,
        accountCount: linked.length,
        accounts: linked.slice(0, ACCOUNTS_SHOWN).map((account) => ({
          id: account.id,
          username: account.username,
          platform: account.platform,
          modelId: account.model_id,
          proxyId: account.proxy_id,
        })),
        raisedAt: known?.raised_at ?? null,
        forced: known?.forced === 1,
      },
    ]
  })
}

const DELETE_STALE_EXITS = 'DELETE FROM proxy_exits WHERE last_seen_at < ?'
const UPSERT_RAISED = `INSERT INTO exit_collisions
    (proxy_id, other_proxy_id, model_id, other_model_id, address, raised_at, forced)
  VALUES (?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (proxy_id, other_proxy_id) DO UPDATE SET model_id = excluded.model_id,
    other_model_id = excluded.other_model_id, address = excluded.address,
    raised_at = excluded.raised_at, forced = excluded.forced`

/**
 * What follows each check run: drops exits older than the window (they count for nothing), then
 * compares the open collisions with those already raised. Returns the new ones (a pair not raised
 * before, or raised for other models) and remembers them; forgets raised pairs that no longer
 * collide, so a collision that comes back is news again. One transaction.
 */
export function detectNewCollisions(ctx: ServiceContext): ExitCollisionDto[] {
  return inTransaction(ctx, () => {
    const guard = exitGuard(ctx)
    stmt(ctx.sqlite, DELETE_STALE_EXITS).run(guard.since)
    const open = describePairs(ctx, guard, openPairs(ctx, guard))
    const stored = stmt(
      ctx.sqlite,
      'SELECT proxy_id AS a, other_proxy_id AS b, model_id AS m, other_model_id AS n FROM exit_collisions',
    ).all() as { a: number; b: number; m: number; n: number }[]
    const openKeys = new Map(open.map((c) => [`${c.proxyId}:${c.otherProxyId}`, c]))
    const forget = stmt(
      ctx.sqlite,
      'DELETE FROM exit_collisions WHERE proxy_id = ? AND other_proxy_id = ?',
    )
    const known = new Set<string>()
    for (const row of stored) {
      const key = `${row.a}:${row.b}`
      const now = openKeys.get(key)
      if (now && now.modelId === row.m && now.otherModelId === row.n) known.add(key)
      else forget.run(row.a, row.b)
    }
    const at = ctx.clock.now()
    const remember = stmt(ctx.sqlite, UPSERT_RAISED)
    const fresh: ExitCollisionDto[] = []
    for (const collision of open) {
      if (known.has(`${collision.proxyId}:${collision.otherProxyId}`)) continue
      remember.run(
        collision.proxyId,
        collision.otherProxyId,
        collision.modelId,
        collision.otherModelId,
        collision.address,
        at,
        0,
      )
      fresh.push({ ...collision, raisedAt: at, forced: false })
    }
    return fresh
  })
}

/**
 * A forced assign: the collisions it creates are known from the start (the operator chose them),
 * so no alert announces them later; the dashboard still lists them, marked forced.
 */
export function acceptCollisions(
  ctx: ServiceContext,
  proxyId: number,
  modelId: number,
  collisions: readonly CollidingProxy[],
): void {
  const remember = stmt(ctx.sqlite, UPSERT_RAISED)
  const at = ctx.clock.now()
  for (const c of collisions) {
    const [a, b] = proxyId < c.otherProxyId ? [proxyId, c.otherProxyId] : [c.otherProxyId, proxyId]
    const [m, n] = proxyId < c.otherProxyId ? [modelId, c.otherModelId] : [c.otherModelId, modelId]
    remember.run(a, b, m, n, c.address, at, 1)
  }
}

/** "proxy #3 (127.0.0.1:8001)", for refusals and alerts. */
export function proxyWords(ctx: Pick<ServiceContext, 'sqlite'>, proxyId: number): string {
  const row = stmt(ctx.sqlite, 'SELECT host, port FROM proxies WHERE id = ?').get(proxyId) as
    { host: string; port: number } | undefined
  return row ? `proxy #${proxyId} (${endpointLabel(row.host, row.port)})` : `proxy #${proxyId}`
}

export function modelWords(ctx: Pick<ServiceContext, 'sqlite'>, modelId: number): string {
  const row = stmt(ctx.sqlite, 'SELECT name FROM models WHERE id = ?').get(modelId) as
    { name: string } | undefined
  return row ? `model "${row.name}"` : `model #${modelId}`
}

/** The alert's sentence for one collision. */
export function collisionSentence(c: ExitCollisionDto): string {
  return `exit collision: proxy ${c.proxyLabel} (model ${c.modelName}) and proxy ${c.otherProxyLabel} (model ${c.otherModelName}) both leave from ${c.address}`
}
