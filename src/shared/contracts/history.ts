import { z } from 'zod'
import { defineContract } from '../contract'
import { historyActions, historyActors, historyReasons } from '../domain'
import { id } from './common'
import type { HistoryDto, Page } from './dto'
import { epochMs, oneOrMany, paging } from './fields'

/** Read-only: the audit trail is append-only, so no contract edits or deletes it. */
export const historyListInput = z
  .strictObject({
    proxyId: id.optional(),
    accountId: id.optional(),
    modelId: id.optional(),
    action: oneOrMany(historyActions).optional(),
    reason: oneOrMany(historyReasons).optional(),
    assignedBy: z.enum(historyActors).optional(),
    /** Inclusive lower bound, epoch ms. */
    from: epochMs.optional(),
    /** Exclusive upper bound, epoch ms. */
    to: epochMs.optional(),
    ...paging,
    /** Newest first unless asked otherwise. */
    sortDir: z.enum(['asc', 'desc']).default('desc'),
  })
  .refine((input) => input.from === undefined || input.to === undefined || input.from < input.to, {
    error: '"from" must be before "to"',
    path: ['to'],
  })
  .default({ page: 1, pageSize: 50, sortDir: 'desc' })

export const historyContracts = {
  'history:list': defineContract<Page<HistoryDto>>()('history:list', historyListInput),
}

export type HistoryListInput = z.output<typeof historyListInput>
