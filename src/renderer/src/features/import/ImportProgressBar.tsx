import { Progress, Stack, Text } from '@mantine/core'
import type { ImportProgress } from '../../../../shared/import-types'
import { formatCount } from '../../lib/format'
import { phaseLabels } from './import-labels'

/** The running phase with a bar; indeterminate (striped, full) while the total is unknown. */
export function ImportProgressBar({
  progress,
  idle,
}: {
  progress: ImportProgress | null
  idle: string
}) {
  const total = progress?.total ?? null
  const value = progress && total ? Math.min(100, (progress.done / total) * 100) : 100
  const label = progress
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
