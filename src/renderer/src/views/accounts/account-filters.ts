import type { AccountPlatform, AccountStatus } from '../../../../shared/domain'
import type { InputOf } from '../../../../shared/contracts'

export type AssignmentFilter = 'all' | 'assigned' | 'unassigned'

export interface AccountFilterState {
  search: string
  modelId: number | null
  platforms: AccountPlatform[]
  statuses: AccountStatus[]
  assignment: AssignmentFilter
}

/** Removed accounts stay for the audit trail but are hidden until asked for. */
export const defaultAccountFilters: AccountFilterState = {
  search: '',
  modelId: null,
  platforms: [],
  statuses: ['active', 'invalid'],
  assignment: 'all',
}

type ListFilters = Omit<
  NonNullable<InputOf<'accounts:list'>>,
  'page' | 'pageSize' | 'sortBy' | 'sortDir'
>

/** The filter bar's state as `accounts:list` filters (empty choices are left out). */
export function toListFilters(filters: AccountFilterState, search: string): ListFilters {
  const out: ListFilters = {}
  if (search.trim()) out.search = search.trim()
  if (filters.modelId !== null) out.modelId = filters.modelId
  if (filters.platforms.length > 0) out.platform = filters.platforms
  if (filters.statuses.length > 0) out.status = filters.statuses
  if (filters.assignment !== 'all') out.assigned = filters.assignment === 'assigned'
  return out
}

export function filtersActive(filters: AccountFilterState): boolean {
  return JSON.stringify(filters) !== JSON.stringify(defaultAccountFilters)
}
