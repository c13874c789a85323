import { Select } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useState } from 'react'
import { useQuery } from '../../api'
import { platformLabel } from '../../components'
import { endpointLabel } from '../../../../shared/endpoint'

interface EntityFilterProps {
  value: number | null
  onChange: (id: number | null) => void
}

interface Option {
  value: string
  label: string
}

/**
 * A Select over a list too big to load whole: the typed text is searched on the server, and the
 * picked option is remembered so its label stays while other searches run.
 */
function useRemoteOptions(value: number | null, options: Option[]) {
  const [picked, setPicked] = useState<Option | null>(null)
  const merged = new Map(options.map((option) => [option.value, option]))
  if (picked && value !== null && picked.value === String(value)) merged.set(picked.value, picked)
  return {
    data: [...merged.values()],
    remember: (id: string | null) => setPicked(id === null ? null : (merged.get(id) ?? null)),
  }
}

export function ProxyFilter({ value, onChange }: EntityFilterProps) {
  const [searchValue, setSearchValue] = useState('')
  const [search] = useDebouncedValue(searchValue.trim(), 250)
  const proxies = useQuery('proxies:list', {
    pageSize: 30,
    sortBy: 'id',
    ...(search && value === null ? { search } : {}),
  })
  const { data, remember } = useRemoteOptions(
    value,
    (proxies.data?.items ?? []).map((proxy) => ({
      value: String(proxy.id),
      label: `${endpointLabel(proxy.host, proxy.port)}${proxy.username ? ` (${proxy.username})` : ''}`,
    })),
  )
  return (
    <Select
      label="Proxy"
      placeholder="Any proxy"
      data={data}
      value={value === null ? null : String(value)}
      onChange={(id) => {
        remember(id)
        onChange(id === null ? null : Number(id))
      }}
      searchable
      clearable
      searchValue={searchValue}
      onSearchChange={setSearchValue}
      filter={({ options }) => options}
      nothingFoundMessage={proxies.loading ? 'Searching…' : 'No proxy matches'}
      w={210}
    />
  )
}

export function AccountFilter({ value, onChange }: EntityFilterProps) {
  const [searchValue, setSearchValue] = useState('')
  const [search] = useDebouncedValue(searchValue.trim(), 250)
  const accounts = useQuery('accounts:list', {
    pageSize: 30,
    sortBy: 'username',
    ...(search && value === null ? { search } : {}),
  })
  const { data, remember } = useRemoteOptions(
    value,
    (accounts.data?.items ?? []).map((account) => ({
      value: String(account.id),
      label: `${account.username} (${platformLabel(account.platform)})`,
    })),
  )
  return (
    <Select
      label="Account"
      placeholder="Any account"
      data={data}
      value={value === null ? null : String(value)}
      onChange={(id) => {
        remember(id)
        onChange(id === null ? null : Number(id))
      }}
      searchable
      clearable
      searchValue={searchValue}
      onSearchChange={setSearchValue}
      filter={({ options }) => options}
      nothingFoundMessage={accounts.loading ? 'Searching…' : 'No account matches'}
      w={210}
    />
  )
}
