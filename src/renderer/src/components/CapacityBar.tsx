import { Group, Progress, Text } from '@mantine/core'
import { formatCount } from '../lib/format'

interface CapacityBarProps {
  used: number
  capacity: number
  /** Bar width; the numbers sit to its right. */
  width?: number
  label?: string
}

/** `used/capacity` with a small bar: teal with room, yellow when nearly full, red when full. */
export function CapacityBar({ used, capacity, width = 56, label = 'Accounts' }: CapacityBarProps) {
  const ratio = capacity > 0 ? used / capacity : 0
  const color = ratio >= 1 ? 'red' : ratio >= 0.75 ? 'yellow' : 'teal'
  return (
    <Group gap={8} wrap="nowrap">
      <Progress
        value={Math.min(100, ratio * 100)}
        color={color}
        size="sm"
        w={width}
        aria-label={`${label}: ${used} of ${capacity}`}
      />
      <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
        {formatCount(used)}/{formatCount(capacity)}
      </Text>
    </Group>
  )
}
