import type { MRT_PaginationState, MRT_SortingState, MRT_Updater } from 'mantine-react-table'
import { useCallback, useEffect, useMemo, useState } from 'react'

export interface ServerTableConfig<S extends string> {
  /** The contract's sort columns; a table column sorts on the server when its id is one of them. */
  sortColumns: readonly S[]
  defaultSortBy: S
  defaultSortDir?: 'asc' | 'desc'
  pageSize?: number
}

export interface ServerTableQuery<S extends string> {
  page: number
  pageSize: number
  sortBy: S
  sortDir: 'asc' | 'desc'
}

const controlLabels = {
  first: 'First page',
  previous: 'Previous page',
  next: 'Next page',
  last: 'Last page',
} as const

/** Page sizes the contracts allow (at most 500) and labelled page buttons for screen readers. */
const paginationProps = {
  rowsPerPageOptions: ['25', '50', '100', '200'],
  getItemProps: (page: number) => ({ 'aria-label': `Page ${page}` }),
  getControlProps: (control: keyof typeof controlLabels) => ({
    'aria-label': controlLabels[control],
  }),
}

/**
 * Paging and sorting state for an MRT table whose rows come a page at a time from main. Spread
 * `tableOptions` into `useMantineReactTable` and merge `state` into its `state`; send `query` with
 * the list call. Sorting or `resetPage()` (call it when a filter changes) go back to page 1, and
 * the page is pulled back when `total` shrinks below it (e.g. after a delete).
 */
export function useServerTable<S extends string>(
  config: ServerTableConfig<S>,
  total: number | undefined,
) {
  const { sortColumns, defaultSortBy, defaultSortDir = 'asc', pageSize = 50 } = config
  const [pagination, setPagination] = useState<MRT_PaginationState>({ pageIndex: 0, pageSize })
  const [sorting, setSorting] = useState<MRT_SortingState>([])

  const resetPage = useCallback(() => setPagination((p) => ({ ...p, pageIndex: 0 })), [])

  const onSortingChange = useCallback(
    (updater: MRT_Updater<MRT_SortingState>) => {
      setSorting(updater)
      resetPage()
    },
    [resetPage],
  )

  useEffect(() => {
    if (total === undefined) return
    const lastIndex = Math.max(0, Math.ceil(total / pagination.pageSize) - 1)
    if (pagination.pageIndex > lastIndex) setPagination((p) => ({ ...p, pageIndex: lastIndex }))
  }, [total, pagination.pageIndex, pagination.pageSize])

  const first = sorting[0]
  const sortBy =
    first && (sortColumns as readonly string[]).includes(first.id) ? (first.id as S) : defaultSortBy
  const sortDir: 'asc' | 'desc' = first ? (first.desc ? 'desc' : 'asc') : defaultSortDir

  const query: ServerTableQuery<S> = useMemo(
    () => ({ page: pagination.pageIndex + 1, pageSize: pagination.pageSize, sortBy, sortDir }),
    [pagination.pageIndex, pagination.pageSize, sortBy, sortDir],
  )

  return {
    query,
    resetPage,
    state: { pagination, sorting },
    tableOptions: {
      manualPagination: true,
      manualSorting: true,
      manualFiltering: true,
      enableMultiSort: false,
      enableSortingRemoval: true,
      // Left alone, the first click sorts number columns descending; keep every column the same.
      sortDescFirst: false,
      paginationDisplayMode: 'pages' as const,
      mantinePaginationProps: paginationProps,
      rowCount: total ?? 0,
      onPaginationChange: setPagination,
      onSortingChange,
    },
  }
}
