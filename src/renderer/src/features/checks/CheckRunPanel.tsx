import { Button, CloseButton, Group, Paper, Progress, ScrollArea, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { toAppError, useApi } from '../../api'
import { formatCount } from '../../lib/format'
import { useNotify } from '../../shell/notices'
import { FailureGroups } from './FailureGroups'
import { useCheckRun, type RunCounts } from './use-check-run'

function Count({ label, value, color }: { label: string; value: number; color?: string }) {
  return (
    <Text size="sm" aria-label={`${label}: ${value}`}>
      <Text span c="dimmed">
        {label}{' '}
      </Text>
      <Text span fw={700} c={value > 0 ? color : undefined}>
        {formatCount(value)}
      </Text>
    </Text>
  )
}

/**
 * The running (or just finished) connection test: a bar, counts, cancel, and the failures grouped
 * by error class with an action per group (FailureGroups). Renders nothing when no run has been seen.
 */
export function CheckRunPanel({ onFinished }: { onFinished?: (run: RunCounts) => void }) {
  const client = useApi()
  const notify = useNotify()
  const { run, results, dismiss } = useCheckRun(onFinished)
  const [cancelling, setCancelling] = useState(false)
  // A background round that found nothing wrong is not worth a panel once it is over.
  if (!run || (run.origin === 'monitor' && run.finished && run.failed === 0)) return null

  async function cancel(runId: string) {
    setCancelling(true)
    try {
      await client.call('proxies:testCancel', { runId })
    } catch (cause) {
      notify({ level: 'error', title: 'Cannot cancel', message: toAppError(cause).message })
    } finally {
      setCancelling(false)
    }
  }

  const percent = run.total ? (run.done / run.total) * 100 : 100
  const noun = run.origin === 'monitor' ? 'Health check' : 'Test'
  const title = run.finished
    ? `${noun} ${run.cancelled ? 'cancelled' : 'finished'}`
    : run.origin === 'monitor'
      ? 'Health check running'
      : 'Testing proxies'
  const failures = results.filter((result) => !result.ok)

  return (
    <Paper withBorder radius="md" p="md" role="region" aria-label="Test progress">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="sm">
            <Text fw={650} aria-live="polite">
              {title}
            </Text>
            <Text size="sm" c="dimmed">
              {formatCount(run.done)} of {formatCount(run.total)}
            </Text>
          </Group>
          {run.finished ? (
            <CloseButton aria-label="Dismiss test results" onClick={dismiss} />
          ) : (
            <Button
              size="xs"
              variant="light"
              color="red"
              loading={cancelling}
              onClick={() => void cancel(run.runId)}
            >
              Cancel test
            </Button>
          )}
        </Group>
        <Progress
          value={percent}
          animated={!run.finished}
          color={run.finished ? (run.failed > 0 ? 'orange' : 'teal') : 'blue'}
          aria-label="Tested"
        />
        <Group gap="lg">
          <Count label="OK" value={run.ok} color="teal" />
          <Count label="Failed" value={run.failed} color="red" />
          {run.judgeFailed > 0 && (
            <Count label="Check sites unreachable" value={run.judgeFailed} color="yellow" />
          )}
          {run.skipped > 0 && <Count label="Skipped" value={run.skipped} />}
          {!run.finished && <Count label="Remaining" value={run.remaining} />}
        </Group>
        {failures.length > 0 && (
          <ScrollArea.Autosize mah={240}>
            <FailureGroups failures={failures} />
          </ScrollArea.Autosize>
        )}
      </Stack>
    </Paper>
  )
}
