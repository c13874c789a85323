import { Group, Select, Text } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useState } from 'react'
import type { AccountDto } from '../../../../shared/contracts/dto'
import { useQuery } from '../../api'
import { useRefreshOn } from './use-refresh-on'
import { platformLabel } from '../../components'

interface AccountPickerProps {
  value: AccountDto | null
  onChange: (account: AccountDto | null) => void
  version: number
}

const optionLabel = (account: AccountDto) =>
  `${account.username} (${platformLabel(account.platform)})`

/** Active accounts waiting for a proxy, searched on the server as the operator types. */
export function AccountPicker({ value, onChange, version }: AccountPickerProps) {
  const [searchValue, setSearchValue] = useState('')
  // Typing searches; the label of the picked account shown in the box does not.
  const typed = value && searchValue === optionLabel(value) ? '' : searchValue
  const [search] = useDebouncedValue(typed.trim(), 250)
  const waiting = useQuery('accounts:list', {
    assigned: false,
    pageSize: 50,
    sortBy: 'id',
    ...(search ? { search } : {}),
  })
  useRefreshOn(version, waiting.refresh)
  const items = waiting.data?.items ?? []
  const byId = new Map(items.map((account) => [String(account.id), account]))
  if (value) byId.set(String(value.id), value)
  const total = waiting.data?.total ?? 0

  return (
    <Select
      label="Account"
      placeholder={total === 0 && !search ? 'No account is waiting' : 'Search waiting accounts'}
      description={
        waiting.data
          ? `${total} waiting${total > items.length ? `; showing the first ${items.length}, type to narrow` : ''}`
          : undefined
      }
      searchable
      clearable
      searchValue={searchValue}
      onSearchChange={setSearchValue}
      filter={({ options }) => options}
      data={[...byId.values()].map((account) => ({
        value: String(account.id),
        label: optionLabel(account),
      }))}
      value={value ? String(value.id) : null}
      onChange={(id) => onChange(id === null ? null : (byId.get(id) ?? null))}
      nothingFoundMessage={waiting.loading ? 'Searching…' : 'No waiting account matches'}
      renderOption={({ option }) => {
        const account = byId.get(option.value)
        return (
          <Group gap="xs" wrap="nowrap" justify="space-between" w="100%">
            <Text size="sm">{option.label}</Text>
            {account && (
              <Text size="xs" c="dimmed">
                {account.modelName}
              </Text>
            )}
          </Group>
        )
      }}
    />
  )
}
