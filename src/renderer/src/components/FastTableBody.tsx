import type {
  MRT_Cell,
  MRT_Column,
  MRT_Row,
  MRT_RowData,
  MRT_RowSelectionState,
  MRT_TableInstance,
} from 'mantine-react-table'
import { memo, useEffect, type CSSProperties, type ReactNode } from 'react'
import classes from './fast-table-body.module.css'

/*
 * The body of a server-paged MRT table, drawn by us: MRT keeps the state, header, toolbars and
 * pager; its body (a MRT_TableBodyRow and a MRT_TableBodyCell per cell, each a Mantine Box with
 * hooks, drawn again on every render of the table) took ~0.5 s of a sort at 50 rows. Here a row
 * is a plain <tr> that redraws only when its record, its tick or the column set changes, so a sort
 * click, the loading flag or a toolbar change draws no row at all, and a new page draws each row
 * once. A column's `Cell` gets `{ row, cell, column, table, renderedCellValue }` as in MRT, and
 * must read only its row (as with MRT's memoized cells).
 */

const SELECT = 'mrt-row-select'
const ACTIONS = 'mrt-row-actions'
const SKELETON_ROWS = 10
/** The pause after the last scroll event at which the rows take the pointer again. */
const SCROLL_SETTLE_MS = 150

/** Marks the table's scroll container `data-scrolling` while it scrolls (see the CSS). */
function useScrollingMark(container: HTMLElement | null) {
  useEffect(() => {
    if (!container) return undefined
    let timer: ReturnType<typeof setTimeout> | undefined
    const onScroll = () => {
      if (timer === undefined) container.setAttribute('data-scrolling', '')
      clearTimeout(timer)
      timer = setTimeout(() => {
        timer = undefined
        container.removeAttribute('data-scrolling')
      }, SCROLL_SETTLE_MS)
    }
    container.addEventListener('scroll', onScroll, { passive: true })
    return () => {
      container.removeEventListener('scroll', onScroll)
      clearTimeout(timer)
      container.removeAttribute('data-scrolling')
    }
  }, [container])
}

type Column<T extends MRT_RowData> = MRT_Column<T>

function cellStyle<T extends MRT_RowData>(column: Column<T>): CSSProperties {
  const id = column.id.replace(/[^a-zA-Z0-9]/g, '_')
  const minSize = column.columnDef.minSize ?? 30
  const pinned = column.getIsPinned()
  const bodyProps = column.columnDef.mantineTableBodyCellProps
  const align =
    bodyProps && typeof bodyProps === 'object' && 'align' in bodyProps ? bodyProps.align : undefined
  return {
    minWidth: `max(calc(var(--col-${id}-size) * 1px), ${minSize}px)`,
    width: `calc(var(--col-${id}-size) * 1px)`,
    left: pinned === 'left' ? column.getStart('left') : undefined,
    right: pinned === 'right' ? column.getAfter('right') : undefined,
    ...(align ? { ['--cell-align' as string]: align } : {}),
  }
}

function edge<T extends MRT_RowData>(column: Column<T>): boolean {
  const pinned = column.getIsPinned()
  if (pinned === 'left') return column.getIsLastColumn('left')
  if (pinned === 'right') return column.getIsFirstColumn('right')
  return false
}

interface RowProps<T extends MRT_RowData> {
  table: MRT_TableInstance<T>
  row: MRT_Row<T>
  /** The record: a row redraws when it is another object (a new page, a refreshed record). */
  original: T
  selected: boolean
  columns: Column<T>[]
  /** Visible column ids and pinning: a change redraws every row. */
  columnsKey: string
}

