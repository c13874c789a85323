import { Alert, Button, Group, List, Stack, Text } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import type { AppError } from '../../../shared/errors'
import { errorTitle, validationIssues } from './form-errors'

interface ErrorAlertProps {
  error: AppError | null | undefined
  /** Overrides the heading derived from the error code. */
  title?: string
  onRetry?: () => void
  /** Hide validation issues already shown next to their fields. */
  hideIssues?: boolean
}

/** An AppError from main in plain words, with its validation issues listed. Renders nothing without one. */
export function ErrorAlert({ error, title, onRetry, hideIssues = false }: ErrorAlertProps) {
  if (!error) return null
  const issues = hideIssues ? [] : validationIssues(error)
  return (
    <Alert
      color="red"
      variant="light"
      role="alert"
      title={title ?? errorTitle(error)}
      icon={<IconAlertTriangle size={18} />}
    >
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text size="sm">{issues.length ? 'Please check these values:' : error.message}</Text>
          {onRetry && (
            <Button size="xs" variant="white" color="red" onClick={onRetry}>
              Retry
            </Button>
          )}
        </Group>
        {issues.length > 0 && (
          <List size="sm" spacing={2}>
            {issues.map((issue, index) => (
              <List.Item key={`${issue.path}-${index}`}>
                {issue.path ? <b>{issue.path}: </b> : null}
                {issue.message}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Alert>
  )
}
