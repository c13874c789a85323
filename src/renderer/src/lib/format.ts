export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  const units = ['KB', 'MB', 'GB', 'TB']
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`
}

// One formatter: toLocaleString builds a new one per call (a table draws hundreds of counts).
const countFormat = new Intl.NumberFormat('en-US')

export function formatCount(count: number): string {
  return countFormat.format(count)
}

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' })

/** Money is integer cents everywhere below the screen; only here does it become dollars. */
export function formatCents(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return '—'
  return money.format(cents / 100)
}

/** Dollars typed by the operator ("12.5", "12,50", "$3") to integer cents; null when unreadable. */
export function parseDollarsToCents(text: string): number | null {
  const cleaned = text.trim().replace(/^\$/, '').replace(',', '.')
  if (!/^\d+(\.\d{0,2})?$/.test(cleaned)) return null
  return Math.round(Number(cleaned) * 100)
}

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' })
const dateOnly = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' })

export function formatDateTime(epochMs: number | null | undefined): string {
  return epochMs === null || epochMs === undefined ? '—' : dateTime.format(epochMs)
}

export function formatDate(epochMs: number | null | undefined): string {
  return epochMs === null || epochMs === undefined ? '—' : dateOnly.format(epochMs)
}

/** "3 min ago", "in 2 days": for last-tested and expiry columns. */
export function formatRelative(epochMs: number | null | undefined, now = Date.now()): string {
  if (epochMs === null || epochMs === undefined) return 'never'
  const seconds = Math.round((epochMs - now) / 1000)
  const abs = Math.abs(seconds)
  const [value, unit]: [number, Intl.RelativeTimeFormatUnit] =
    abs < 60
      ? [seconds, 'second']
      : abs < 3600
        ? [Math.round(seconds / 60), 'minute']
        : abs < 86400
          ? [Math.round(seconds / 3600), 'hour']
          : [Math.round(seconds / 86400), 'day']
  return relative.format(value, unit)
}

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' })

export function formatPercent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`
}
