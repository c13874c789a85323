import { z } from 'zod'
import { defineContract } from '../contract'
import { accountPlatforms, accountStatuses } from '../domain'
import { id } from './common'
import type { AccountDto, Page } from './dto'
import { ids, notes, oneOrMany, paging, text } from './fields'

const username = text({ error: 'Enter a username' })
  .trim()
  .min(1, { error: 'A username cannot be empty' })
  .max(200, { error: 'A username is at most 200 characters' })

const accountFields = {
  modelId: id,
  platform: z.enum(accountPlatforms),
  username,
  status: z.enum(accountStatuses).optional(),
  notes: notes.optional(),
}

export const accountCreateInput = z.strictObject(accountFields)

/**
 * Setting status `invalid` or `removed` releases the account's proxy in the same transaction;
 * changing the model of an assigned account releases it too (a proxy serves one model).
 */
export const accountUpdateInput = z
  .strictObject({ id, ...z.object(accountFields).partial().shape })
  .refine((input) => Object.keys(input).length > 1, { error: 'Name at least one field to change' })

export const accountSortColumns = [
  'id',
  'username',
  'platform',
  'status',
  'model',
  'proxy',
  'createdAt',
  'updatedAt',
] as const

export const accountListInput = z
  .strictObject({
    modelId: id.optional(),
    platform: oneOrMany(accountPlatforms).optional(),
    status: oneOrMany(accountStatuses).optional(),
    proxyId: id.optional(),
    /** true: on a proxy; false: active and waiting for one. */
    assigned: z.boolean().optional(),
    /** Case-insensitive substring of username or notes. */
    search: text().trim().max(200).optional(),
    ...paging,
    sortBy: z.enum(accountSortColumns).default('id'),
    sortDir: z.enum(['asc', 'desc']).default('asc'),
  })
  .default({ page: 1, pageSize: 50, sortBy: 'id', sortDir: 'asc' })

export const accountSetStatusInput = z.strictObject({ ids, status: z.enum(accountStatuses) })

export const accountContracts = {
  'accounts:list': defineContract<Page<AccountDto>>()('accounts:list', accountListInput),
  'accounts:get': defineContract<AccountDto>()('accounts:get', z.strictObject({ id })),
  'accounts:create': defineContract<AccountDto>()('accounts:create', accountCreateInput),
  'accounts:update': defineContract<AccountDto>()('accounts:update', accountUpdateInput),
  /** Bulk status change; `invalid`/`removed` release proxies (`account_invalid`/`account_removed`). */
  'accounts:setStatus': defineContract<{ updated: number; released: number }>()(
    'accounts:setStatus',
    accountSetStatusInput,
  ),
  /** Marks accounts `removed` (kept for the audit trail) and releases their proxies. */
  'accounts:remove': defineContract<{ updated: number; released: number }>()(
    'accounts:remove',
    z.strictObject({ ids }),
  ),
}

export type AccountCreateInput = z.output<typeof accountCreateInput>
export type AccountUpdateInput = z.output<typeof accountUpdateInput>
export type AccountListInput = z.output<typeof accountListInput>
