import { ActionIcon, Group, Stack, Text, Title, Tooltip } from '@mantine/core'
import { IconHistory, IconRefresh } from '@tabler/icons-react'
import { MantineReactTable, useMantineReactTable } from 'mantine-react-table'
import { useEffect, useMemo, useState } from 'react'
import type { HistoryDto } from '../../../../shared/contracts/dto'
import { useQuery } from '../../api'
import { EmptyState, ErrorAlert, tableChrome, useServerTable } from '../../components'
import { HistoryExportButton } from '../../features/export/HistoryExportButton'
import { formatCount } from '../../lib/format'
import { historyColumns } from './history-columns'
import {
  emptyHistoryFilters,
  historyFiltersActive,
  toHistoryInput,
  type HistoryFilterState,
} from './history-filters'
import { HistoryFilters } from './HistoryFilters'

const sortColumns = ['createdAt'] as const

export function HistoryView() {
  const models = useQuery('models:list')
  const [filters, setFilters] = useState<HistoryFilterState>(emptyHistoryFilters)
  const [total, setTotal] = useState<number>()
  const server = useServerTable(
    { sortColumns, defaultSortBy: 'createdAt', defaultSortDir: 'desc' },
    total,
  )
  const input = toHistoryInput(filters)
  const { page, pageSize, sortDir } = server.query
  const history = useQuery('history:list', { ...input, page, pageSize, sortDir })
  useEffect(() => setTotal(history.data?.total), [history.data?.total])
  const filterKey = JSON.stringify(input)
  const { resetPage } = server
  useEffect(() => resetPage(), [filterKey, resetPage])

  const items = useMemo(() => history.data?.items ?? [], [history.data])
  const table = useMantineReactTable({
    columns: historyColumns,
    data: items,
    getRowId: (row) => String(row.id),
    ...tableChrome<HistoryDto>('Assignment history', { fastBody: true }),
    ...server.tableOptions,
    renderTopToolbarCustomActions: () => (
      <Text size="sm" c="dimmed" p={4} aria-live="polite">
        {history.data
          ? `${formatCount(history.data.total)} ${history.data.total === 1 ? 'entry' : 'entries'}`
          : 'Loading…'}
      </Text>
    ),
    renderEmptyRowsFallback: () => (
      <EmptyState
        icon={<IconHistory size={26} aria-hidden />}
        title={historyFiltersActive(filters) ? 'Nothing matches these filters' : 'No history yet'}
        description={
          historyFiltersActive(filters)
            ? 'Widen the date range or clear a filter.'
            : 'Every assignment, release and move is recorded here once it happens.'
        }
      />
    ),
    state: {
      ...server.state,
      isLoading: history.loading && !history.data,
      showProgressBars: history.loading && Boolean(history.data),
    },
  })

  return (
    <Stack gap="lg" component="section" aria-labelledby="history-title">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2" id="history-title">
            History
          </Title>
          <Text c="dimmed" size="sm">
            The audit trail of every assignment, release and move. It is append-only: entries are
            never edited or deleted.
          </Text>
        </div>
        <Group gap="xs">
          <HistoryExportButton filters={input} />
          <Tooltip label="Refresh">
            <ActionIcon
              variant="default"
              size="lg"
              aria-label="Refresh history"
              loading={history.loading}
              onClick={history.refresh}
            >
              <IconRefresh size={18} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      <HistoryFilters filters={filters} models={models.data ?? []} onChange={setFilters} />
      <ErrorAlert error={history.error} title="History unavailable" onRetry={history.refresh} />
      <MantineReactTable table={table} />
    </Stack>
  )
}
