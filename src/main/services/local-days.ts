import type { TrendDay } from '../../shared/contracts/analytics'

/**
 * Calendar days in an IANA time zone, as [start, end) instants. The dashboard's trends count per
 * day of the operator's clock, not per UTC day: a check at 23:30 in New York belongs to that
 * evening, not to the next UTC morning. A fixed UTC offset would be wrong for a window that spans a
 * daylight-saving change (the day is 23 or 25 hours long), so each midnight is found on its own.
 */

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    formatters.set(timeZone, f)
  }
  return f
}

interface WallClock {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
}

function wallClock(instant: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {}
  for (const part of formatter(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value)
  }
  return parts as unknown as WallClock
}

/** How far the zone's wall clock is ahead of UTC at `instant`, in ms (whole seconds). */
function offsetAt(instant: number, timeZone: string): number {
  const w = wallClock(instant, timeZone)
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second)
  return asUtc - Math.floor(instant / 1000) * 1000
}

/**
 * The instant the zone's day y-m-d begins (month 1-12; out-of-range days roll over as Date.UTC
 * rolls them). Two passes: the offset at the first guess may differ from the offset at midnight
 * itself when a DST change falls between them.
 */
export function startOfDay(year: number, month: number, day: number, timeZone: string): number {
  const wall = Date.UTC(year, month - 1, day)
  const first = wall - offsetAt(wall, timeZone)
  return wall - offsetAt(first, timeZone)
}

function isoDate(year: number, month: number, day: number): string {
  const d = new Date(Date.UTC(year, month - 1, day))
  return d.toISOString().slice(0, 10)
}

/**
 * `count` consecutive days in the zone, the first `from` days after (negative: before) the day
 * holding `now`: days(now, tz, -29, 30) is the last 30 days ending today.
 */
export function localDays(now: number, timeZone: string, from: number, count: number): TrendDay[] {
  const today = wallClock(now, timeZone)
  const out: TrendDay[] = []
  let start = startOfDay(today.year, today.month, today.day + from, timeZone)
  for (let i = 0; i < count; i++) {
    const offset = today.day + from + i
    const end = startOfDay(today.year, today.month, offset + 1, timeZone)
    out.push({ date: isoDate(today.year, today.month, offset), start, end })
    start = end
  }
  return out
}

/** The zone main runs in (the operator's, in the desktop app). */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
}
