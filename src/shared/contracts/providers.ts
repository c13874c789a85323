import { z } from 'zod'
import { defineContract } from '../contract'
import { providerServiceTypes, providerStatuses } from '../domain'
import { id } from './common'
import type { Page, ProviderDto, ProviderListItem, ProxyDto } from './dto'
import { cents, email, name, notes, paging, text, website } from './fields'
import { proxySortColumns } from './proxies'

const providerFields = {
  name,
  monthlyCostPerProxyCents: cents,
  contactEmail: email.optional(),
  website: website.optional(),
  serviceType: z.enum(providerServiceTypes).nullable().optional(),
  status: z.enum(providerStatuses).optional(),
  notes: notes.optional(),
}

export const providerCreateInput = z.strictObject(providerFields)

export const providerUpdateInput = z
  .strictObject({ id, ...z.object(providerFields).partial().shape })
  .refine((input) => Object.keys(input).length > 1, { error: 'Name at least one field to change' })

export const providerListInput = z
  .strictObject({
    status: z.enum(providerStatuses).optional(),
    /** Case-insensitive substring of the name. */
    search: text().trim().max(200).optional(),
  })
  .default({})

export const providerRemoveInput = z.strictObject({
  id,
  /** Also delete the provider's proxies, releasing their accounts first (`proxy_removed`). */
  withProxies: z.boolean().default(false),
})

export const providerProxiesInput = z.strictObject({
  id,
  ...paging,
  sortBy: z.enum(proxySortColumns).default('id'),
  sortDir: z.enum(['asc', 'desc']).default('asc'),
})

export interface ProviderRemoveResult {
  removedProxies: number
  releasedAccounts: number
}

export const providerContracts = {
  'providers:list': defineContract<ProviderListItem[]>()('providers:list', providerListInput),
  'providers:create': defineContract<ProviderDto>()('providers:create', providerCreateInput),
  'providers:update': defineContract<ProviderDto>()('providers:update', providerUpdateInput),
  'providers:remove': defineContract<ProviderRemoveResult>()(
    'providers:remove',
    providerRemoveInput,
  ),
  'providers:proxies': defineContract<Page<ProxyDto>>()('providers:proxies', providerProxiesInput),
}

export type ProviderCreateInput = z.output<typeof providerCreateInput>
export type ProviderUpdateInput = z.output<typeof providerUpdateInput>
export type ProviderProxiesInput = z.output<typeof providerProxiesInput>
