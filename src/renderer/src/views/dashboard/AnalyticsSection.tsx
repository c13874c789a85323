import { Anchor, Card, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { IconServerOff } from '@tabler/icons-react'
import type { AnalyticsSummary } from '../../../../shared/contracts/analytics'
import { formatDateTime } from '../../lib/format'
import { AnalyticsOverview } from './AnalyticsOverview'
import { CostCharts } from './CostCharts'
import { ExpiringCard } from './ExpiringCard'
import { HealthCard } from './HealthCard'
import { ModelCapacityTable } from './ModelCapacityTable'
import { ProviderCapacityTable } from './ProviderCapacityTable'

/** Everything `analytics:summary` says, laid out from headline figures down to the detail. */
export function AnalyticsSection({ summary }: { summary: AnalyticsSummary }) {
  return (
    <Stack gap="lg" component="section" aria-labelledby="analytics-title">
      <div>
        <Title order={3} id="analytics-title">
          Capacity and costs
        </Title>
        <Text size="xs" c="dimmed">
          As of {formatDateTime(summary.generatedAt)}
        </Text>
      </div>
      {summary.capacity.proxies === 0 && <NoProxiesYet />}
      <AnalyticsOverview summary={summary} />
      <CostCharts summary={summary} />
      <ProviderCapacityTable rows={summary.byProvider} />
      <ModelCapacityTable rows={summary.byModel} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <HealthCard health={summary.health} />
        <ExpiringCard expiring={summary.expiring} now={summary.generatedAt} />
      </SimpleGrid>
    </Stack>
  )
}

function NoProxiesYet() {
  return (
    <Card withBorder radius="md" padding="lg">
      <Stack align="center" gap={6} py="sm">
        <ThemeIcon variant="light" size={40} radius="xl" color="gray">
          <IconServerOff size={22} aria-hidden />
        </ThemeIcon>
        <Text fw={600}>No proxies yet</Text>
        <Text size="sm" c="dimmed" ta="center" maw={520}>
          Add a <Anchor href="#/providers">provider</Anchor>, then import or add its{' '}
          <Anchor href="#/proxies">proxies</Anchor>. Capacity, costs and health appear here as soon
          as there is something to count.
        </Text>
      </Stack>
    </Card>
  )
}
