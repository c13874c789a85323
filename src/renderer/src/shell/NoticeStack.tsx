import { Anchor, Notification, Portal, Stack, Text } from '@mantine/core'
import { useEffect, useState } from 'react'
import { autoCloseMs, levelColors, type Notice } from './notice'

export type Toast = Notice & { id: number }

interface NoticeStackProps {
  toasts: Toast[]
  onDismiss: (id: number) => void
}

/**
 * Bottom left, over the navigation's empty lower part: the views keep their primary actions at
 * the top right (Test, Import, Export, Add proxy), tables their row actions and pagination at the
 * right, drawers open on the right with their buttons, and the stack is no wider than the
 * navigation, so nothing of a view sits under a toast (on a narrow window, with the navigation
 * folded away, it covers the bottom left for its few seconds).
 */
export function NoticeStack({ toasts, onDismiss }: NoticeStackProps) {
  return (
    <Portal>
      <Stack
        gap="xs"
        // Within the 220 px navigation when it shows, so no row of a view's table sits under it.
        w={{ base: 300, sm: 196 }}
        maw="calc(100vw - 24px)"
        pos="fixed"
        bottom={16}
        left={12}
        style={{ zIndex: 1000 }}
        aria-live="polite"
        data-notice-stack
      >
        {toasts.map((toast) => (
          <ToastCard key={toast.id} toast={toast} onDismiss={onDismiss} />
        ))}
      </Stack>
    </Portal>
  )
}

function ToastCard({ toast, onDismiss }: { toast: Toast; onDismiss: (id: number) => void }) {
  // Held open while pointed at or focused, so a toast being read or clicked does not vanish.
  const [hovered, setHovered] = useState(false)
  const [focused, setFocused] = useState(false)
  const held = hovered || focused
  const { id, level } = toast
  useEffect(() => {
    if (held) return
    const timer = setTimeout(() => onDismiss(id), autoCloseMs(level))
    return () => clearTimeout(timer)
  }, [held, id, level, onDismiss])

  return (
    <Notification
      color={levelColors[level]}
      title={toast.title}
      role={level === 'error' ? 'alert' : 'status'}
      withBorder
      closeButtonProps={{ 'aria-label': 'Dismiss notification' }}
      onClose={() => onDismiss(id)}
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocused(false)
      }}
    >
      <Text size="sm" lineClamp={4}>
        {toast.message}
      </Text>
      {toast.link && (
        <Anchor href={toast.link.href} size="sm" onClick={() => onDismiss(id)}>
          {toast.link.label}
        </Anchor>
      )}
    </Notification>
  )
}
