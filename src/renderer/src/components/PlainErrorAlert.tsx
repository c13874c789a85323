import { Alert } from '@mantine/core'
import { IconBan } from '@tabler/icons-react'
import type { AppError } from '../../../shared/errors'
import { ErrorAlert } from './ErrorAlert'
import { plainError, ruleName } from './rule-messages'

interface PlainErrorAlertProps {
  error: AppError | null | undefined
  title?: string
  onClose?: () => void
}

/**
 * A refusal by an assignment rule in the operator's words (the rule, not the ids); any other
 * error as the shared ErrorAlert shows it.
 */
export function PlainErrorAlert({ error, title, onClose }: PlainErrorAlertProps) {
  if (!error) return null
  if (!ruleName(error)) return <ErrorAlert error={error} title={title} />
  return (
    <Alert
      color="orange"
      variant="light"
      role="alert"
      title={title ?? 'Not allowed'}
      icon={<IconBan size={18} />}
      withCloseButton={onClose !== undefined}
      closeButtonLabel="Dismiss"
      onClose={onClose}
    >
      {plainError(error)}
    </Alert>
  )
}
