import { Notification, Portal, Stack } from '@mantine/core'
import {
  createContext,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react'

export interface Notice {
  level: 'info' | 'success' | 'warning' | 'error'
  title: string
  message: string
}

const colors: Record<Notice['level'], string> = {
  info: 'blue',
  success: 'teal',
  warning: 'yellow',
  error: 'red',
}

const NoticesContext = createContext<(notice: Notice) => void>(() => {})

/**
 * Transient messages in a corner stack (no extra package: @mantine/notifications is not a
 * dependency). Errors stay until dismissed so the operator can read them; the rest fade out.
 */
export function NoticesProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<(Notice & { id: number })[]>([])
  const nextId = useRef(0)

  const dismiss = useCallback((id: number) => {
    setNotices((current) => current.filter((notice) => notice.id !== id))
  }, [])

  const notify = useCallback(
    (notice: Notice) => {
      const id = ++nextId.current
      setNotices((current) => [...current.slice(-4), { ...notice, id }])
      if (notice.level !== 'error') setTimeout(() => dismiss(id), 6_000)
    },
    [dismiss],
  )

  const value = useMemo(() => notify, [notify])
  return (
    <NoticesContext.Provider value={value}>
      {children}
      <Portal>
        <Stack
          gap="xs"
          w={360}
          maw="calc(100vw - 32px)"
          pos="fixed"
          top={72}
          right={16}
          style={{ zIndex: 1000 }}
          aria-live="polite"
        >
          {notices.map((notice) => (
            <Notification
              key={notice.id}
              color={colors[notice.level]}
              title={notice.title}
              role={notice.level === 'error' ? 'alert' : 'status'}
              withBorder
              closeButtonProps={{ 'aria-label': 'Dismiss notification' }}
              onClose={() => dismiss(notice.id)}
            >
              {notice.message}
            </Notification>
          ))}
        </Stack>
      </Portal>
    </NoticesContext.Provider>
  )
}

export function useNotify(): (notice: Notice) => void {
  return useContext(NoticesContext)
}
