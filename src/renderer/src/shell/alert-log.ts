import type { AlertSource, Notice, NoticeLink } from './notice'

export interface AlertEntry {
  id: number
  at: number
  level: Notice['level']
  title: string
  message: string
  source: AlertSource
  link?: NoticeLink
  read: boolean
}

export interface AlertLog {
  add(notice: Notice, at?: number): AlertEntry
  markAllRead(): void
  clear(): void
  /** Newest first; a new array after each change (for useSyncExternalStore). */
  entries(): readonly AlertEntry[]
  subscribe(onChange: () => void): () => void
}

/** Kept per window session: enough for a day's monitor rounds without growing without end. */
export const ALERT_LOG_LIMIT = 50
const STORAGE_KEY = 'proxydeck.alerts'

/**
 * The header bell's list of recent alerts (monitor, check runs, imports, exports, errors). Main
 * keeps no such list (the monitor only pushes `monitor:alert`), so it lives in the renderer,
 * mirrored to sessionStorage so a reload of the window keeps it.
 */
export function createAlertLog(storage: Pick<Storage, 'getItem' | 'setItem'> | null): AlertLog {
  let entries: readonly AlertEntry[] = restore(storage)
  let nextId = entries.reduce((max, entry) => Math.max(max, entry.id), 0)
  const listeners = new Set<() => void>()

  function commit(next: readonly AlertEntry[]) {
    entries = next
    try {
      storage?.setItem(STORAGE_KEY, JSON.stringify(next))
    } catch {
      // Full or unavailable storage: the list still works for this page's life.
    }
    for (const listener of listeners) listener()
  }

  return {
    add(notice, at = Date.now()) {
      const entry: AlertEntry = {
        id: ++nextId,
        at,
        level: notice.level,
        title: notice.title,
        message: notice.message,
        source: notice.source ?? 'app',
        ...(notice.link ? { link: notice.link } : {}),
        read: false,
      }
      commit([entry, ...entries].slice(0, ALERT_LOG_LIMIT))
      return entry
    },
    markAllRead() {
      if (entries.every((entry) => entry.read)) return
      commit(entries.map((entry) => (entry.read ? entry : { ...entry, read: true })))
    },
    clear() {
      if (entries.length) commit([])
    },
    entries: () => entries,
    subscribe(onChange) {
      listeners.add(onChange)
      return () => listeners.delete(onChange)
    },
  }
}

function restore(storage: Pick<Storage, 'getItem'> | null): AlertEntry[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(STORAGE_KEY) ?? '[]')
    return Array.isArray(parsed) ? parsed.filter(isEntry).slice(0, ALERT_LOG_LIMIT) : []
  } catch {
    return []
  }
}

function isEntry(value: unknown): value is AlertEntry {
  if (typeof value !== 'object' || value === null) return false
  const entry = value as Record<string, unknown>
  return (
    typeof entry.id === 'number' &&
    typeof entry.at === 'number' &&
    typeof entry.title === 'string' &&
    typeof entry.message === 'string' &&
    typeof entry.read === 'boolean'
  )
}
