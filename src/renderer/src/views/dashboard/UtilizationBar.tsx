import { Group, Progress, Text } from '@mantine/core'
import { formatPercent } from '../../lib/format'

/** Colour by how full: room to spare is calm, nearly full warns before the pool runs out. */
export function utilizationColor(ratio: number): string {
  if (ratio >= 0.95) return 'red'
  if (ratio >= 0.8) return 'orange'
  return 'indigo'
}

interface UtilizationBarProps {
  used: number
  capacity: number
  ratio: number
  /** Names the bar for screen readers, e.g. "Utilization of Acme". */
  label: string
  size?: 'sm' | 'md' | 'lg'
}

export function UtilizationBar({ used, capacity, ratio, label, size = 'sm' }: UtilizationBarProps) {
  return (
    <Group gap="xs" wrap="nowrap" miw={140}>
      <Progress
        value={Math.min(100, ratio * 100)}
        color={utilizationColor(ratio)}
        size={size}
        radius="xl"
        style={{ flex: 1 }}
        aria-label={label}
        aria-valuetext={`${used} of ${capacity} slots used`}
      />
      <Text size="xs" c="dimmed" w={36} ta="right">
        {formatPercent(ratio)}
      </Text>
    </Group>
  )
}