function FastRowInner<T extends MRT_RowData>({ table, row, selected, columns }: RowProps<T>) {
  // TanStack's memoized map of the row's cells (MRT types them as its own MRT_Cell).
  const cells = row._getAllCellsByColumnId() as Record<string, MRT_Cell<T>>
  return (
    <tr data-selected={selected || undefined} data-row-id={row.id}>
      {columns.map((column) => {
        const pinned = column.getIsPinned() || undefined
        let content: ReactNode
        if (column.id === SELECT) {
          content = (
            <input
              type="checkbox"
              className={classes.check}
              aria-label="Toggle select row"
              checked={selected}
              onChange={row.getToggleSelectedHandler()}
            />
          )
        } else if (column.id === ACTIONS) {
          const cell = cells[column.id]
          content = cell ? table.options.renderRowActions?.({ cell, row, table }) : null
        } else {
          const cell = cells[column.id]
          const value = cell?.getValue()
          const Cell = column.columnDef.Cell
          content =
            Cell && cell
              ? Cell({ cell, column, row, table, renderedCellValue: value as ReactNode })
              : ((value as ReactNode) ?? null)
        }
        return (
          <td
            key={column.id}
            data-pinned={pinned}
            data-edge={pinned && edge(column) ? true : undefined}
            style={cellStyle(column)}
          >
            {content}
          </td>
        )
      })}
    </tr>
  )
}

const FastRow = memo(
  FastRowInner,
  (a, b) =>
    a.original === b.original &&
    a.selected === b.selected &&
    a.columnsKey === b.columnsKey &&
    a.row.id === b.row.id,
) as typeof FastRowInner

export interface FastRowsProps<T extends MRT_RowData> {
  table: MRT_TableInstance<T>
  /** The page's records: the rows are looked at again only when this array is another one. */
  data: T[]
  rowSelection: MRT_RowSelectionState
  columnsKey: string
  /** Before the first page: placeholder rows. */
  loading: boolean
  /** What an empty page shows, and a key that changes when it should be drawn again. */
  empty: ReactNode
  emptyKey: string
}

function FastRowsInner<T extends MRT_RowData>({
  table,
  loading,
  empty,
  columnsKey,
}: FastRowsProps<T>) {
  const columns = table.getVisibleLeafColumns() as Column<T>[]
  const rows = table.getRowModel().rows
  // The container exists once MRT has drawn it (this body is inside it): read on every render.
  useScrollingMark(table.refs.tableContainerRef.current)
  // While loading, MRT fills the row model with blank records (its skeleton rows): draw none.
  if (loading) {
    return (
      <>
        {Array.from({ length: SKELETON_ROWS }, (_, i) => (
          <tr key={i} aria-hidden>
            {columns.map((column) => (
              <td key={column.id} style={cellStyle(column)}>
                <div className={classes.skeleton} />
              </td>
            ))}
          </tr>
        ))}
      </>
    )
  }
  if (!rows.length) {
    return (
      <tr>
        <td colSpan={columns.length} className={classes.empty}>
          {empty}
        </td>
      </tr>
    )
  }
  return (
    <>
      {rows.map((row) => (
        <FastRow
          key={row.id}
          table={table}
          row={row}
          original={row.original}
          selected={row.getIsSelected()}
          columns={columns}
          columnsKey={columnsKey}
        />
      ))}
    </>
  )
}

// Density needs no redraw: the padding is the table's CSS variables.
const FastRows = memo(
  FastRowsInner,
  (a, b) =>
    a.data === b.data &&
    a.rowSelection === b.rowSelection &&
    a.columnsKey === b.columnsKey &&
    a.loading === b.loading &&
    a.emptyKey === b.emptyKey,
) as typeof FastRowsInner

/**
 * `mantineTableBodyProps` for a table whose body FastTableBody draws: pass the page's records,
 * the selection and density (the props its memo compares), and the empty-state node.
 */
export function fastBodyProps<T extends MRT_RowData>(
  table: MRT_TableInstance<T>,
  props: Omit<FastRowsProps<T>, 'table' | 'columnsKey'> & { striped?: boolean },
) {
  const { striped = false, ...rest } = props
  const columnsKey = table
    .getVisibleLeafColumns()
    .map((c) => `${c.id}:${c.getIsPinned() || ''}`)
    .join(',')
  return {
    className: classes.body,
    'data-striped': striped || undefined,
    children: <FastRows table={table} columnsKey={columnsKey} {...rest} />,
  }
}
