import { Button, Group, MultiSelect, Select } from '@mantine/core'
import { DatePickerInput } from '@mantine/dates'
import { IconCalendar, IconFilterOff } from '@tabler/icons-react'
import type { ModelListItem } from '../../../../shared/contracts/dto'
import type { HistoryAction, HistoryActor, HistoryReason } from '../../../../shared/domain'
import { AccountFilter, ProxyFilter } from './EntityFilters'
import { actionOptions, reasonOptions } from './history-labels'
import {
  emptyHistoryFilters,
  historyFiltersActive,
  type HistoryFilterState,
} from './history-filters'

interface HistoryFiltersProps {
  filters: HistoryFilterState
  models: ModelListItem[]
  onChange: (filters: HistoryFilterState) => void
}

export function HistoryFilters({ filters, models, onChange }: HistoryFiltersProps) {
  const set = <K extends keyof HistoryFilterState>(key: K, value: HistoryFilterState[K]) =>
    onChange({ ...filters, [key]: value })
  return (
    <Group gap="sm" align="flex-end" role="search" aria-label="Filter history">
      <DatePickerInput
        type="range"
        label="Dates"
        placeholder="Any date"
        leftSection={<IconCalendar size={16} />}
        value={filters.range}
        onChange={(range) => set('range', range)}
        clearable
        allowSingleDateInRange
        maxDate={new Date()}
        w={250}
      />
      <ProxyFilter value={filters.proxyId} onChange={(id) => set('proxyId', id)} />
      <AccountFilter value={filters.accountId} onChange={(id) => set('accountId', id)} />
      <Select
        label="Model"
        placeholder="Any model"
        data={models.map((model) => ({ value: String(model.id), label: model.name }))}
        value={filters.modelId === null ? null : String(filters.modelId)}
        onChange={(value) => set('modelId', value === null ? null : Number(value))}
        clearable
        searchable
        w={170}
      />
      <MultiSelect
        label="Action"
        placeholder={filters.actions.length ? undefined : 'Any action'}
        data={actionOptions}
        value={filters.actions}
        onChange={(value) => set('actions', value as HistoryAction[])}
        clearable
        w={200}
      />
      <MultiSelect
        label="Reason"
        placeholder={filters.reasons.length ? undefined : 'Any reason'}
        data={reasonOptions}
        value={filters.reasons}
        onChange={(value) => set('reasons', value as HistoryReason[])}
        clearable
        w={220}
      />
      <Select
        label="By"
        placeholder="Anyone"
        data={[
          { value: 'system', label: 'System' },
          { value: 'operator', label: 'Operator' },
        ]}
        value={filters.actor}
        onChange={(value) => set('actor', value as HistoryActor | null)}
        clearable
        w={130}
      />
      {historyFiltersActive(filters) && (
        <Button
          variant="subtle"
          leftSection={<IconFilterOff size={16} />}
          onClick={() => onChange(emptyHistoryFilters)}
        >
          Reset filters
        </Button>
      )}
    </Group>
  )
}
