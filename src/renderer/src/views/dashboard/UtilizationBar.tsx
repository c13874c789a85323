import { Group, Progress, Text, type MantineSize, type MantineSpacing } from '@mantine/core'
import { formatPercent } from '../../lib/format'

/** Colour by how full: room to spare is calm, nearly full warns before the pool runs out. */
export function utilizationColor(ratio: number): string {
  if (ratio >= 0.95) return 'red'
  if (ratio >= 0.8) return 'orange'
  return 'indigo'
}

interface UtilizationProgressProps {
  ratio: number
  /** Names the bar for screen readers, e.g. "Utilization of Acme". */
  label: string
  /** What a screen reader says for the value, e.g. "3 of 4 slots used". */
  valueText: string
  size?: MantineSize
  mb?: MantineSpacing
  flex?: boolean
}

/**
 * A utilization bar whose progressbar role, name and value text sit on the same element. Mantine's
 * `<Progress aria-label>` names the inner bar but puts any other aria attribute on the role-less
 * root (axe `aria-allowed-attr`), and fixes the inner bar's value text to "NN%".
 */
export function UtilizationProgress({
  ratio,
  label,
  valueText,
  size = 'sm',
  mb,
  flex,
}: UtilizationProgressProps) {
  const percent = Math.min(100, ratio * 100)
  return (
    <Progress.Root size={size} radius="xl" mb={mb} style={flex ? { flex: 1 } : undefined}>
      <Progress.Section
        value={percent}
        color={utilizationColor(ratio)}
        withAria={false}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(percent)}
        aria-valuetext={valueText}
      />
    </Progress.Root>
  )
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
      <UtilizationProgress
        ratio={ratio}
        label={label}
        valueText={`${used} of ${capacity} slots used`}
        size={size}
        flex
      />
      <Text size="xs" c="dimmed" w={36} ta="right">
        {formatPercent(ratio)}
      </Text>
    </Group>
  )
}
