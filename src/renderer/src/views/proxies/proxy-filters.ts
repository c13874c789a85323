import type { InputOf } from '../../../../shared/contracts'
import {
  lastCheckStates,
  type AnonymityLevel,
  type CheckErrorCode,
  type LastCheckState,
  type ProxyProtocol,
  type ProxyStatus,
} from '../../../../shared/domain'

export interface ProxyFilterState {
  providerId: number | null
  status: ProxyStatus[]
  protocol: ProxyProtocol[]
  /** Two-letter code as typed; applied only once it is two letters. */
  country: string
  location: string
  /** 'any', 'none' (serving no model) or a model id. */
  model: 'any' | 'none' | number
  tag: string
  freeSlots: 'any' | 'free' | 'full'
  search: string
  /** Only proxies with an exit collision (CollisionFilter). */
  collision: boolean
  /** How the last check ended. */
  lastCheck: 'any' | LastCheckState
  errorCode: CheckErrorCode[]
  anonymity: AnonymityLevel[]
  /** `AS13335`, `13335` or part of the network's organisation. */
  network: string
}

export const emptyFilters: ProxyFilterState = {
  providerId: null,
  status: [],
  protocol: [],
  country: '',
  location: '',
  model: 'any',
  tag: '',
  freeSlots: 'any',
  search: '',
  collision: false,
  lastCheck: 'any',
  errorCode: [],
  anonymity: [],
  network: '',
}

export type ProxyListFilterInput = Omit<
  Exclude<InputOf<'proxies:list'>, undefined>,
  'page' | 'pageSize' | 'sortBy' | 'sortDir'
>

export function isCountryCode(text: string): boolean {
  return /^[A-Za-z]{2}$/.test(text.trim())
}

/** The filter part of a `proxies:list` input: only the filters that are set. */
export function toListFilters(state: ProxyFilterState): ProxyListFilterInput {
  const filters: ProxyListFilterInput = {}
  if (state.providerId !== null) filters.providerId = state.providerId
  if (state.status.length) filters.status = state.status
  if (state.protocol.length) filters.protocol = state.protocol
  if (isCountryCode(state.country)) filters.country = state.country.trim().toUpperCase()
  if (state.location.trim()) filters.location = state.location.trim()
  if (state.model === 'none') filters.modelId = null
  else if (state.model !== 'any') filters.modelId = state.model
  if (state.tag.trim()) filters.tag = state.tag.trim()
  if (state.freeSlots !== 'any') filters.hasFreeSlots = state.freeSlots === 'free'
  if (state.search.trim()) filters.search = state.search.trim()
  if (state.collision) filters.collision = true
  if (state.lastCheck !== 'any') filters.lastCheck = state.lastCheck
  if (state.errorCode.length) filters.errorCode = state.errorCode
  if (state.anonymity.length) filters.anonymity = state.anonymity
  if (state.network.trim()) filters.network = state.network.trim()
  return filters
}

/** `?lastCheck=failed` (a link or a reload); anything else is no filter. */
export function lastCheckParam(query: URLSearchParams): ProxyFilterState['lastCheck'] {
  const value = query.get('lastCheck')
  return lastCheckStates.find((state) => state === value) ?? 'any'
}

export function activeFilterCount(state: ProxyFilterState): number {
  return Object.keys(toListFilters(state)).length
}
