import { Badge, Button, Group, Progress, Stack, Title } from '@mantine/core'
import { IconDownload, IconPlus, IconServerOff, IconUpload } from '@tabler/icons-react'
import {
  MantineReactTable,
  MRT_ShowHideColumnsButton,
  MRT_ToggleDensePaddingButton,
  useMantineReactTable,
  type MRT_Row,
} from 'mantine-react-table'
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { ProxyDto } from '../../../../shared/contracts/dto'
import { proxySortColumns } from '../../../../shared/contracts/proxies'
import { useQuery } from '../../api'
import {
  ColumnPresets,
  EmptyState,
  ErrorAlert,
  fastBodyProps,
  tableChrome,
  useServerTable,
  useTablePrefs,
} from '../../components'
import { CheckRunPanel, TestMenu } from '../../features/checks'
import { ExportModal } from '../../features/export/ExportModal'
import { ImportModal } from '../../features/import/ImportModal'
import { formatCount } from '../../lib/format'
import { ProxyBulkActions } from './ProxyBulkActions'
import { proxyColumnPresets } from './proxy-column-presets'
import { proxyColumnIds, proxyColumns } from './proxy-columns'
import { ProxyDeleteModal, type ProxyDeleteTarget } from './ProxyDeleteModal'
import { ProxyDetailDrawer } from './ProxyDetailDrawer'
import { ProxyFilterBar } from './ProxyFilterBar'
import { ProxyFormDrawer } from './ProxyFormDrawer'
import { proxyLabel } from './proxy-label'
import { ProxyRowActions } from './ProxyRowActions'
import { useProxiesIntents } from './use-proxies-intents'
import { useProxyFilters } from './use-proxy-filters'
import { useProxySelection } from './use-proxy-selection'
import { useTransferRequest } from './use-transfer-request'

/*
 * The view is exactly as tall as the shell's main area (the header and AppShell's lg padding
 * around): the title, filters and run panel take what they need and the table the rest, so the
 * page itself never scrolls and the table's own container is the one scroll area.
 */
const viewStyle = {
  height: 'calc(100dvh - var(--app-shell-header-height, 56px) - 2 * var(--mantine-spacing-lg))',
  minHeight: 0,
} as const
const tableBoxStyle = {
  position: 'relative',
  display: 'flex',
  flexDirection: 'column',
  flex: 1,
  minHeight: 0,
} as const
const loadingStyle = { position: 'absolute', top: 0, left: 0, right: 0, zIndex: 3 } as const

/**
 * Cell padding per density: the rows' action icons (28 px) already space them, so compact rows
 * add 2 px, and a 1280x720 window shows ten rows under the filters.
 */
const rowPadding = { xs: 2, md: 8, xl: 14 } as const

/** Row actions redraw only when their row does (handlers are stable: see `rowHandlers`). */
const RowActions = memo(ProxyRowActions)
/**
 * The filter bar (nine Mantine inputs, a third of a sort's render time) redraws only when the
 * filters or its option lists change, not for every page, sort or selection.
 */
const FilterBar = memo(ProxyFilterBar)
const none: never[] = []

/**
 * The proxies table fills the window below its toolbar: one scroll area, the table's own, with a
 * sticky header and a sticky endpoint column. Rows are virtualized only
 * for pages above 50 rows, where drawing every row costs more than tracking the scroll.
 */
