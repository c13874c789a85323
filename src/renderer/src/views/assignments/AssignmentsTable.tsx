import { Button, Group, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core'
import { IconLinkOff, IconPlugConnectedX } from '@tabler/icons-react'
import {
  MantineReactTable,
  useMantineReactTable,
  type MRT_ExpandedState,
  type MRT_RowSelectionState,
} from 'mantine-react-table'
import { useEffect, useMemo, useState } from 'react'
import type { AssignmentDto, ModelListItem } from '../../../../shared/contracts/dto'
import { useQuery } from '../../api'
import { EmptyState, ErrorAlert, tableChrome, useServerTable } from '../../components'
import { formatCount } from '../../lib/format'
import { AssignmentRowActions } from './AssignmentRowActions'
import { assignmentColumns, GroupHead, type GroupBy } from './assignment-columns'
import { ReassignModal } from './ReassignModal'
import { ReleaseModal } from './ReleaseModal'
import { useRefreshOn } from './use-refresh-on'

interface AssignmentsTableProps {
  models: ModelListItem[]
  version: number
  onChanged: () => void
}

const sortColumns = ['proxy', 'model', 'account', 'assignedAt'] as const

/**
 * Current assignments a page at a time, sorted on the server by the grouping key so each proxy's
 * (or model's) accounts arrive together and group on the page.
 */
export function AssignmentsTable({ models, version, onChanged }: AssignmentsTableProps) {
  const [groupBy, setGroupBy] = useState<GroupBy>('proxy')
  const [modelId, setModelId] = useState<number | null>(null)
  const [providerId, setProviderId] = useState<number | null>(null)
  const [total, setTotal] = useState<number>()
  const server = useServerTable({ sortColumns, defaultSortBy: groupBy, pageSize: 60 }, total)
  const filters = {
    ...(modelId === null ? {} : { modelId }),
    ...(providerId === null ? {} : { providerId }),
  }
  const list = useQuery('assignments:list', { ...filters, ...server.query, sortBy: groupBy })
  useRefreshOn(version, list.refresh)
  const providers = useQuery('providers:list')
  const [expanded, setExpanded] = useState<MRT_ExpandedState>(true)
  const [rowSelection, setRowSelection] = useState<MRT_RowSelectionState>({})
  const [releasing, setReleasing] = useState<AssignmentDto[] | null>(null)
  const [moving, setMoving] = useState<AssignmentDto | null>(null)

  useEffect(() => setTotal(list.data?.total), [list.data?.total])
  const filterKey = JSON.stringify([filters, groupBy])
  const { resetPage } = server
  useEffect(() => resetPage(), [filterKey, resetPage])
  useEffect(() => {
    setRowSelection({})
    setExpanded(true)
  }, [list.data])

  const items = useMemo(() => list.data?.items ?? [], [list.data])
  const columns = useMemo(() => assignmentColumns(groupBy), [groupBy])
  const selected = items.filter((item) => rowSelection[String(item.accountId)])

  const table = useMantineReactTable({
    columns,
    data: items,
    getRowId: (row) => String(row.accountId),
    ...tableChrome<AssignmentDto>('Current assignments', { striped: false }),
    ...server.tableOptions,
    enableSorting: false,
    enableGrouping: true,
    enableColumnDragging: false,
    enableExpandAll: false,
    groupedColumnMode: 'remove',
    onExpandedChange: setExpanded,
    enableRowSelection: (row) => !row.getIsGrouped(),
    onRowSelectionChange: setRowSelection,
    mantineSelectCheckboxProps: ({ row }) =>
      row.getIsGrouped() ? { style: { visibility: 'hidden' } } : {},
    // Group rows read as headings: shaded, never striped like the accounts under them.
    mantineTableBodyRowProps: ({ row }) =>
      row.getIsGrouped()
        ? { style: { background: 'var(--mantine-color-default-hover)', fontWeight: 600 } }
        : {},
    mantinePaginationProps: { rowsPerPageOptions: ['30', '60', '120', '240'] },
    displayColumnDefOptions: {
      'mrt-row-expand': {
        header: groupBy === 'proxy' ? 'Proxy' : 'Model',
        size: 220,
        Cell: ({ row, table: instance }) => (
          <GroupHead row={row} table={instance} groupBy={groupBy} />
        ),
      },
      'mrt-row-actions': { header: '', size: 80 },
    },
    enableRowActions: true,
    positionActionsColumn: 'last',
    renderRowActions: ({ row }) =>
      row.getIsGrouped() ? null : (
        <AssignmentRowActions
          assignment={row.original}
          onRelease={() => setReleasing([row.original])}
          onMove={() => setMoving(row.original)}
        />
      ),
    renderTopToolbarCustomActions: () => (
      <Group gap="sm" p={4}>
        <Text size="sm" c="dimmed" aria-live="polite">
          {list.data ? `${formatCount(list.data.total)} accounts on proxies` : 'Loading…'}
          {selected.length > 0 && ` · ${selected.length} selected`}
        </Text>
        {selected.length > 0 && (
          <Button
            size="xs"
            variant="light"
            color="orange"
            leftSection={<IconLinkOff size={14} />}
            onClick={() => setReleasing(selected)}
          >
            Release selected
          </Button>
        )}
      </Group>
    ),
    renderEmptyRowsFallback: () => (
      <EmptyState
        icon={<IconPlugConnectedX size={26} aria-hidden />}
        title={
          Object.keys(filters).length ? 'No assignment matches' : 'No account is on a proxy yet'
        }
        description="Run Auto-assign above to give every waiting account a proxy, or assign one by hand."
      />
    ),
    state: {
      ...server.state,
      grouping: [groupBy],
      expanded,
      rowSelection,
      isLoading: list.loading && !list.data,
      showProgressBars: list.loading && Boolean(list.data),
    },
  })

  return (
    <Stack gap="md" component="section" aria-labelledby="current-title">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Title order={3} size="h4" id="current-title">
          Current assignments
        </Title>
        <Group gap="sm" align="flex-end">
          <Select
            label="Model"
            placeholder="All models"
            data={models.map((model) => ({ value: String(model.id), label: model.name }))}
            value={modelId === null ? null : String(modelId)}
            onChange={(value) => setModelId(value === null ? null : Number(value))}
            clearable
            searchable
            w={190}
          />
          <Select
            label="Provider"
            placeholder="All providers"
            data={(providers.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
            value={providerId === null ? null : String(providerId)}
            onChange={(value) => setProviderId(value === null ? null : Number(value))}
            clearable
            searchable
            w={190}
          />
          <SegmentedControl
            aria-label="Group by"
            value={groupBy}
            onChange={(value) => setGroupBy(value as GroupBy)}
            data={[
              { value: 'proxy', label: 'By proxy' },
              { value: 'model', label: 'By model' },
            ]}
          />
        </Group>
      </Group>
      <ErrorAlert error={list.error} title="Assignments unavailable" onRetry={list.refresh} />
      <MantineReactTable table={table} />
      <ReleaseModal accounts={releasing} onClose={() => setReleasing(null)} onDone={onChanged} />
      <ReassignModal
        assignment={moving}
        version={version}
        onClose={() => setMoving(null)}
        onDone={onChanged}
      />
    </Stack>
  )
}
