import { Modal, Stack, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { FormFooter } from './FormFooter'

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
  /** The confirmation still needs an answer (e.g. a required note). */
  confirmDisabled?: boolean
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
        <FormFooter
          submitLabel={confirmLabel}
          submitColor={confirmColor}
          onSubmit={onConfirm}
          onCancel={onClose}
          loading={loading}
          disabled={props.confirmDisabled}
          extraActions={extraActions}
          autoFocus
        />
      </Stack>
    </Modal>
  )
}
