import {
  createContext,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react'
import { createAlertLog, type AlertLog } from './alert-log'
import { keptInAlertList, MAX_TOASTS, type Notice } from './notice'
import { NoticeStack, type Toast } from './NoticeStack'

export type { Notice } from './notice'

const NoticesContext = createContext<(notice: Notice) => void>(() => {})
const AlertLogContext = createContext<AlertLog>(createAlertLog(null))

function sessionStore(): Storage | null {
  try {
    return window.sessionStorage
  } catch {
    return null
  }
}

/**
 * Transient messages in a corner stack (no extra package: @mantine/notifications is not a
 * dependency). Each closes by itself and at most three show at once; what needs the operator later
 * (errors, monitor alerts, finished runs, imports, exports) is kept in the header's alert list.
 */
export function NoticesProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([])
  const nextId = useRef(0)
  const [log] = useState(() => createAlertLog(sessionStore()))

  const dismiss = useCallback((id: number) => {
    setToasts((current) => current.filter((toast) => toast.id !== id))
  }, [])

  const notify = useCallback(
    (notice: Notice) => {
      if (keptInAlertList(notice)) log.add(notice)
      if (notice.quiet) return
      const id = ++nextId.current
      setToasts((current) => [...current.slice(-(MAX_TOASTS - 1)), { ...notice, id }])
    },
    [log],
  )

  const value = useMemo(() => notify, [notify])
  return (
    <AlertLogContext.Provider value={log}>
      <NoticesContext.Provider value={value}>
        {children}
        <NoticeStack toasts={toasts} onDismiss={dismiss} />
      </NoticesContext.Provider>
    </AlertLogContext.Provider>
  )
}

export function useNotify(): (notice: Notice) => void {
  return useContext(NoticesContext)
}

/** The alert list (newest first) and its controls, for the header bell. */
export function useAlertLog() {
  const log = useContext(AlertLogContext)
  const entries = useSyncExternalStore(log.subscribe, log.entries, log.entries)
  const unread = entries.filter((entry) => !entry.read).length
  return { entries, unread, markAllRead: log.markAllRead, clear: log.clear }
}
