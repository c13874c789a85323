import { ActionIcon, Group, Skeleton, Stack, Text, Title, Tooltip } from '@mantine/core'
import { IconRefresh } from '@tabler/icons-react'
import { useQuery } from '../../api'
import { ErrorAlert } from '../../components/ErrorAlert'
import { AnalyticsSection } from './AnalyticsSection'
import { ExitCollisionsCard } from './ExitCollisionsCard'
import { KeychainAlert } from './KeychainAlert'
import { TrendsSection, useTrends } from './TrendsSection'

/**
 * What the operator acts on: capacity, costs, trends and health. The application's own internals
 * (database file, row counts, journal mode) live in Settings → Storage; only a keychain problem,
 * which stops passwords from working, is raised here too.
 */
export function DashboardView() {
  const info = useQuery('app:info')
  const analytics = useQuery('analytics:summary')
  const trends = useTrends()
  const refresh = () => {
    info.refresh()
    analytics.refresh()
    trends.refresh()
  }
  return (
    <Stack gap="xl" component="section" aria-labelledby="dashboard-title">
      <Group justify="space-between">
        <div>
          <Title order={1} size="h2" id="dashboard-title">
            Dashboard
          </Title>
          <Text c="dimmed" size="sm">
            Capacity, costs, trends and health of the proxy pool.
          </Text>
        </div>
        <Tooltip label="Refresh">
          <ActionIcon
            variant="default"
            size="lg"
            aria-label="Refresh dashboard"
            loading={analytics.loading}
            onClick={refresh}
          >
            <IconRefresh size={18} />
          </ActionIcon>
        </Tooltip>
      </Group>
      {info.data && <KeychainAlert keychain={info.data.keychain} />}
      <ErrorAlert
        error={analytics.error}
        title="Analytics unavailable"
        onRetry={analytics.refresh}
      />
      {analytics.data ? (
        <AnalyticsSection summary={analytics.data} />
      ) : (
        !analytics.error && <AnalyticsSkeleton />
      )}
      <TrendsSection trends={trends} />
      <ExitCollisionsCard />
    </Stack>
  )
}

function AnalyticsSkeleton() {
  return (
    <Stack gap="lg" aria-busy="true" aria-label="Loading analytics">
      <Group grow>
        {[0, 1, 2, 3].map((key) => (
          <Skeleton key={key} height={118} radius="md" />
        ))}
      </Group>
      <Skeleton height={220} radius="md" />
    </Stack>
  )
}
