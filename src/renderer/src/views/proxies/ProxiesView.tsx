import { Badge, Button, Group, Stack, Title } from '@mantine/core'
import { IconDownload, IconPlus, IconServerOff, IconUpload } from '@tabler/icons-react'
import {
  MantineReactTable,
  useMantineReactTable,
  type MRT_RowSelectionState,
} from 'mantine-react-table'
import { useEffect, useMemo, useRef, useState } from 'react'
import type { ProxyDto } from '../../../../shared/contracts/dto'
import { proxySortColumns } from '../../../../shared/contracts/proxies'
import { useQuery } from '../../api'
import { EmptyState, ErrorAlert, useServerTable } from '../../components'
import { CheckRunPanel, TestMenu } from '../../features/checks'
import { ExportModal } from '../../features/export/ExportModal'
import { ImportModal } from '../../features/import/ImportModal'
import { formatCount } from '../../lib/format'
import { ProxyBulkActions } from './ProxyBulkActions'
import { hiddenByDefault, proxyColumns } from './proxy-columns'
import { ProxyDeleteModal, type ProxyDeleteTarget } from './ProxyDeleteModal'
import { ProxyDetailDrawer } from './ProxyDetailDrawer'
import { ProxyFilterBar } from './ProxyFilterBar'
import { ProxyFormDrawer } from './ProxyFormDrawer'
import { proxyLabel } from './proxy-label'
import { ProxyRowActions } from './ProxyRowActions'
import { useProxyFilters } from './use-proxy-filters'
import { useTransferRequest } from './use-transfer-request'

