import type { AutoAssignResult, CollisionNote } from '../../../shared/contracts/assignments'
import type { ProxySelection } from '../../../shared/contracts/proxies'
import { selectedProxyIds } from '../proxies/proxy-selection'
import { inTransaction, stmt, type ServiceContext } from '../service-context'
import { exitGuard, exitNeighbours, type ExitNeighbours } from './exit-collisions'

export interface AutoAssignOptions {
  modelId?: number
  accountIds?: readonly number[]
  /** Only onto these proxies (the proxies view's "assign to model"); resolved in the transaction. */
  proxies?: ProxySelection
}

interface Slot {
  id: number
  free: number
}

const NULL_CHUNK = 1_000

/**
 * First available: each active account without a proxy, in id order, takes
 * the lowest-id proxy that is active, not expired, has room, and serves its model or none. One
 * transaction; one `assigned` history row per account, reason `automatic`, actor `system` (the
 * engine chose the proxy, even when the operator pressed the button).
 *
 * The plan is made in memory from two reads, then written with two prepared statements per
 * account. Why it equals the per-account "lowest id" query: a model's candidates are its own
 * proxies with room and the proxies serving no model. An account takes a no-model proxy only when
 * that proxy's id is below every candidate of its model, so the claimed proxy becomes the model's
 * lowest candidate: each model keeps its candidates as a stack, lowest on top, and no-model proxies
 * are consumed strictly in id order.
 *
 * Isolation guard: a proxy whose recent exits are shared with a proxy of another model is skipped
 * for that model (the next available one is taken); an account nothing is left for because of
 * that stays unassigned with reason `exit_collision`, naming the proxies. The neighbours of every
 * proxy that shares an exit are read once; a fleet where none does pays one empty scan.
 */
export function autoAssign(ctx: ServiceContext, options: AutoAssignOptions = {}): AutoAssignResult {
  return inTransaction(ctx, () => {
    const now = ctx.clock.now()
    const accounts = pendingAccounts(ctx, options)
    const result: AutoAssignResult = { assigned: [], unassigned: [] }
    if (accounts.length === 0) return result

    const only = options.proxies ? new Set(selectedProxyIds(ctx, options.proxies)) : null
    const byModel = modelStacks(ctx, now, new Set(accounts.map((a) => a.model_id)), only)
    const noModel = noModelQueue(ctx, now, only)
    const exits = exitNeighbours(ctx, exitGuard(ctx))
    const guarded = exits.neighbours.size > 0
    // No-model proxies passed over because they collide for some model, in id order: still free
    // for other models. Only proxies that share an exit ever land here.
    const held: Slot[] = []
    const skippedFor = new Map<number, CollisionNote>()
    for (const account of accounts) {
      const model = account.model_id
      let stack = byModel.get(model)
      let own = stack?.[stack.length - 1]
      let spare = noModel.peek()
      let heldAt = -1
      if (guarded) {
        // A proxy that collides for a model keeps colliding for it: models are only added
        // during the plan, so a colliding proxy of the model's own stack is dropped for good.
        while (own && stack && collides(exits, own.id, model, skippedFor)) {
          stack.pop()
          own = stack[stack.length - 1]
        }
        heldAt = held.findIndex((slot) => !collides(exits, slot.id, model, skippedFor))
        while (heldAt < 0 && spare && collides(exits, spare.id, model, skippedFor)) {
          noModel.take()
          held.push(spare)
          spare = noModel.peek()
        }
        // Everything held was taken from the queue before `spare`, so it has a lower id.
        if (heldAt >= 0) spare = held[heldAt]
      }
      let slot: Slot
      if (spare && (!own || spare.id < own.id)) {
        if (heldAt >= 0) held.splice(heldAt, 1)
        else noModel.take()
        slot = spare
        if (!stack) byModel.set(model, (stack = []))
        stack.push(slot)
        if (guarded && exits.neighbours.has(slot.id)) exits.model.set(slot.id, model)
      } else if (own && stack) {
        slot = own
      } else {
        const collision = skippedFor.get(model)
        result.unassigned.push(
          collision
            ? { accountId: account.id, modelId: model, reason: 'exit_collision', collision }
            : { accountId: account.id, modelId: model, reason: 'no_capacity_for_model' },
        )
        continue
      }
      slot.free--
      if (slot.free === 0) stack.pop()
      result.assigned.push({ accountId: account.id, proxyId: slot.id, modelId: model })
    }

    const setProxy = stmt(
      ctx.sqlite,
      'UPDATE accounts SET proxy_id = ?, updated_at = ? WHERE id = ?',
    )
    const history = stmt(
      ctx.sqlite,
      `INSERT INTO proxy_assignment_history
         (proxy_id, account_id, model_id, action, reason, assigned_by, created_at)
       VALUES (?, ?, ?, 'assigned', 'automatic', 'system', ?)`,
    )
    for (const { accountId, proxyId, modelId } of result.assigned) {
      setProxy.run(proxyId, now, accountId)
      history.run(proxyId, accountId, modelId, now)
    }
    return result
  })
}

