import { Select, Stack, Switch } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useState } from 'react'
import type { ProxyDto } from '../../../../shared/contracts/dto'
import { useQuery } from '../../api'
import { proxyOptionLabel, ProxyOption } from './ProxyOption'
import { useRefreshOn } from './use-refresh-on'

interface ProxyPickerProps {
  /** The account's model: the available list is for it. Null disables the picker. */
  modelId: number | null
  /** A proxy to leave out (the one the account is on, when moving it). */
  excludeProxyId?: number
  value: ProxyDto | null
  onChange: (proxy: ProxyDto | null) => void
  version: number
  label?: string
}

/**
 * Proxies that can take an account of the model now, in first-available order; or, with "Any
 * proxy", every proxy by search, so the operator can pick one and hear which rule refuses it.
 */
export function ProxyPicker(props: ProxyPickerProps) {
  const { modelId, onChange, label = 'Proxy' } = props
  const [any, setAny] = useState(false)
  return (
    <Stack gap={6}>
      {any ? (
        <AnyProxies {...props} label={label} />
      ) : modelId === null ? (
        <Select
          label={label}
          placeholder="Pick an account first"
          description="The proxies offered depend on the account's model."
          data={[]}
          disabled
        />
      ) : (
        <AvailableProxies {...props} modelId={modelId} label={label} />
      )}
      <Switch
        size="xs"
        label="Any proxy (pick one outside the list; the rules still apply)"
        checked={any}
        onChange={(event) => {
          setAny(event.currentTarget.checked)
          onChange(null)
        }}
      />
    </Stack>
  )
}

function AvailableProxies(props: ProxyPickerProps & { modelId: number; label: string }) {
  const { modelId, excludeProxyId, version } = props
  const available = useQuery('assignments:available', { modelId, limit: 50 })
  useRefreshOn(version, available.refresh)
  const proxies = (available.data ?? []).filter((proxy) => proxy.id !== excludeProxyId)
  const description = !available.data
    ? 'Loading the proxies that can take it…'
    : proxies.length === 0
      ? 'No proxy can take an account of this model now.'
      : `${proxies.length}${proxies.length === 50 ? '+' : ''} can take it now, first available first.`
  return (
    <ProxySelect
      {...props}
      proxies={proxies}
      description={description}
      error={available.error?.message}
      firstId={proxies[0]?.id}
    />
  )
}

function AnyProxies(props: ProxyPickerProps & { label: string }) {
  const { excludeProxyId, version, value } = props
  const [searchValue, setSearchValue] = useState('')
  const typed = value && searchValue === proxyOptionLabel(value) ? '' : searchValue
  const [search] = useDebouncedValue(typed.trim().replace(/^#\d+\s*/, ''), 250)
  const all = useQuery('proxies:list', {
    pageSize: 50,
    sortBy: 'id',
    ...(search ? { search } : {}),
  })
  useRefreshOn(version, all.refresh)
  const proxies = (all.data?.items ?? []).filter((proxy) => proxy.id !== excludeProxyId)
  const total = all.data?.total ?? 0
  return (
    <ProxySelect
      {...props}
      proxies={proxies}
      description={`Every proxy (${total}); type a host, host:port or user@host to search.`}
      error={all.error?.message}
      searchValue={searchValue}
      onSearchChange={setSearchValue}
    />
  )
}

interface ProxySelectProps {
  label: string
  proxies: ProxyDto[]
  value: ProxyDto | null
  onChange: (proxy: ProxyDto | null) => void
  description: string
  error?: string
  firstId?: number
  /** Set when the list is searched on the server (no filtering here then). */
  searchValue?: string
  onSearchChange?: (text: string) => void
}

function ProxySelect(props: ProxySelectProps) {
  const { label, proxies, value, onChange, description, error, firstId } = props
  const { searchValue, onSearchChange } = props
  const byId = new Map(proxies.map((proxy) => [String(proxy.id), proxy]))
  if (value) byId.set(String(value.id), value)
  return (
    <Select
      label={label}
      placeholder="Pick a proxy"
      description={description}
      error={error}
      searchable
      clearable
      {...(onSearchChange ? { searchValue, onSearchChange, filter: ({ options }) => options } : {})}
      data={[...byId.values()].map((proxy) => ({
        value: String(proxy.id),
        label: proxyOptionLabel(proxy),
      }))}
      value={value ? String(value.id) : null}
      onChange={(id) => onChange(id === null ? null : (byId.get(id) ?? null))}
      nothingFoundMessage="No proxy matches"
      maxDropdownHeight={320}
      renderOption={({ option }) => {
        const proxy = byId.get(option.value)
        return proxy ? <ProxyOption proxy={proxy} first={proxy.id === firstId} /> : option.label
      }}
    />
  )
}