export function ProxiesView() {
  const { filters, change, clear, listFilters } = useProxyFilters()
  const providers = useQuery('providers:list')
  const models = useQuery('models:list')
  const [total, setTotal] = useState<number>()
  const server = useServerTable({ sortColumns: proxySortColumns, defaultSortBy: 'id' }, total)
  const list = useQuery('proxies:list', { ...listFilters, ...server.query })
  const [rowSelection, setRowSelection] = useState<MRT_RowSelectionState>({})
  const [form, setForm] = useState<{ proxy: ProxyDto | null } | null>(null)
  const [detail, setDetail] = useState<ProxyDto | null>(null)
  const [detailVersion, setDetailVersion] = useState(0)
  const [deleting, setDeleting] = useState<ProxyDeleteTarget | null>(null)
  const [transfer, setTransfer] = useTransferRequest()
  // Rows seen on any page, so a selection spanning pages can still say how many accounts it holds.
  const seen = useRef(new Map<number, ProxyDto>())

  const data = list.data
  useEffect(() => {
    if (!data) return
    setTotal(data.total)
    for (const proxy of data.items) seen.current.set(proxy.id, proxy)
  }, [data])

  const { resetPage } = server
  const filterKey = JSON.stringify(listFilters)
  useEffect(() => {
    resetPage()
    setRowSelection({})
  }, [filterKey, resetPage])

  const selectedIds = Object.keys(rowSelection)
    .filter((key) => rowSelection[key])
    .map(Number)
  const allProxies = (providers.data ?? []).reduce((sum, p) => sum + p.stats.proxyCount, 0)
  const filtered = Object.keys(listFilters).length > 0

  function refreshAll() {
    list.refresh()
    providers.refresh()
    setDetailVersion((v) => v + 1)
  }

  function askDelete(proxies: ProxyDto[]) {
    setDeleting({
      ids: proxies.map((p) => p.id),
      label: proxies.length === 1 && proxies[0] ? proxyLabel(proxies[0]) : null,
      accounts: proxies.reduce((sum, p) => sum + p.accountCount, 0),
    })
  }

  function askDeleteSelected() {
    const known = selectedIds.map((id) => seen.current.get(id)).filter((p) => p !== undefined)
    setDeleting({
      ids: selectedIds,
      label: null,
      accounts: known.reduce((sum, p) => sum + p.accountCount, 0),
    })
  }

  const columns = useMemo(() => proxyColumns(setDetail), [])
  const table = useMantineReactTable({
    columns,
    data: data?.items ?? [],
    getRowId: (proxy) => String(proxy.id),
    ...server.tableOptions,
    enableRowSelection: true,
    enableRowActions: true,
    positionActionsColumn: 'last',
    displayColumnDefOptions: { 'mrt-row-actions': { header: '', size: 130 } },
    enableColumnFilters: false,
    enableGlobalFilter: false,
    enableColumnActions: false,
    enableDensityToggle: false,
    enableStickyHeader: true,
    mantineTableProps: { 'aria-label': 'Proxies', striped: true, highlightOnHover: true },
    mantineTableContainerProps: { style: { maxHeight: 'calc(100vh - 440px)', minHeight: 320 } },
    mantinePaperProps: { withBorder: true, radius: 'md', shadow: 'none' },
    enableColumnPinning: true,
    // MRT draws pinned cells at 0.97 opacity, letting scrolled-under text show through.
    mantineTableBodyCellProps: { style: { opacity: 1 } },
    mantineTableHeadCellProps: { style: { opacity: 1 } },
    initialState: {
      density: 'xs',
      // Wide table: the endpoint and the actions stay in view while scrolling sideways.
      columnPinning: { left: ['mrt-row-select', 'host'], right: ['mrt-row-actions'] },
      columnVisibility: Object.fromEntries(hiddenByDefault.map((id) => [id, false])),
    },
    onRowSelectionChange: setRowSelection,
    state: {
      ...server.state,
      rowSelection,
      isLoading: list.loading && !data,
      showProgressBars: list.loading && !!data,
    },
    renderRowActions: ({ row }) => (
      <ProxyRowActions
        proxy={row.original}
        onTested={refreshAll}
        onEdit={(proxy) => setForm({ proxy })}
        onDelete={(proxy) => askDelete([proxy])}
      />
    ),
    renderTopToolbarCustomActions: () => (
      <ProxyBulkActions
        selectedIds={selectedIds}
        onStatusChanged={() => {
          setRowSelection({})
          refreshAll()
        }}
        onDelete={askDeleteSelected}
        onClearSelection={() => setRowSelection({})}
      />
    ),
    renderEmptyRowsFallback: () =>
      filtered ? (
        <EmptyState
          icon={<IconServerOff size={26} />}
          title="No proxies match these filters"
          description="Loosen or clear the filters to see more."
          action={
            <Button variant="light" onClick={clear}>
              Clear filters
            </Button>
          }
        />
      ) : (
        <EmptyState
          icon={<IconServerOff size={26} />}
          title="No proxies yet"
          description={
            providers.data?.length
              ? 'Add your first proxy, or import a list of them.'
              : 'Proxies belong to a provider: add a provider first, then its proxies.'
          }
          action={
            providers.data?.length ? (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setForm({ proxy: null })}>
                Add proxy
              </Button>
            ) : (
              <Button component="a" href="#/providers" variant="light">
                Go to Providers
              </Button>
            )
          }
        />
      ),
  })

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center">
        <Group gap="sm" align="center">
          <Title order={1} size="h2">Proxies</Title>
          {total !== undefined && (
            <Badge variant="light" size="lg" radius="sm" aria-label="Proxy count">
              {filtered
                ? `${formatCount(total)} of ${formatCount(allProxies)}`
                : formatCount(total)}
            </Badge>
          )}
        </Group>
        <Group gap="xs">
          <TestMenu selectedIds={selectedIds} filter={listFilters} />
          <Button
            variant="default"
            leftSection={<IconUpload size={16} />}
            onClick={() => setTransfer('import')}
          >
            Import
          </Button>
          <Button
            variant="default"
            leftSection={<IconDownload size={16} />}
            onClick={() => setTransfer('export')}
          >
            Export
          </Button>
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => setForm({ proxy: null })}
            disabled={!providers.data?.length}
          >
            Add proxy
          </Button>
        </Group>
      </Group>
      <CheckRunPanel onFinished={refreshAll} />
      <ProxyFilterBar
        value={filters}
        onChange={change}
        onClear={clear}
        providers={providers.data ?? []}
        models={models.data ?? []}
      />
      <ErrorAlert error={list.error} title="Cannot load proxies" onRetry={list.refresh} />
      <MantineReactTable table={table} />
      <ProxyFormDrawer
        opened={form !== null}
        proxy={form?.proxy ?? null}
        providers={providers.data ?? []}
        defaultProviderId={filters.providerId}
        onClose={() => setForm(null)}
        onSaved={(saved) => {
          setForm(null)
          setDetail((current) => (current?.id === saved.id ? saved : current))
          refreshAll()
        }}
      />
      <ProxyDetailDrawer
        proxy={detail}
        version={detailVersion}
        onClose={() => setDetail(null)}
        onEdit={(proxy) => setForm({ proxy })}
        onDelete={(proxy) => askDelete([proxy])}
      />
      <ImportModal
        opened={transfer === 'import'}
        onClose={() => setTransfer(null)}
        onImported={refreshAll}
        defaultProviderId={filters.providerId}
      />
      <ExportModal
        opened={transfer === 'export'}
        onClose={() => setTransfer(null)}
        selectedIds={selectedIds}
        filter={listFilters}
        filteredCount={filtered ? total : undefined}
      />
      <ProxyDeleteModal
        target={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={(ids) => {
          setDeleting(null)
          setRowSelection((current) => {
            const next = { ...current }
            for (const id of ids) delete next[String(id)]
            return next
          })
          if (detail && ids.includes(detail.id)) setDetail(null)
          refreshAll()
        }}
      />
    </Stack>
  )
}
