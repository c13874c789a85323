import { z } from 'zod'
import { defineContract } from '../contract'
import type { AccountPlatform } from '../domain'
import { id, noInput } from './common'
import type { AssignmentDto, Page, ProxyDto } from './dto'
import { ids, paging } from './fields'
import { proxySelection } from './proxies'

/*
 * Actor recorded in history: whoever chose the proxy. `assignments:auto` (and a reassign to
 * 'auto') is `system` with reason `automatic`/`manual`; an operator-chosen proxy, a release or a
 * status change made by the operator is `operator`.
 */

/** Why an account was left without a proxy by `assignments:auto`. */
export const unassignedReasons = ['no_capacity_for_model', 'exit_collision'] as const
export type UnassignedReason = (typeof unassignedReasons)[number]

/** The collision that kept a proxy from an account: `proxyId` shares `address` with `otherProxyId`. */
export interface CollisionNote {
  proxyId: number
  otherProxyId: number
  otherModelId: number
  address: string
}

export interface AutoAssignResult {
  assigned: { accountId: number; proxyId: number; modelId: number }[]
  unassigned: {
    accountId: number
    modelId: number
    reason: UnassignedReason
    /** With `exit_collision`: the proxy that had room and the one of another model it shares an exit with. */
    collision?: CollisionNote
  }[]
}

/**
 * Two proxies serving different models whose recent exits share an address (the exact IP, or the
 * /24 or /48 in subnet mode): the accounts on them are linked. Lower proxy id first.
 */
export interface ExitCollisionDto {
  proxyId: number
  proxyLabel: string
  modelId: number
  modelName: string
  otherProxyId: number
  otherProxyLabel: string
  otherModelId: number
  otherModelName: string
  /** The shared exit IP, or the shared network in subnet mode. */
  address: string
  match: 'ip' | 'net'
  /** The later of the two sightings of the shared address (the most recent such pair). */
  lastSeenAt: number
  /** Active accounts on either proxy, and the first of them. */
  accountCount: number
  accounts: {
    id: number
    username: string
    platform: AccountPlatform
    modelId: number
    proxyId: number
  }[]
  /** When an alert raised it (or a forced assign accepted it); null: not raised yet. */
  raisedAt: number | null
  /** An operator's forced assign created it. */
  forced: boolean
}

/** Assign even though it creates an exit collision; recorded in history as the operator's. */
const force = z.boolean().optional()

export const autoAssignInput = z
  .strictObject({
    /** Only accounts of this model. */
    modelId: id.optional(),
    /** Only these accounts (those active and unassigned among them). */
    accountIds: ids.optional(),
    /**
     * Only onto these proxies: the proxies view's "assign to model" (with `modelId`). The model's
     * waiting accounts take the first available proxies of the selection by the usual rules
     * (active, not expired, room, serving this model or none, no exit collision); the rest stay
     * unassigned with their reason. A proxy's model is never set by hand: it follows its accounts.
     */
    proxies: proxySelection.optional(),
  })
  .refine((input) => input.proxies === undefined || input.modelId !== undefined, {
    error: 'Assigning onto chosen proxies needs the model (modelId)',
    path: ['modelId'],
  })
  .default({})

export const assignInput = z.strictObject({ accountId: id, proxyId: id, force })

export const releaseInput = z.strictObject({ accountIds: ids })

export const reassignInput = z.strictObject({
  accountId: id,
  /** A proxy id, or 'auto' for the first available proxy for the account's model. */
  toProxyId: z.union([id, z.literal('auto')]),
  /** Only with a chosen proxy: move it even though that creates an exit collision. */
  force,
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
  /** Open exit collisions, with the accounts each links. */
  'assignments:collisions': defineContract<ExitCollisionDto[]>()('assignments:collisions', noInput),
}

export type AssignmentListInput = z.output<typeof assignmentListInput>
