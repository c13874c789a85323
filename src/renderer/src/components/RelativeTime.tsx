import { Text, Tooltip } from '@mantine/core'
import { formatDateTime, formatRelative } from '../lib/format'

const day = 86_400_000

interface RelativeTimeProps {
  epochMs: number | null | undefined
  /** Text when there is no time ("never", "no expiry"). */
  empty?: string
  /** Colour a future time within this many days (and any past one) as a warning: for expiries. */
  warnWithinDays?: number
  now?: number
}

/** "in 3 days" / "5 min ago" with the exact date and time in a tooltip. */
export function RelativeTime({ epochMs, empty = 'never', warnWithinDays, now }: RelativeTimeProps) {
  if (epochMs === null || epochMs === undefined) {
    return (
      <Text size="sm" c="dimmed" component="span">
        {empty}
      </Text>
    )
  }
  const at = now ?? Date.now()
  const color =
    warnWithinDays === undefined
      ? undefined
      : epochMs <= at
        ? 'red'
        : epochMs - at <= warnWithinDays * day
          ? 'orange'
          : undefined
  return (
    <Tooltip label={formatDateTime(epochMs)} withArrow openDelay={300}>
      <Text size="sm" component="span" c={color} fw={color ? 600 : undefined}>
        {formatRelative(epochMs, at)}
      </Text>
    </Tooltip>
  )
}
