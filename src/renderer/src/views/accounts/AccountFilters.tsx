import { Button, Group, MultiSelect, SegmentedControl, Select, TextInput } from '@mantine/core'
import { IconFilterOff, IconSearch } from '@tabler/icons-react'
import type { ModelListItem } from '../../../../shared/contracts/dto'
import {
  accountStatuses,
  type AccountPlatform,
  type AccountStatus,
} from '../../../../shared/domain'
import { platformOptions, statusLabel } from '../../components'
import {
  defaultAccountFilters,
  filtersActive,
  type AccountFilterState,
  type AssignmentFilter,
} from './account-filters'

interface AccountFiltersProps {
  filters: AccountFilterState
  models: ModelListItem[]
  onChange: (filters: AccountFilterState) => void
}

const statusOptions = accountStatuses.map((value) => ({ value, label: statusLabel(value) }))

export function AccountFilters({ filters, models, onChange }: AccountFiltersProps) {
  const set = <K extends keyof AccountFilterState>(key: K, value: AccountFilterState[K]) =>
    onChange({ ...filters, [key]: value })
  return (
    <Group gap="sm" align="flex-end" role="search" aria-label="Filter accounts">
      <TextInput
        label="Search"
        placeholder="Username or notes"
        leftSection={<IconSearch size={16} />}
        value={filters.search}
        onChange={(event) => set('search', event.currentTarget.value)}
        w={220}
      />
      <Select
        label="Model"
        placeholder="All models"
        data={models.map((model) => ({ value: String(model.id), label: model.name }))}
        value={filters.modelId === null ? null : String(filters.modelId)}
        onChange={(value) => set('modelId', value === null ? null : Number(value))}
        clearable
        searchable
        nothingFoundMessage="No model by that name"
        w={200}
      />
      <MultiSelect
        label="Platform"
        placeholder={filters.platforms.length ? undefined : 'All platforms'}
        data={platformOptions}
        value={filters.platforms}
        onChange={(value) => set('platforms', value as AccountPlatform[])}
        clearable
        w={200}
      />
      <MultiSelect
        label="Status"
        placeholder={filters.statuses.length ? undefined : 'Any status'}
        data={statusOptions}
        value={filters.statuses}
        onChange={(value) => set('statuses', value as AccountStatus[])}
        clearable
        w={220}
      />
      {filtersActive(filters) && (
        <Button
          variant="subtle"
          leftSection={<IconFilterOff size={16} />}
          onClick={() => onChange(defaultAccountFilters)}
        >
          Reset filters
        </Button>
      )}
    </Group>
  )
}

/** On a proxy or waiting: the question asked most, so it sits on the table's own toolbar. */
export function AssignmentToggle({
  value,
  onChange,
}: {
  value: AssignmentFilter
  onChange: (value: AssignmentFilter) => void
}) {
  return (
    <SegmentedControl
      size="xs"
      aria-label="Proxy assignment"
      value={value}
      onChange={(next) => onChange(next as AssignmentFilter)}
      data={[
        { value: 'all', label: 'All' },
        { value: 'assigned', label: 'On a proxy' },
        { value: 'unassigned', label: 'Waiting' },
      ]}
    />
  )
}
