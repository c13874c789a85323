import { Button, Group, Text } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import type { AppError } from '../../../../shared/errors'
import { ruleName } from '../../components'

interface ForceAssignButtonProps {
  error: AppError | null | undefined
  loading: boolean
  onForce: () => void
  label?: string
}

/**
 * After an `exit_collision` refusal (whose message names both proxies and the shared exit), the
 * explicit override: main assigns anyway and writes the collision into the history row.
 */
export function ForceAssignButton({ error, loading, onForce, label }: ForceAssignButtonProps) {
  if (ruleName(error) !== 'exit_collision') return null
  return (
    <Group justify="space-between" gap="sm" wrap="nowrap">
      <Text size="xs" c="dimmed">
        Overriding links the two models through that exit; the History records it as yours.
      </Text>
      <Button
        color="orange"
        variant="light"
        leftSection={<IconAlertTriangle size={16} />}
        // Never squeezed by the explanation beside it (its label clipped to "Assign any…").
        style={{ flexShrink: 0 }}
        loading={loading}
        onClick={onForce}
      >
        {label ?? 'Assign anyway'}
      </Button>
    </Group>
  )
}
