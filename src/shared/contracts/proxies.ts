import { z } from 'zod'
import { defineContract } from '../contract'
import {
  anonymityLevels,
  checkErrorCodes,
  lastCheckStates,
  proxyProtocols,
  proxyStatuses,
} from '../domain'
import { lineShapes } from '../import-types'
import { id } from './common'
import type { Page, ProxyDetail, ProxyDto } from './dto'
import {
  cents,
  epochMs,
  host,
  ids,
  maxAccounts,
  notes,
  oneOrMany,
  optionalText,
  paging,
  port,
  tag,
  tags,
  text,
  website,
} from './fields'

/** Columns `proxies:list` can sort by; anything else is refused, never spliced into SQL. */
export const proxySortColumns = [
  'id',
  'host',
  'port',
  'protocol',
  'status',
  'provider',
  'country',
  'location',
  'model',
  'accountCount',
  'freeSlots',
  'monthlyCost',
  'expiresAt',
  'lastTestedAt',
  'responseTimeMs',
  'createdAt',
  'updatedAt',
] as const
export type ProxySortColumn = (typeof proxySortColumns)[number]

const country = text()
  .trim()
  .regex(/^[A-Za-z]{2}$/, { error: 'A country is a two-letter ISO code' })
  .transform((value) => value.toUpperCase())

const proxyFields = {
  providerId: id,
  protocol: z.enum(proxyProtocols),
  /** SOCKS5 with the proxy resolving names (the socks5h form). */
  remoteDns: z.boolean().optional(),
  host,
  port,
  username: optionalText(255).optional(),
  password: text().max(1_000, { error: 'A password is at most 1000 characters' }).optional(),
  location: optionalText(200).optional(),
  country: country.nullable().optional(),
  status: z.enum(proxyStatuses).optional(),
  maxAccounts: maxAccounts.optional(),
  monthlyCostOverrideCents: cents.nullable().optional(),
  tags: tags.optional(),
  notes: notes.optional(),
  expiresAt: epochMs.nullable().optional(),
  rotationUrl: website.optional(),
  sticky: z.boolean().optional(),
}

/** An empty password is the same as none: the proxy is IP-whitelisted. */
export const proxyCreateInput = z.strictObject(proxyFields)

export const proxyUpdateInput = z
  .strictObject({
    id,
    ...z.object(proxyFields).partial().shape,
    /** A new password is re-encrypted; '' (or leaving it out) keeps the stored one; null removes it. */
    password: text()
      .max(1_000, { error: 'A password is at most 1000 characters' })
      .nullable()
      .optional(),
  })
  .refine((input) => Object.keys(input).length > 1, { error: 'Name at least one field to change' })

export const proxyListFilters = {
  providerId: id.optional(),
  status: oneOrMany(proxyStatuses).optional(),
  protocol: oneOrMany(proxyProtocols).optional(),
  country: country.optional(),
  /** Case-insensitive substring of the location. */
  location: text().trim().min(1).max(200).optional(),
  /** Proxies serving this model; null: proxies serving none. */
  modelId: id.nullable().optional(),
  tag: tag.optional(),
  /** true: room for at least one more account; false: full. */
  hasFreeSlots: z.boolean().optional(),
  /**
   * Case-insensitive substring of the endpoint as shown (`user@host:port`, `[v6]:port`), an exit
   * IP (the last check's or any remembered one), a tag or the notes. A leading `socks5://` (any
   * protocol, socks5h too) narrows to that protocol and searches the rest.
   */
  search: text().trim().max(200).optional(),
  /** Isolation guard: true, proxies sharing a recent exit with another model's; false, the rest. */
  collision: z.boolean().optional(),
  /** The last check: passed, failed (any error class, the judges' too) or never ran. */
  lastCheck: z.enum(lastCheckStates).optional(),
  /** The last check failed with one of these classes. */
  errorCode: oneOrMany(checkErrorCodes).optional(),
  anonymity: oneOrMany(anonymityLevels).optional(),
  /** The exit's network: `AS13335` or `13335` is the AS number, other text a substring of its org. */
  network: text().trim().min(1).max(200).optional(),
}

export const proxyListInput = z
  .strictObject({
    ...proxyListFilters,
    ...paging,
    sortBy: z.enum(proxySortColumns).default('id'),
    sortDir: z.enum(['asc', 'desc']).default('asc'),
  })
  .default({ page: 1, pageSize: 50, sortBy: 'id', sortDir: 'asc' })

/**
 * The proxy with its password, in one of the export's line shapes, for pasting into a browser
 * profile. Like `proxies:revealPassword`, the only other way a password leaves main.
 */
export const proxyConnectionStringInput = z.strictObject({
  id,
  format: z.enum(lineShapes, { error: `A format is one of ${lineShapes.join(', ')}` }),
})

/** Ids a "select all matching" leaves out (the rows the operator unticked); may be empty. */
export const exceptIds = z
  .array(id, { error: 'Expected a list of ids' })
  .max(100_000, { error: 'At most 100000 at a time' })
  .transform((list) => [...new Set(list)])

/**
 * "Select all N matching": every proxy `proxies:list` shows for `filter` (all pages; `{}` is
 * every proxy) but `exceptIds`, resolved in main inside the action's transaction, so a bulk
 * action never needs the selection loaded into the page.
 */
export const proxyFilterSelection = {
  filter: z.strictObject(proxyListFilters),
  exceptIds: exceptIds.optional(),
}

/** A bulk action's proxies: these ids (unknown ones refuse the request) or a filter selection. */
export const proxySelection = z.union(
  [z.strictObject({ ids }), z.strictObject(proxyFilterSelection)],
  { error: 'Name the proxies: { ids } or { filter, exceptIds? }' },
)
export type ProxySelection = z.output<typeof proxySelection>

export const proxyRemoveInput = proxySelection
const status = z.enum(proxyStatuses)
export const proxySetStatusInput = z.union(
  [z.strictObject({ ids, status }), z.strictObject({ ...proxyFilterSelection, status })],
  { error: 'Name the proxies ({ ids } or { filter, exceptIds? }) and a status' },
)
export type ProxySetStatusInput = z.output<typeof proxySetStatusInput>

export interface ProxyRemoveResult {
  removed: number
  releasedAccounts: number
}

export const proxyContracts = {
  'proxies:list': defineContract<Page<ProxyDto>>()('proxies:list', proxyListInput),
  'proxies:get': defineContract<ProxyDetail>()('proxies:get', z.strictObject({ id })),
  'proxies:create': defineContract<ProxyDto>()('proxies:create', proxyCreateInput),
  'proxies:update': defineContract<ProxyDto>()('proxies:update', proxyUpdateInput),
  'proxies:remove': defineContract<ProxyRemoveResult>()('proxies:remove', proxyRemoveInput),
  'proxies:setStatus': defineContract<{ updated: number }>()(
    'proxies:setStatus',
    proxySetStatusInput,
  ),
  'proxies:revealPassword': defineContract<{ password: string | null }>()(
    'proxies:revealPassword',
    z.strictObject({ id }),
  ),
  'proxies:connectionString': defineContract<{ value: string }>()(
    'proxies:connectionString',
    proxyConnectionStringInput,
  ),
}

export type ProxyCreateInput = z.output<typeof proxyCreateInput>
export type ProxyUpdateInput = z.output<typeof proxyUpdateInput>
export type ProxyListInput = z.output<typeof proxyListInput>
export type ProxyListFilters = Omit<ProxyListInput, 'page' | 'pageSize' | 'sortBy' | 'sortDir'>
