import { formatDateTime, formatRelative } from '../lib/format'
import { CellText } from './cell-kit'

const day = 86_400_000

interface RelativeTimeProps {
  epochMs: number | null | undefined
  /** Text when there is no time ("never", "no expiry"). */
  empty?: string
  /** Colour a future time within this many days (and any past one) as a warning: for expiries. */
  warnWithinDays?: number
  now?: number
}

/** "in 3 days" / "5 min ago" with the exact date and time on hover (HoverTips). */
export function RelativeTime({ epochMs, empty = 'never', warnWithinDays, now }: RelativeTimeProps) {
  if (epochMs === null || epochMs === undefined) return <CellText dimmed>{empty}</CellText>
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
    <CellText tip={formatDateTime(epochMs)} color={color} bold={color !== undefined}>
      {formatRelative(epochMs, at)}
    </CellText>
  )
}
