import { Badge, Button, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconBuildingStore, IconPlus, IconSearch } from '@tabler/icons-react'
import { MantineReactTable, useMantineReactTable } from 'mantine-react-table'
import { useMemo, useState } from 'react'
import type { ProviderDto, ProviderListItem } from '../../../../shared/contracts/dto'
import { providerStatuses, type ProviderStatus } from '../../../../shared/domain'
import { useQuery } from '../../api'
import { EmptyState, ErrorAlert, statusLabel } from '../../components'
import { formatCents, formatCount } from '../../lib/format'
import { providerColumns } from './provider-columns'
import { ProviderDeleteModal } from './ProviderDeleteModal'
import { ProviderFormDrawer } from './ProviderFormDrawer'
import { ProviderRowActions } from './ProviderRowActions'

const statusOptions = providerStatuses.map((value) => ({ value, label: statusLabel(value) }))

function Totals({ providers }: { providers: ProviderListItem[] }) {
  const proxies = providers.reduce((sum, p) => sum + p.stats.proxyCount, 0)
  const spend = providers.reduce((sum, p) => sum + p.stats.monthlySpendCents, 0)
  const used = providers.reduce((sum, p) => sum + p.stats.assignedAccounts, 0)
  return (
    <Text size="sm" c="dimmed" aria-label="Provider totals">
      {formatCount(proxies)} proxies · {formatCount(used)} accounts assigned · {formatCents(spend)}{' '}
      per month
    </Text>
  )
}

export function ProvidersView() {
  const [search, setSearch] = useState('')
  const [status, setStatus] = useState<ProviderStatus | null>(null)
  const [debouncedSearch] = useDebouncedValue(search.trim(), 250)
  const input = {
    ...(debouncedSearch ? { search: debouncedSearch } : {}),
    ...(status ? { status } : {}),
  }
  const list = useQuery('providers:list', input)
  const [form, setForm] = useState<{ provider: ProviderDto | null } | null>(null)
  const [deleting, setDeleting] = useState<ProviderListItem | null>(null)
  const filtered = Object.keys(input).length > 0
  const providers = list.data ?? []

  const columns = useMemo(() => providerColumns(), [])
  const table = useMantineReactTable({
    columns,
    data: providers,
    getRowId: (provider) => String(provider.id),
    enableRowActions: true,
    positionActionsColumn: 'last',
    displayColumnDefOptions: { 'mrt-row-actions': { header: '', size: 100 } },
    enableColumnFilters: false,
    enableGlobalFilter: false,
    enableColumnActions: false,
    enableDensityToggle: false,
    enablePagination: providers.length > 50,
    enableBottomToolbar: providers.length > 50,
    enableTopToolbar: false,
    mantineTableProps: { 'aria-label': 'Providers', striped: true, highlightOnHover: true },
    mantinePaperProps: { withBorder: true, radius: 'md', shadow: 'none' },
    enableColumnPinning: true,
    mantineTableBodyCellProps: { style: { opacity: 1 } },
    mantineTableHeadCellProps: { style: { opacity: 1 } },
    initialState: {
      density: 'xs',
      sorting: [{ id: 'name', desc: false }],
      columnPinning: { right: ['mrt-row-actions'] },
    },
    state: { isLoading: list.loading && !list.data, showProgressBars: list.loading && !!list.data },
    renderRowActions: ({ row }) => (
      <ProviderRowActions
        provider={row.original}
        onEdit={(provider) => setForm({ provider })}
        onDelete={setDeleting}
      />
    ),
    renderEmptyRowsFallback: () =>
      filtered ? (
        <EmptyState
          icon={<IconBuildingStore size={26} />}
          title="No providers match"
          description="Try another name or status."
        />
      ) : (
        <EmptyState
          icon={<IconBuildingStore size={26} />}
          title="No providers yet"
          description="A provider is who you buy proxies from, with its price per proxy. Add one, then add its proxies."
          action={
            <Button
              leftSection={<IconPlus size={16} />}
              onClick={() => setForm({ provider: null })}
            >
              Add provider
            </Button>
          }
        />
      ),
  })

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center">
        <Group gap="sm" align="center">
          <Title order={1} size="h2">Providers</Title>
          {list.data && (
            <Badge variant="light" size="lg" radius="sm" aria-label="Provider count">
              {formatCount(providers.length)}
            </Badge>
          )}
        </Group>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setForm({ provider: null })}>
          Add provider
        </Button>
      </Group>
      <Group gap="sm" align="center" justify="space-between">
        <Group gap="sm" align="center">
          <TextInput
            aria-label="Search providers"
            placeholder="Search by name"
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            w={260}
          />
          <Select
            aria-label="Provider status"
            placeholder="Any status"
            clearable
            data={statusOptions}
            value={status}
            onChange={(value) => setStatus(value as ProviderStatus | null)}
            w={170}
          />
        </Group>
        {list.data && providers.length > 0 && <Totals providers={providers} />}
      </Group>
      <ErrorAlert error={list.error} title="Cannot load providers" onRetry={list.refresh} />
      <MantineReactTable table={table} />
      <ProviderFormDrawer
        opened={form !== null}
        provider={form?.provider ?? null}
        onClose={() => setForm(null)}
        onSaved={() => {
          setForm(null)
          list.refresh()
        }}
      />
      <ProviderDeleteModal
        provider={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={() => {
          setDeleting(null)
          list.refresh()
        }}
      />
    </Stack>
  )
}
