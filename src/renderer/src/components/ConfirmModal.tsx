import { Button, Group, Modal, Stack, Text } from '@mantine/core'
import type { ReactNode } from 'react'

export interface ConfirmModalProps {
  opened: boolean
  title: string
  /** What will happen, in plain words (counts included). */
  children: ReactNode
  confirmLabel: string
  /** Red by default: this modal guards destructive actions. */
  confirmColor?: string
  /** Shows a spinner on the confirm button and blocks closing while the action runs. */
  loading?: boolean
  onConfirm: () => void
  onClose: () => void
  /** Extra buttons placed before Cancel, e.g. a second, stronger choice. */
  extraActions?: ReactNode
}

/** A confirmation dialog for destructive actions (@mantine/modals is not a dependency). */
export function ConfirmModal(props: ConfirmModalProps) {
  const { opened, title, children, confirmLabel, confirmColor = 'red', loading = false } = props
  const { onConfirm, onClose, extraActions } = props
  return (
    <Modal
      opened={opened}
      onClose={() => {
        if (!loading) onClose()
      }}
      title={<Text fw={650}>{title}</Text>}
      centered
      closeButtonProps={{ 'aria-label': 'Close dialog' }}
    >
      <Stack gap="lg">
        {typeof children === 'string' ? <Text size="sm">{children}</Text> : children}
        <Group justify="flex-end" gap="sm">
          {extraActions}
          <Button variant="default" onClick={onClose} disabled={loading}>
            Cancel
          </Button>
          <Button color={confirmColor} onClick={onConfirm} loading={loading} data-autofocus>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
