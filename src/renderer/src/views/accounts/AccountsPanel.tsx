import { Button, Group, Stack, Text } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconBan, IconListDetails, IconPlus, IconTrash, IconUserPlus } from '@tabler/icons-react'
import {
  MantineReactTable,
  useMantineReactTable,
  type MRT_RowSelectionState,
} from 'mantine-react-table'
import { useEffect, useMemo, useState } from 'react'
import { accountSortColumns } from '../../../../shared/contracts/accounts'
import type { AccountDto, ModelListItem } from '../../../../shared/contracts/dto'
import { toAppError, useApi, useQuery } from '../../api'
import { EmptyState, ErrorAlert, tableChrome, useServerTable } from '../../components'
import { formatCount } from '../../lib/format'
import { useNotify } from '../../shell/notices'
import { accountColumns } from './account-columns'
import { filtersActive, toListFilters, type AccountFilterState } from './account-filters'
import { AccountFilters, AssignmentToggle } from './AccountFilters'
import { AccountBulkAddModal } from './AccountBulkAddModal'
import { AccountFormModal } from './AccountFormModal'
import { ProfileCardModal } from '../../features/exit'
import { AccountRowActions } from './AccountRowActions'
import { AccountStatusModal, type StatusAction } from './AccountStatusModal'

interface AccountsPanelProps {
  models: ModelListItem[]
  filters: AccountFilterState
  onFiltersChange: (filters: AccountFilterState) => void
  /** Model counts change with every account change. */
  onChanged: () => void
}

export function AccountsPanel({ models, filters, onFiltersChange, onChanged }: AccountsPanelProps) {
  const client = useApi()
  const notify = useNotify()
  const [total, setTotal] = useState<number>()
  const server = useServerTable({ sortColumns: accountSortColumns, defaultSortBy: 'id' }, total)
  const [search] = useDebouncedValue(filters.search, 250)
  const listFilters = toListFilters(filters, search)
  const accounts = useQuery('accounts:list', { ...listFilters, ...server.query })
  const [rowSelection, setRowSelection] = useState<MRT_RowSelectionState>({})
  const [editing, setEditing] = useState<AccountDto | null | undefined>(undefined)
  const [bulkAdding, setBulkAdding] = useState(false)
  const [profile, setProfile] = useState<{ username: string; proxyId: number } | null>(null)
  const [statusRequest, setStatusRequest] = useState<{
    action: StatusAction
    accounts: AccountDto[]
  } | null>(null)

  useEffect(() => setTotal(accounts.data?.total), [accounts.data?.total])

  // New filters start from page 1 and forget a selection the operator can no longer see.
  const filterKey = JSON.stringify(listFilters)
  const { resetPage } = server
  useEffect(() => {
    resetPage()
  }, [filterKey, resetPage])
  // Bulk actions only reach rows on screen.
  useEffect(() => setRowSelection({}), [filterKey, server.query.page, server.query.pageSize])

  const items = useMemo(() => accounts.data?.items ?? [], [accounts.data])
  const selected = items.filter((account) => rowSelection[String(account.id)])

  function changed() {
    accounts.refresh()
    onChanged()
    setRowSelection({})
  }

  async function reactivate(account: AccountDto) {
    try {
      await client.call('accounts:setStatus', { ids: [account.id], status: 'active' })
      notify({
        level: 'success',
        title: 'Account reactivated',
        message: `${account.username} is active again and waits for a proxy.`,
      })
      changed()
    } catch (cause) {
      notify({ level: 'error', title: 'Not reactivated', message: toAppError(cause).message })
    }
  }

  const table = useMantineReactTable({
    columns: accountColumns,
    data: items,
    getRowId: (row) => String(row.id),
    ...tableChrome<AccountDto>('Accounts', { fastBody: true }),
    ...server.tableOptions,
    enableRowSelection: true,
    onRowSelectionChange: setRowSelection,
    enableRowActions: true,
    positionActionsColumn: 'last',
    displayColumnDefOptions: { 'mrt-row-actions': { header: '', size: 140 } },
    renderRowActions: ({ row }) => (
      <AccountRowActions
        account={row.original}
        onEdit={() => setEditing(row.original)}
        onInvalidate={() => setStatusRequest({ action: 'invalidate', accounts: [row.original] })}
        onRemove={() => setStatusRequest({ action: 'remove', accounts: [row.original] })}
        onReactivate={() => void reactivate(row.original)}
        onProfile={() =>
          row.original.proxyId !== null &&
          setProfile({ username: row.original.username, proxyId: row.original.proxyId })
        }
      />
    ),
    renderTopToolbarCustomActions: () => (
      <Group gap="sm" p={4}>
        <AssignmentToggle
          value={filters.assignment}
          onChange={(assignment) => onFiltersChange({ ...filters, assignment })}
        />
        <Text size="sm" c="dimmed" aria-live="polite">
          {accounts.data ? `${formatCount(accounts.data.total)} matching` : 'Loading…'}
          {selected.length > 0 && ` · ${selected.length} selected`}
        </Text>
        {selected.length > 0 && (
          <>
            <Button
              size="xs"
              variant="light"
              color="orange"
              leftSection={<IconBan size={14} />}
              onClick={() => setStatusRequest({ action: 'invalidate', accounts: selected })}
            >
              Mark invalid
            </Button>
            <Button
              size="xs"
              variant="light"
              color="red"
              leftSection={<IconTrash size={14} />}
              onClick={() => setStatusRequest({ action: 'remove', accounts: selected })}
            >
              Remove
            </Button>
          </>
        )}
      </Group>
    ),
    renderToolbarInternalActions: () => (
      <Group gap="xs" wrap="nowrap">
        <Button
          size="xs"
          variant="default"
          leftSection={<IconListDetails size={14} />}
          onClick={() => setBulkAdding(true)}
          disabled={models.length === 0}
          title={models.length === 0 ? 'Create a model first' : undefined}
        >
          Add by paste
        </Button>
        <Button
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() => setEditing(null)}
          disabled={models.length === 0}
          title={models.length === 0 ? 'Create a model first' : undefined}
        >
          New account
        </Button>
      </Group>
    ),
    renderEmptyRowsFallback: () => (
      <EmptyState
        icon={<IconUserPlus size={26} aria-hidden />}
        title={filtersActive(filters) ? 'No account matches' : 'No accounts yet'}
        description={
          models.length === 0
            ? 'Create a model first (Models tab), then add its accounts.'
            : 'Add an account, or loosen the filters above.'
        }
      />
    ),
    state: {
      ...server.state,
      rowSelection,
      isLoading: accounts.loading && !accounts.data,
      showProgressBars: accounts.loading && Boolean(accounts.data),
    },
  })

  return (
    <Stack gap="md">
      <AccountFilters filters={filters} models={models} onChange={onFiltersChange} />
      <ErrorAlert error={accounts.error} title="Accounts unavailable" onRetry={accounts.refresh} />
      <MantineReactTable table={table} />
      <AccountFormModal
        opened={editing !== undefined}
        account={editing ?? null}
        models={models}
        defaultModelId={filters.modelId}
        onClose={() => setEditing(undefined)}
        onSaved={changed}
      />
      <AccountBulkAddModal
        opened={bulkAdding}
        models={models}
        defaultModelId={filters.modelId}
        onClose={() => setBulkAdding(false)}
        onAdded={changed}
      />
      <AccountStatusModal
        request={statusRequest}
        onClose={() => setStatusRequest(null)}
        onDone={changed}
      />
      <ProfileCardModal account={profile} onClose={() => setProfile(null)} />
    </Stack>
  )
}
