import type { DatesRangeValue } from '@mantine/dates'
import type { InputOf } from '../../../../shared/contracts'
import type { HistoryAction, HistoryActor, HistoryReason } from '../../../../shared/domain'

export interface HistoryFilterState {
  proxyId: number | null
  accountId: number | null
  modelId: number | null
  actions: HistoryAction[]
  reasons: HistoryReason[]
  actor: HistoryActor | null
  /** Whole days, both ends included, in the operator's time zone. */
  range: DatesRangeValue
}

export const emptyHistoryFilters: HistoryFilterState = {
  proxyId: null,
  accountId: null,
  modelId: null,
  actions: [],
  reasons: [],
  actor: null,
  range: [null, null],
}

type ListFilters = Omit<NonNullable<InputOf<'history:list'>>, 'page' | 'pageSize' | 'sortDir'>

const DAY_MS = 86_400_000

function startOfDay(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime()
}

/** The filter bar as `history:list` input: the range's last day is included (`to` is exclusive). */
export function toHistoryInput(filters: HistoryFilterState): ListFilters {
  const out: ListFilters = {}
  if (filters.proxyId !== null) out.proxyId = filters.proxyId
  if (filters.accountId !== null) out.accountId = filters.accountId
  if (filters.modelId !== null) out.modelId = filters.modelId
  if (filters.actions.length) out.action = filters.actions
  if (filters.reasons.length) out.reason = filters.reasons
  if (filters.actor !== null) out.assignedBy = filters.actor
  const [from, to] = filters.range
  if (from) out.from = startOfDay(from)
  // A range still being picked (only its start) covers that one day.
  const last = to ?? from
  if (last) out.to = startOfDay(last) + DAY_MS
  return out
}

export function historyFiltersActive(filters: HistoryFilterState): boolean {
  return JSON.stringify(filters) !== JSON.stringify(emptyHistoryFilters)
}
