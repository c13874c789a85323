import type { MRT_RowData, MRT_TableOptions } from 'mantine-react-table'
import { fastBodyProps } from './FastTableBody'

export interface TableChromeOptions {
  striped?: boolean
  /**
   * The table fills the height its parent gives it (a flex column: see `FillHeight`), with one
   * scroll area of its own under a sticky header, instead of growing the page.
   */
  fill?: boolean
  /** Column hiding and density toggles in the toolbar (the proxies table's column presets). */
  hiding?: boolean
  /**
   * Rows drawn by FastTableBody (plain rows that redraw only for new data or a new tick) instead
   * of MRT's body. Not for tables that style rows through `mantineTableBodyRowProps` or group
   * rows (assignments). The proxies view passes its own `fastBodyProps`.
   */
  fastBody?: boolean
}

/**
 * The look every server-paged table shares (proxies, accounts, assignments, history, providers):
 * no client-side filter/search chrome (filters live in each view's own bar and run on the
 * server), page numbers at the bottom, a bordered paper, a sticky header, compact rows. Spread it
 * first into `useMantineReactTable`, then the view's own options.
 *
 * Data cells are memoized (`memoMode: 'cells'`): a re-render for anything but new rows (a sort
 * arrow, the selection, a drawer opening) redraws no data cell. A column's `Cell` must therefore
 * read only its row (never view state); the row-select and row-action columns are not memoized.
 */
export function tableChrome<T extends MRT_RowData>(
  label: string,
  { striped = true, fill = false, hiding = false, fastBody = false }: TableChromeOptions = {},
): Partial<MRT_TableOptions<T>> {
  return {
    enableColumnFilters: false,
    enableGlobalFilter: false,
    enableColumnActions: false,
    enableDensityToggle: hiding,
    enableFullScreenToggle: false,
    enableHiding: hiding,
    enableFilters: false,
    enableStickyHeader: true,
    memoMode: 'cells',
    // MRT keeps its two progress bars mounted (collapsed, invisible) and animated: a repaint every
    // frame of an idle window. They move only while shown.
    mantineProgressProps: ({ table }) => ({
      animated: Boolean(table.getState().showProgressBars),
      value: 100,
    }),
    mantineTableBodyProps: fastBody
      ? ({ table }) =>
          fastBodyProps(table, {
            data: table.options.data,
            rowSelection: table.getState().rowSelection,
            loading: Boolean(table.getState().isLoading),
            empty: table.options.renderEmptyRowsFallback?.({ table }),
            emptyKey: '',
            striped: false,
          })
      : undefined,
    paginationDisplayMode: 'pages',
    initialState: { density: 'xs' },
    positionToolbarAlertBanner: 'none',
    mantinePaginationProps: { rowsPerPageOptions: ['25', '50', '100', '200'] },
    mantinePaperProps: {
      withBorder: true,
      radius: 'md',
      shadow: 'none',
      style: fill ? { display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 } : undefined,
    },
    mantineTableProps: {
      striped: striped ? 'even' : false,
      highlightOnHover: true,
      withColumnBorders: false,
      'aria-label': label,
    },
    mantineTableContainerProps: {
      style: fill ? { flex: 1, minHeight: 0, maxHeight: 'none' } : { minHeight: 120 },
    },
  }
}