export function ProxiesView() {
  const { filters, change, clear, listFilters } = useProxyFilters()
  // The paging hook needs the total before this render's answer is known: the last one seen.
  const [totalSeen, setTotalSeen] = useState<number>()
  const server = useServerTable({ sortColumns: proxySortColumns, defaultSortBy: 'id' }, totalSeen)
  // The page is asked first: main answers in order, and the providers' and models' counts are
  // whole-table GROUP BYs (~0.5 s each at 100,000 proxies) the first rows need not wait for.
  const list = useQuery('proxies:list', { ...listFilters, ...server.query })
  const providers = useQuery('providers:list')
  const models = useQuery('models:list')
  const total = list.data?.total ?? totalSeen
  useEffect(() => {
    if (total !== undefined) setTotalSeen(total)
  }, [total])
  const { prefs, applyPreset, onColumnVisibilityChange, onDensityChange } = useTablePrefs(
    'proxies',
    proxyColumnPresets,
    proxyColumnIds,
  )
  const [form, setForm] = useState<{ proxy: ProxyDto | null } | null>(null)
  const [detail, setDetail] = useState<ProxyDto | null>(null)
  const [detailVersion, setDetailVersion] = useState(0)
  const [deleting, setDeleting] = useState<ProxyDeleteTarget | null>(null)
  const [transfer, setTransfer] = useTransferRequest()
  useProxiesIntents({ addProxy: () => setForm({ proxy: null }) })
  // Rows seen on any page, so a selection spanning pages can still say how many accounts it holds.
  const seen = useRef(new Map<number, ProxyDto>())

  const data = list.data
  const pageIds = useMemo(() => data?.items.map((proxy) => proxy.id) ?? [], [data])
  // Ticked rows or "all N matching" (use-proxy-selection.ts); a filter change clears it.
  const selection = useProxySelection(listFilters, pageIds, total)
  useEffect(() => {
    if (!data) return
    for (const proxy of data.items) seen.current.set(proxy.id, proxy)
  }, [data])

  const { resetPage } = server
  const filterKey = JSON.stringify(listFilters)
  useEffect(() => {
    resetPage()
  }, [filterKey, resetPage])

  const { selectedIds } = selection
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
    if (selection.selection && selection.matching) {
      const { count } = selection.matching
      setDeleting({
        ids: [],
        label: null,
        accounts: null,
        selection: { value: selection.selection, count },
      })
      return
    }
    const known = selectedIds.map((id) => seen.current.get(id)).filter((p) => p !== undefined)
    setDeleting({
      ids: selectedIds,
      label: null,
      accounts: known.reduce((sum, p) => sum + p.accountCount, 0),
    })
  }

  // Handlers the rows get, stable across renders (the latest closures behind one ref), so a
  // memoized row redraws for its own data only.
  const latest = useRef({ refreshAll, askDelete })
  latest.current = { refreshAll, askDelete }
  const rowHandlers = useMemo(
    () => ({
      onTested: () => latest.current.refreshAll(),
      onEdit: (proxy: ProxyDto) => setForm({ proxy }),
      onDelete: (proxy: ProxyDto) => latest.current.askDelete([proxy]),
    }),
    [],
  )
  const renderRowActions = useCallback(
    ({ row }: { row: MRT_Row<ProxyDto> }) => <RowActions proxy={row.original} {...rowHandlers} />,
    [rowHandlers],
  )
  const items = useMemo(() => data?.items ?? [], [data])
  const columns = useMemo(() => proxyColumns(setDetail), [])
  const chrome = useMemo(() => tableChrome<ProxyDto>('Proxies', { fill: true, hiding: true }), [])
  const table = useMantineReactTable({
    ...chrome,
    columns,
    data: items,
    getRowId: (proxy) => String(proxy.id),
    // Our own rows (FastTableBody): MRT's body drew every cell again on every render of the view.
    mantineTableBodyProps: ({ table: t }) =>
      fastBodyProps(t, {
        data: items,
        rowSelection: selection.rowSelection,
        loading: !data,
        empty: t.options.renderEmptyRowsFallback?.({ table: t }),
        emptyKey: `${filtered}:${providers.data?.length ?? 0}`,
      }),
    ...server.tableOptions,
    enableRowSelection: true,
    // ProxyBulkActions says what is selected ("all N matching" too); MRT's banner counts the page.
    positionToolbarAlertBanner: 'none',
    enableRowActions: true,
    positionActionsColumn: 'last',
    displayColumnDefOptions: { 'mrt-row-actions': { header: '', size: 130 } },
    // Plain rows are cheap enough to draw a 200-row page whole (as a plain <table> would).
    enableRowVirtualization: false,
    mantineTableProps: {
      ...chrome.mantineTableProps,
      // Rows are told apart by their borders (FastTableBody: striping cost ~90 ms a scroll frame).
      striped: false,
      verticalSpacing: rowPadding[prefs.density],
    },
    enableColumnPinning: true,
    // MRT draws pinned cells at 0.97 opacity, letting scrolled-under text show through.
    mantineTableBodyCellProps: { style: { opacity: 1 } },
    mantineTableHeadCellProps: { style: { opacity: 1 } },
    initialState: {
      // Wide table: the endpoint and the actions stay in view while scrolling sideways.
      columnPinning: { left: ['mrt-row-select', 'host'], right: ['mrt-row-actions'] },
    },
    onRowSelectionChange: selection.onRowSelectionChange,
    onColumnVisibilityChange,
    onDensityChange,
    state: {
      ...server.state,
      rowSelection: selection.rowSelection,
      columnVisibility: prefs.columnVisibility,
      density: prefs.density,
      // Skeleton rows only before the first page: later pages keep the previous rows on screen
      // (the thin bar above the table says a page is on its way, without redrawing the table).
      isLoading: !data,
      showSkeletons: !data,
    },
    renderToolbarInternalActions: ({ table: t }) => (
      <Group gap={4} wrap="nowrap">
        <ColumnPresets presets={proxyColumnPresets} value={prefs.preset} onChange={applyPreset} />
        <MRT_ShowHideColumnsButton table={t} />
        <MRT_ToggleDensePaddingButton table={t} />
      </Group>
    ),
    renderRowActions,
    renderTopToolbarCustomActions: () => (
      <ProxyBulkActions
        selection={selection}
        total={total}
        models={models.data ?? []}
        onChanged={refreshAll}
        onDelete={askDeleteSelected}
        onExport={() => setTransfer('export')}
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
    <Stack gap="xs" style={viewStyle}>
      <Group justify="space-between" align="center">
        <Group gap="sm" align="center">
          <Title order={1} size="h2">
            Proxies
          </Title>
          {total !== undefined && (
            <Badge variant="light" size="lg" radius="sm" aria-label="Proxy count">
              {filtered
                ? `${formatCount(total)} of ${formatCount(allProxies)}`
                : formatCount(total)}
            </Badge>
          )}
        </Group>
        <Group gap="xs">
          <TestMenu
            selectedIds={selectedIds}
            filter={listFilters}
            selectedMatching={selection.matching}
          />
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
      <FilterBar
        value={filters}
        onChange={change}
        onClear={clear}
        providers={providers.data ?? none}
        models={models.data ?? none}
      />
      <ErrorAlert error={list.error} title="Cannot load proxies" onRetry={list.refresh} />
      <div style={tableBoxStyle}>
        {/* Mounted only while a page loads: a hidden animated bar still repaints every frame. */}
        {list.loading && data && (
          <Progress size={2} radius={0} value={100} animated aria-hidden style={loadingStyle} />
        )}
        <MantineReactTable table={table} />
      </div>
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
        selectedMatching={selection.matching}
      />
      <ProxyDeleteModal
        target={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={(ids) => {
          setDeleting(null)
          if (selection.allMatching && ids.length === 0) selection.clear()
          else selection.drop(ids)
          if (detail && ids.includes(detail.id)) setDetail(null)
          refreshAll()
        }}
      />
    </Stack>
  )
}
