import type { MRT_RowSelectionState, MRT_Updater } from 'mantine-react-table'
import { useCallback, useEffect, useMemo, useState } from 'react'
import type { InputOf } from '../../../../shared/contracts'
import type { ProxyListFilterInput } from './proxy-filters'

/** `{ ids }` or `{ filter, exceptIds }`, as `proxies:remove` and the other bulk channels take it. */
export type ProxySelection = InputOf<'proxies:remove'>

/**
 * The proxies table's selection: rows ticked on the pages seen, or "all N matching" the filters
 * (less the rows unticked since), which stays a `{ filter, exceptIds }` the bulk actions send to
 * main as is: the matches are never loaded into the page.
 */
export interface ProxySelectionState {
  /** What the table shows ticked: in "all matching" mode, every row of the page not excepted. */
  rowSelection: MRT_RowSelectionState
  onRowSelectionChange: (updater: MRT_Updater<MRT_RowSelectionState>) => void
  /** Ticked ids (in "all matching" mode: the page's ticked rows). */
  selectedIds: number[]
  /** true: every proxy matching the filters is selected, but `exceptIds`. */
  allMatching: boolean
  /** How many proxies the bulk actions act on. */
  count: number
  /** What the bulk actions send; null when nothing is selected. */
  selection: ProxySelection | null
  /** The "all matching" selection with its count, for the test menu and the export dialog. */
  matching: { filter: ProxyListFilterInput; exceptIds: number[]; count: number } | null
  selectAllMatching: () => void
  clear: () => void
  /** Forget these ids (deleted one by one). */
  drop: (ids: readonly number[]) => void
}

/**
 * `filters`: the list's filters (a change clears the selection); `pageIds`: the rows on screen;
 * `total`: how many match the filters.
 */
export function useProxySelection(
  filters: ProxyListFilterInput,
  pageIds: readonly number[],
  total: number | undefined,
): ProxySelectionState {
  const [picked, setPicked] = useState<MRT_RowSelectionState>({})
  const [except, setExcept] = useState<ReadonlySet<number> | null>(null)
  const filterKey = JSON.stringify(filters)

  const clear = useCallback(() => {
    setPicked({})
    setExcept(null)
  }, [])
  useEffect(clear, [filterKey, clear])

  const rowSelection = useMemo<MRT_RowSelectionState>(() => {
    if (!except) return picked
    return Object.fromEntries(
      pageIds.filter((id) => !except.has(id)).map((id) => [String(id), true]),
    )
  }, [except, picked, pageIds])

  const onRowSelectionChange = useCallback(
    (updater: MRT_Updater<MRT_RowSelectionState>) => {
      const next = typeof updater === 'function' ? updater(rowSelection) : updater
      if (!except) {
        setPicked(next)
        return
      }
      // In "all matching" mode a tick or untick on the page moves that row in or out of exceptIds.
      const nextExcept = new Set(except)
      for (const id of pageIds) {
        if (next[String(id)]) nextExcept.delete(id)
        else nextExcept.add(id)
      }
      setExcept(nextExcept)
    },
    [except, pageIds, rowSelection],
  )

  const selectedIds = Object.keys(rowSelection)
    .filter((key) => rowSelection[key])
    .map(Number)
  const allMatching = except !== null
  const count = allMatching ? Math.max(0, (total ?? 0) - except.size) : selectedIds.length
  const selection: ProxySelection | null = allMatching
    ? count > 0
      ? { filter: filters, exceptIds: [...except] }
      : null
    : selectedIds.length
      ? { ids: selectedIds }
      : null

  return {
    matching: except ? { filter: filters, exceptIds: [...except], count } : null,
    rowSelection,
    onRowSelectionChange,
    selectedIds,
    allMatching,
    count,
    selection,
    selectAllMatching: useCallback(() => setExcept(new Set()), []),
    clear,
    drop: useCallback((ids: readonly number[]) => {
      setPicked((current) => {
        const next = { ...current }
        for (const id of ids) delete next[String(id)]
        return next
      })
    }, []),
  }
}
