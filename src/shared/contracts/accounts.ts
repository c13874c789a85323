import { z } from 'zod'
import { defineContract } from '../contract'
import { accountPlatforms, accountStatuses, type AccountPlatform } from '../domain'
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

/** Why an account went invalid; kept in the history row of the proxy it leaves. */
export const invalidReasons = ['banned', 'suspended', 'lost_access', 'other'] as const
export type InvalidReason = (typeof invalidReasons)[number]

export const accountSetStatusInput = z
  .strictObject({
    ids,
    status: z.enum(accountStatuses),
    /** Only with `invalid`. `other` needs a note. */
    invalidReason: z.enum(invalidReasons).optional(),
    note: text().trim().max(500, { error: 'A note is at most 500 characters' }).optional(),
  })
  .refine((input) => input.invalidReason === undefined || input.status === 'invalid', {
    error: 'A reason goes only with status invalid',
    path: ['invalidReason'],
  })
  .refine((input) => input.invalidReason !== 'other' || Boolean(input.note), {
    error: 'Say what happened (a note) when the reason is "other"',
    path: ['note'],
  })

/** Most lines one bulk add takes. */
export const MAX_BULK_ACCOUNTS = 5_000

/**
 * Bulk add: one `platform,username` a line (`#` comments and blank lines skipped) for one model.
 * `accounts:bulkPreview` judges every line and stores nothing; `accounts:bulkCreate` judges the
 * text again and stores every line that is still new, in one transaction.
 */
export const accountBulkInput = z.strictObject({
  modelId: id,
  text: text()
    .min(1, { error: 'Paste at least one platform,username line' })
    .max(1_000_000, { error: 'The text is larger than 1 MB' }),
})

export const accountBulkLineErrors = [
  'malformed_line',
  'unknown_platform',
  'invalid_username',
  'repeated_line',
  'already_exists',
] as const
export type AccountBulkLineError = (typeof accountBulkLineErrors)[number]

export type AccountBulkLine =
  | { line: number; status: 'new'; platform: AccountPlatform; username: string }
  | {
      line: number
      status: 'error'
      reason: AccountBulkLineError
      message: string
      platform: AccountPlatform | null
      username: string | null
    }

export interface AccountBulkPreview {
  lines: AccountBulkLine[]
  counts: { total: number; new: number; error: number }
}

export interface AccountBulkResult {
  created: number
  ids: number[]
  /** Lines not stored, with why (judged again at commit). */
  errors: Extract<AccountBulkLine, { status: 'error' }>[]
}

export const accountContracts = {
  'accounts:bulkPreview': defineContract<AccountBulkPreview>()(
    'accounts:bulkPreview',
    accountBulkInput,
  ),
  'accounts:bulkCreate': defineContract<AccountBulkResult>()(
    'accounts:bulkCreate',
    accountBulkInput,
  ),
  'accounts:list': defineContract<Page<AccountDto>>()('accounts:list', accountListInput),
  'accounts:get': defineContract<AccountDto>()('accounts:get', z.strictObject({ id })),
  'accounts:create': defineContract<AccountDto>()('accounts:create', accountCreateInput),
  'accounts:update': defineContract<AccountDto>()('accounts:update', accountUpdateInput),
  /**
   * Bulk status change; `invalid`/`removed` release proxies (`account_invalid`/`account_removed`),
   * the history row carrying the invalid reason and note.
   */
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
export type AccountSetStatusInput = z.output<typeof accountSetStatusInput>
export type AccountBulkInput = z.output<typeof accountBulkInput>
