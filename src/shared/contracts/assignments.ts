import { z } from 'zod'
import { defineContract } from '../contract'
import { id } from './common'
import type { AssignmentDto, Page, ProxyDto } from './dto'
import { ids, paging } from './fields'

/*
 * Actor recorded in history: whoever chose the proxy. `assignments:auto` (and a reassign to
 * 'auto') is `system` with reason `automatic`/`manual`; an operator-chosen proxy, a release or a
 * status change made by the operator is `operator`.
 */

/** Why an account was left without a proxy by `assignments:auto`. */
export const unassignedReasons = ['no_capacity_for_model'] as const
export type UnassignedReason = (typeof unassignedReasons)[number]

export interface AutoAssignResult {
  assigned: { accountId: number; proxyId: number; modelId: number }[]
  unassigned: { accountId: number; modelId: number; reason: UnassignedReason }[]
}

export const autoAssignInput = z
  .strictObject({
    /** Only accounts of this model. */
    modelId: id.optional(),
    /** Only these accounts (those active and unassigned among them). */
    accountIds: ids.optional(),
  })
  .default({})

export const assignInput = z.strictObject({ accountId: id, proxyId: id })

export const releaseInput = z.strictObject({ accountIds: ids })

export const reassignInput = z.strictObject({
  accountId: id,
  /** A proxy id, or 'auto' for the first available proxy for the account's model. */
  toProxyId: z.union([id, z.literal('auto')]),
})

export const assignmentListInput = z
  .strictObject({
    proxyId: id.optional(),
    modelId: id.optional(),
    providerId: id.optional(),
    ...paging,
    sortBy: z.enum(['proxy', 'model', 'account', 'assignedAt']).default('proxy'),
    sortDir: z.enum(['asc', 'desc']).default('asc'),
  })
  .default({ page: 1, pageSize: 50, sortBy: 'proxy', sortDir: 'asc' })

export const availableInput = z.strictObject({
  modelId: id,
  limit: z.number().int().min(1).max(500).default(50),
})

export const assignmentContracts = {
  'assignments:auto': defineContract<AutoAssignResult>()('assignments:auto', autoAssignInput),
  'assignments:assign': defineContract<AssignmentDto>()('assignments:assign', assignInput),
  'assignments:release': defineContract<{ released: number }>()(
    'assignments:release',
    releaseInput,
  ),
  'assignments:reassign': defineContract<AssignmentDto>()('assignments:reassign', reassignInput),
  'assignments:list': defineContract<Page<AssignmentDto>>()(
    'assignments:list',
    assignmentListInput,
  ),
  /** Proxies that could take an account of the model now, in first-available order. */
  'assignments:available': defineContract<ProxyDto[]>()('assignments:available', availableInput),
}

export type AssignmentListInput = z.output<typeof assignmentListInput>