/**
 * Whether proxy `id` shares a recent exit with a proxy serving a model other than `model` (as the
 * plan stands); the first such finding per model is kept to name it when an account stays out.
 */
function collides(
  exits: ExitNeighbours,
  id: number,
  model: number,
  skippedFor: Map<number, CollisionNote>,
): boolean {
  const list = exits.neighbours.get(id)
  if (!list) return false
  for (const other of list) {
    const otherModel = exits.model.get(other.proxyId)
    if (otherModel === undefined || otherModel === null || otherModel === model) continue
    if (!skippedFor.has(model)) {
      skippedFor.set(model, {
        proxyId: id,
        otherProxyId: other.proxyId,
        otherModelId: otherModel,
        address: other.address,
      })
    }
    return true
  }
  return false
}

function pendingAccounts(
  ctx: ServiceContext,
  options: AutoAssignOptions,
): { id: number; model_id: number }[] {
  const where = [`proxy_id IS NULL`, `status = 'active'`]
  const params: unknown[] = []
  if (options.modelId !== undefined) {
    where.push('model_id = ?')
    params.push(options.modelId)
  }
  if (options.accountIds) {
    where.push('id IN (SELECT value FROM json_each(?))')
    params.push(JSON.stringify(options.accountIds))
  }
  return stmt(
    ctx.sqlite,
    `SELECT id, model_id FROM accounts WHERE ${where.join(' AND ')} ORDER BY id`,
  ).all(...params) as { id: number; model_id: number }[]
}

/** Per model, its proxies with room, as a stack with the lowest id on top. */
function modelStacks(
  ctx: ServiceContext,
  now: number,
  models: Set<number>,
  only: Set<number> | null,
): Map<number, Slot[]> {
  const rows = stmt(
    ctx.sqlite,
    `SELECT id, assigned_model_id AS model, max_accounts - account_count AS free FROM proxies
      WHERE status = 'active' AND account_count < max_accounts AND assigned_model_id IS NOT NULL
        AND (expires_at IS NULL OR expires_at > ?)
      ORDER BY id DESC`,
  ).all(now) as { id: number; model: number; free: number }[]
  const stacks = new Map<number, Slot[]>()
  for (const row of rows) {
    if (!models.has(row.model) || (only && !only.has(row.id))) continue
    let stack = stacks.get(row.model)
    if (!stack) stacks.set(row.model, (stack = []))
    stack.push({ id: row.id, free: row.free })
  }
  return stacks
}

/**
 * Proxies serving no model, in id order, read a chunk at a time as the plan consumes them; with
 * `only`, those outside it are passed over.
 */
function noModelQueue(ctx: ServiceContext, now: number, only: Set<number> | null) {
  const read = stmt(
    ctx.sqlite,
    `SELECT id, max_accounts - account_count AS free FROM proxies
      WHERE status = 'active' AND account_count < max_accounts AND assigned_model_id IS NULL
        AND (expires_at IS NULL OR expires_at > ?) AND id > ?
      ORDER BY id LIMIT ${NULL_CHUNK}`,
  )
  let chunk: Slot[] = []
  let index = 0
  let exhausted = false
  const fill = () => {
    if (index < chunk.length || exhausted) return
    const after = chunk[chunk.length - 1]?.id ?? 0
    chunk = read.all(now, after) as Slot[]
    index = 0
    exhausted = chunk.length < NULL_CHUNK
  }
  return {
    peek(): Slot | undefined {
      fill()
      while (only && chunk[index] && !only.has((chunk[index] as Slot).id)) {
        index++
        fill()
      }
      return chunk[index]
    },
    take(): void {
      index++
    },
  }
}
