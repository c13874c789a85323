import { Card, Group, Progress, SimpleGrid, Text, Title, Tooltip } from '@mantine/core'
import type { AnalyticsSummary } from '../../../../shared/contracts/analytics'
import { proxyStatuses } from '../../../../shared/domain'
import { statusColor, statusLabel } from '../../components/StatusBadge'
import { formatCount } from '../../lib/format'

/** Proxies by status as one stacked bar, plus the ones failing checks or never checked. */
export function HealthCard({ health }: { health: AnalyticsSummary['health'] }) {
  const total = proxyStatuses.reduce((sum, status) => sum + health.byStatus[status], 0)
  return (
    <Card withBorder radius="md" padding="lg">
      <Title order={3} size="h4" mb="sm" id="health-title">
        Health
      </Title>
      <Progress.Root size={14} radius="xl" aria-hidden mb="md">
        {total === 0 ? (
          <Progress.Section value={100} color="gray.3" />
        ) : (
          proxyStatuses.map((status) => (
            <Tooltip key={status} label={`${statusLabel(status)}: ${health.byStatus[status]}`}>
              <Progress.Section
                value={(health.byStatus[status] / total) * 100}
                color={statusColor(status)}
              />
            </Tooltip>
          ))
        )}
      </Progress.Root>
      <SimpleGrid cols={2} spacing="xs" role="list" aria-labelledby="health-title">
        {proxyStatuses.map((status) => (
          <HealthFigure
            key={status}
            label={statusLabel(status)}
            color={statusColor(status)}
            value={health.byStatus[status]}
          />
        ))}
        <HealthFigure label="Failing checks" color="red" value={health.failing} />
        <HealthFigure label="Never tested" color="gray" value={health.neverTested} />
      </SimpleGrid>
    </Card>
  )
}

function HealthFigure({ label, color, value }: { label: string; color: string; value: number }) {
  return (
    <Group gap="xs" wrap="nowrap" role="listitem" aria-label={`${label}: ${value}`}>
      <div
        style={{
          width: 10,
          height: 10,
          borderRadius: 5,
          // Grey's filled shade vanishes on the dark background; a lighter grey reads in both schemes.
          background:
            color === 'gray'
              ? 'var(--mantine-color-gray-5)'
              : `var(--mantine-color-${color}-filled)`,
          flexShrink: 0,
        }}
      />
      <Text size="sm" style={{ flex: 1 }}>
        {label}
      </Text>
      <Text size="sm" fw={650}>
        {formatCount(value)}
      </Text>
    </Group>
  )
}
