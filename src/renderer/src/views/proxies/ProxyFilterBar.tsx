import { Button, Group, MultiSelect, Paper, Select, TextInput } from '@mantine/core'
import { IconFilterOff, IconSearch } from '@tabler/icons-react'
import type { ModelListItem, ProviderListItem } from '../../../../shared/contracts/dto'
import {
  anonymityLevels,
  checkErrorCodes,
  proxyProtocols,
  proxyStatuses,
} from '../../../../shared/domain'
import { statusLabel } from '../../components'
import { CollisionFilter } from './CollisionFilter'
import { checkErrorLabels } from '../../features/checks'
import { anonymityLabels } from '../../features/exit'
import { activeFilterCount, isCountryCode, type ProxyFilterState } from './proxy-filters'

interface ProxyFilterBarProps {
  value: ProxyFilterState
  onChange: (patch: Partial<ProxyFilterState>) => void
  onClear: () => void
  providers: ProviderListItem[]
  models: ModelListItem[]
}

const statusOptions = proxyStatuses.map((value) => ({ value, label: statusLabel(value) }))
const protocolOptions = proxyProtocols.map((value) => ({ value, label: value.toUpperCase() }))
const lastCheckOptions = [
  { value: 'any', label: 'Any result' },
  { value: 'failed', label: 'Failed' },
  { value: 'passed', label: 'Passed' },
  { value: 'untested', label: 'Not tested' },
]
const errorOptions = checkErrorCodes.map((value) => ({ value, label: checkErrorLabels[value] }))
const anonymityOptions = anonymityLevels.map((value) => ({ value, label: anonymityLabels[value] }))
const slotOptions = [
  { value: 'any', label: 'Any capacity' },
  { value: 'free', label: 'Has free slots' },
  { value: 'full', label: 'Full' },
]

/** The filters `proxies:list` takes, as a toolbar above the table. */
export function ProxyFilterBar({
  value,
  onChange,
  onClear,
  providers,
  models,
}: ProxyFilterBarProps) {
  const count = activeFilterCount(value)
  const countryError =
    value.country.trim() && !isCountryCode(value.country) ? 'Two letters, like US' : undefined
  const modelOptions = [
    { value: 'any', label: 'Any model' },
    { value: 'none', label: 'Serving no model' },
    ...models.map((model) => ({ value: String(model.id), label: model.name })),
  ]
  return (
    // One row that scrolls sideways: wrapped, the fields took a third of a 1280x720 window from
    // the table below them.
    <Paper
      withBorder
      px="sm"
      py={6}
      radius="md"
      role="search"
      aria-label="Proxy filters"
      style={{ overflowX: 'auto', flexShrink: 0 }}
    >
      <Group gap="sm" align="flex-start" wrap="nowrap" style={{ minWidth: 'max-content' }}>
        <TextInput
          w={220}
          label="Search"
          placeholder="host:port, user@host, exit IP, tag, notes"
          leftSection={<IconSearch size={16} />}
          value={value.search}
          onChange={(event) => onChange({ search: event.currentTarget.value })}
        />
        <Select
          w={160}
          label="Provider"
          placeholder="All providers"
          clearable
          searchable
          data={providers.map((p) => ({ value: String(p.id), label: p.name }))}
          value={value.providerId === null ? null : String(value.providerId)}
          onChange={(next) => onChange({ providerId: next ? Number(next) : null })}
        />
        <MultiSelect
          w={160}
          label="Status"
          placeholder={value.status.length ? undefined : 'Any status'}
          data={statusOptions}
          value={value.status}
          onChange={(next) => onChange({ status: next as ProxyFilterState['status'] })}
          clearable
        />
        <MultiSelect
          w={150}
          label="Protocol"
          placeholder={value.protocol.length ? undefined : 'Any protocol'}
          data={protocolOptions}
          value={value.protocol}
          onChange={(next) => onChange({ protocol: next as ProxyFilterState['protocol'] })}
          clearable
        />
        <Select
          w={150}
          label="Model"
          allowDeselect={false}
          searchable
          data={modelOptions}
          value={typeof value.model === 'number' ? String(value.model) : value.model}
          onChange={(next) =>
            onChange({
              model: !next || next === 'any' ? 'any' : next === 'none' ? 'none' : Number(next),
            })
          }
        />
        <Select
          w={130}
          label="Capacity"
          allowDeselect={false}
          data={slotOptions}
          value={value.freeSlots}
          onChange={(next) =>
            onChange({ freeSlots: (next ?? 'any') as ProxyFilterState['freeSlots'] })
          }
        />
        <TextInput
          w={70}
          label="Country"
          placeholder="US"
          maxLength={2}
          value={value.country}
          error={countryError}
          onChange={(event) => onChange({ country: event.currentTarget.value.toUpperCase() })}
        />
        <TextInput
          w={120}
          label="Location"
          placeholder="California"
          value={value.location}
          onChange={(event) => onChange({ location: event.currentTarget.value })}
        />
        <TextInput
          w={100}
          label="Tag"
          placeholder="Exact tag"
          value={value.tag}
          onChange={(event) => onChange({ tag: event.currentTarget.value })}
        />
        <Select
          w={130}
          label="Last check"
          allowDeselect={false}
          data={lastCheckOptions}
          value={value.lastCheck}
          onChange={(next) =>
            onChange({ lastCheck: (next ?? 'any') as ProxyFilterState['lastCheck'] })
          }
        />
        <MultiSelect
          w={170}
          label="Error"
          placeholder={value.errorCode.length ? undefined : 'Any error'}
          data={errorOptions}
          value={value.errorCode}
          onChange={(next) => onChange({ errorCode: next as ProxyFilterState['errorCode'] })}
          clearable
        />
        <MultiSelect
          w={150}
          label="Anonymity"
          placeholder={value.anonymity.length ? undefined : 'Any level'}
          data={anonymityOptions}
          value={value.anonymity}
          onChange={(next) => onChange({ anonymity: next as ProxyFilterState['anonymity'] })}
          clearable
        />
        <TextInput
          w={140}
          label="Network"
          placeholder="AS13335 or org"
          value={value.network}
          onChange={(event) => onChange({ network: event.currentTarget.value })}
        />
        <CollisionFilter
          value={value.collision}
          onChange={(collision) => onChange({ collision })}
        />
        <Group align="flex-end" style={{ alignSelf: 'flex-end' }}>
          <Button
            variant="subtle"
            color="gray"
            leftSection={<IconFilterOff size={16} />}
            disabled={count === 0 && !value.country}
            onClick={onClear}
          >
            Clear filters{count ? ` (${count})` : ''}
          </Button>
        </Group>
      </Group>
    </Paper>
  )
}
