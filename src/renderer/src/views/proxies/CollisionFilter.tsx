import { Checkbox } from '@mantine/core'

/** The "Collision" filter: only proxies sharing a recent exit with a proxy of another model. */
export function CollisionFilter({
  value,
  onChange,
}: {
  value: boolean
  onChange: (collision: boolean) => void
}) {
  return (
    <Checkbox
      style={{ alignSelf: 'flex-end', paddingBottom: 8 }}
      label="Collision"
      aria-label="Only proxies with an exit collision"
      checked={value}
      onChange={(event) => onChange(event.currentTarget.checked)}
    />
  )
}
