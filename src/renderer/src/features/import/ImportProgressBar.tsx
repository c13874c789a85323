import { Progress, Stack, Text } from '@mantine/core'
import type { ImportProgress } from '../../../../shared/import-types'
import { formatBytes, formatCount } from '../../lib/format'
import { phaseLabels } from './import-labels'
import { useImportProgress } from './use-import-progress'

/**
 * The running phase with a bar; indeterminate (striped, full) while the total is unknown. While a
 * large list is still being sent to main (`sending`, in characters), that comes first. It follows
 * `import:progress` itself, so an event re-renders the bar and not the whole dialog.
 */
export function ImportProgressBar({
  importId,
  sending = null,
  idle,
}: {
  /** Only this batch's events once known (the commit); any batch's before (the preview). */
  importId: string | null
  sending?: { done: number; total: number } | null
  idle: string
}) {
  const progress: ImportProgress | null = useImportProgress(true, importId)
  const total = sending ? sending.total : (progress?.total ?? null)
  const done = sending ? sending.done : (progress?.done ?? 0)
  const value = (sending || progress) && total ? Math.min(100, (done / total) * 100) : 100
  const label = sending
    ? `Sending the list to ProxyDeck: ${formatBytes(sending.done)} of ${formatBytes(sending.total)}`
    : progress
      ? `${phaseLabels[progress.phase]}: ${formatCount(progress.done)}${total ? ` of ${formatCount(total)}` : ''}`
      : idle
  return (
    <Stack gap={4} aria-live="polite">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Progress
        value={value}
        striped={!total}
        animated
        aria-label="Import progress"
        transitionDuration={150}
      />
    </Stack>
  )
}
