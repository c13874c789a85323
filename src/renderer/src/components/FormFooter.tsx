import { Button, Group } from '@mantine/core'
import type { ReactNode } from 'react'

export interface FormFooterProps {
  /** The primary action's label ("Save proxy", "Add 20 accounts"). */
  submitLabel: ReactNode
  onCancel: () => void
  /** Without it the primary button submits its form (`type="submit"`). */
  onSubmit?: () => void
  submitColor?: string
  /** Spinner on the primary button; Cancel waits too. */
  loading?: boolean
  disabled?: boolean
  cancelLabel?: string
  /** Buttons placed before Cancel, e.g. a second, stronger choice. */
  extraActions?: ReactNode
  /** Focus the primary button when a dialog opens (confirmations). */
  autoFocus?: boolean
}

/**
 * The row every form and dialog ends with: optional extra actions, Cancel, and the primary
 * action on the right. One component, so every dialog's buttons sit and behave alike.
 */
export function FormFooter(props: FormFooterProps) {
  const { submitLabel, onCancel, onSubmit, submitColor, loading = false, disabled = false } = props
  return (
    <Group justify="flex-end" gap="sm">
      {props.extraActions}
      <Button variant="default" onClick={onCancel} disabled={loading}>
        {props.cancelLabel ?? 'Cancel'}
      </Button>
      <Button
        type={onSubmit ? 'button' : 'submit'}
        color={submitColor}
        onClick={onSubmit}
        loading={loading}
        disabled={disabled}
        data-autofocus={props.autoFocus ? true : undefined}
      >
        {submitLabel}
      </Button>
    </Group>
  )
}
