import type { MRT_DensityState, MRT_Updater, MRT_VisibilityState } from 'mantine-react-table'
import { useCallback, useEffect, useState } from 'react'

/** A named set of visible columns (the proxies table's Essentials, Health, Costs, All). */
export interface ColumnPreset {
  value: string
  label: string
  /** Column ids shown; every other column id in `allColumns` is hidden. `null`: all. */
  shown: readonly string[] | null
}

export interface TablePrefs {
  /** The preset the visibility came from; null once a column was hidden or shown by hand. */
  preset: string | null
  columnVisibility: MRT_VisibilityState
  density: MRT_DensityState
}

/** Every column id not in the preset hidden, the rest shown (MRT keeps unknown ids visible). */
export function presetVisibility(
  preset: ColumnPreset,
  allColumns: readonly string[],
): MRT_VisibilityState {
  return Object.fromEntries(
    allColumns.map((id) => [id, preset.shown === null || preset.shown.includes(id)]),
  )
}

const storageKey = (table: string) => `proxydeck.table.${table}`

function read(table: string, fallback: TablePrefs): TablePrefs {
  try {
    const raw = window.localStorage.getItem(storageKey(table))
    if (!raw) return fallback
    const stored = JSON.parse(raw) as Partial<TablePrefs>
    return {
      preset: typeof stored.preset === 'string' || stored.preset === null ? stored.preset : null,
      columnVisibility:
        typeof stored.columnVisibility === 'object' && stored.columnVisibility !== null
          ? { ...fallback.columnVisibility, ...stored.columnVisibility }
          : fallback.columnVisibility,
      density: ['xs', 'md', 'xl'].includes(stored.density as string)
        ? (stored.density as MRT_DensityState)
        : fallback.density,
    }
  } catch {
    return fallback
  }
}

/**
 * A table's column visibility, preset and density, remembered between runs in the renderer's
 * localStorage (as Mantine keeps the colour scheme): display choices of this machine's window,
 * not settings main needs to know. Wire `columnVisibility`/`density` into the MRT state and the
 * two change handlers into its options; `applyPreset` switches the visible columns at once.
 */
export function useTablePrefs(
  table: string,
  presets: readonly ColumnPreset[],
  allColumns: readonly string[],
) {
  const first = presets[0] as ColumnPreset
  const [prefs, setPrefs] = useState<TablePrefs>(() =>
    read(table, {
      preset: first.value,
      columnVisibility: presetVisibility(first, allColumns),
      density: 'xs',
    }),
  )

  useEffect(() => {
    try {
      window.localStorage.setItem(storageKey(table), JSON.stringify(prefs))
    } catch {
      // A full or disabled storage only costs the memory of the choice.
    }
  }, [table, prefs])

  const applyPreset = useCallback(
    (value: string) => {
      const preset = presets.find((p) => p.value === value)
      if (!preset) return
      setPrefs((current) => ({
        ...current,
        preset: preset.value,
        columnVisibility: presetVisibility(preset, allColumns),
      }))
    },
    [presets, allColumns],
  )

  const onColumnVisibilityChange = useCallback((updater: MRT_Updater<MRT_VisibilityState>) => {
    setPrefs((current) => ({
      ...current,
      preset: null,
      columnVisibility: typeof updater === 'function' ? updater(current.columnVisibility) : updater,
    }))
  }, [])

  const onDensityChange = useCallback((updater: MRT_Updater<MRT_DensityState>) => {
    setPrefs((current) => ({
      ...current,
      density: typeof updater === 'function' ? updater(current.density) : updater,
    }))
  }, [])

  return { prefs, applyPreset, onColumnVisibilityChange, onDensityChange }
}
