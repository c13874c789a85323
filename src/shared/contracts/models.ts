import { z } from 'zod'
import { defineContract } from '../contract'
import { modelStatuses } from '../domain'
import { id } from './common'
import type { ModelDto, ModelListItem } from './dto'
import { name, notes, text } from './fields'

const modelFields = {
  name,
  notes: notes.optional(),
  status: z.enum(modelStatuses).optional(),
}

export const modelCreateInput = z.strictObject(modelFields)

export const modelUpdateInput = z
  .strictObject({ id, ...z.object(modelFields).partial().shape })
  .refine((input) => Object.keys(input).length > 1, { error: 'Name at least one field to change' })

export const modelListInput = z
  .strictObject({
    status: z.enum(modelStatuses).optional(),
    search: text().trim().max(200).optional(),
  })
  .default({})

export const modelContracts = {
  'models:list': defineContract<ModelListItem[]>()('models:list', modelListInput),
  'models:get': defineContract<ModelListItem>()('models:get', z.strictObject({ id })),
  'models:create': defineContract<ModelDto>()('models:create', modelCreateInput),
  'models:update': defineContract<ModelDto>()('models:update', modelUpdateInput),
  /** Refused (`model_has_accounts`) while it has accounts not `removed`; those are deleted with it. */
  'models:remove': defineContract<{ removed: true }>()('models:remove', z.strictObject({ id })),
}

export type ModelCreateInput = z.output<typeof modelCreateInput>
export type ModelUpdateInput = z.output<typeof modelUpdateInput>
