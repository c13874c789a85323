import type { AutoAssignResult } from '../../../shared/contracts/assignments'
import { inTransaction, stmt, type ServiceContext } from '../service-context'

export interface AutoAssignOptions {
  modelId?: number
  accountIds?: readonly number[]
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
 */
export function autoAssign(ctx: ServiceContext, options: AutoAssignOptions = {}): AutoAssignResult {
  return inTransaction(ctx, () => {
    const now = ctx.clock.now()
    const accounts = pendingAccounts(ctx, options)
    const result: AutoAssignResult = { assigned: [], unassigned: [] }
    if (accounts.length === 0) return result

    const byModel = modelStacks(ctx, now, new Set(accounts.map((a) => a.model_id)))
    const noModel = noModelQueue(ctx, now)
    for (const account of accounts) {
      let stack = byModel.get(account.model_id)
      const own = stack?.[stack.length - 1]
      const spare = noModel.peek()
      let slot: Slot
      if (spare && (!own || spare.id < own.id)) {
        noModel.take()
        slot = spare
        if (!stack) byModel.set(account.model_id, (stack = []))
        stack.push(slot)
      } else if (own && stack) {
        slot = own
      } else {
        result.unassigned.push({
          accountId: account.id,
          modelId: account.model_id,
          reason: 'no_capacity_for_model',
        })
        continue
      }
      slot.free--
      if (slot.free === 0) stack.pop()
      result.assigned.push({ accountId: account.id, proxyId: slot.id, modelId: account.model_id })
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
function modelStacks(ctx: ServiceContext, now: number, models: Set<number>): Map<number, Slot[]> {
  const rows = stmt(
    ctx.sqlite,
    `SELECT id, assigned_model_id AS model, max_accounts - account_count AS free FROM proxies
      WHERE status = 'active' AND account_count < max_accounts AND assigned_model_id IS NOT NULL
        AND (expires_at IS NULL OR expires_at > ?)
      ORDER BY id DESC`,
  ).all(now) as { id: number; model: number; free: number }[]
  const stacks = new Map<number, Slot[]>()
  for (const row of rows) {
    if (!models.has(row.model)) continue
    let stack = stacks.get(row.model)
    if (!stack) stacks.set(row.model, (stack = []))
    stack.push({ id: row.id, free: row.free })
  }
  return stacks
}

/** Proxies serving no model, in id order, read a chunk at a time as the plan consumes them. */
function noModelQueue(ctx: ServiceContext, now: number) {
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
      return chunk[index]
    },
    take(): void {
      index++
    },
  }
}
