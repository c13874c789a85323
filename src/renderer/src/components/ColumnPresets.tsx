import { SegmentedControl } from '@mantine/core'
import type { ColumnPreset } from './use-table-prefs'

/**
 * The preset switch in a table's toolbar. No segment is marked once columns were chosen by hand
 * (`value` null): the table shows the operator's own set until a preset is picked again.
 */
export function ColumnPresets({
  presets,
  value,
  onChange,
}: {
  presets: readonly ColumnPreset[]
  value: string | null
  onChange: (value: string) => void
}) {
  return (
    <SegmentedControl
      size="xs"
      aria-label="Column preset"
      data={presets.map(({ value: v, label }) => ({ value: v, label }))}
      value={value ?? ''}
      onChange={onChange}
    />
  )
}
