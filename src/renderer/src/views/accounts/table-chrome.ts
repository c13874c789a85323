import type { MRT_RowData, MRT_TableOptions } from 'mantine-react-table'

/**
 * The look every server-paged table in the Accounts, Assignments and History views shares: no
 * client-side filter/search chrome (filters live in each view's own bar and run on the server),
 * page numbers at the bottom, a bordered paper.
 */
export function tableChrome<T extends MRT_RowData>(
  label: string,
  { striped = true }: { striped?: boolean } = {},
): Partial<MRT_TableOptions<T>> {
  return {
    enableColumnFilters: false,
    enableGlobalFilter: false,
    enableColumnActions: false,
    enableDensityToggle: false,
    enableFullScreenToggle: false,
    enableHiding: false,
    enableFilters: false,
    paginationDisplayMode: 'pages',
    initialState: { density: 'xs' },
    positionToolbarAlertBanner: 'none',
    mantinePaginationProps: { rowsPerPageOptions: ['25', '50', '100', '200'] },
    mantinePaperProps: { withBorder: true, radius: 'md', shadow: 'none' },
    mantineTableProps: {
      striped: striped ? 'even' : false,
      highlightOnHover: true,
      withColumnBorders: false,
      'aria-label': label,
    },
    mantineTableContainerProps: { style: { minHeight: 120 } },
  }
}
