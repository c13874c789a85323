import { ActionIcon, Group, Skeleton, Stack, Text, Title, Tooltip } from '@mantine/core'
import { IconRefresh } from '@tabler/icons-react'
import { useQuery } from '../../api'
import { ErrorAlert } from '../../components/ErrorAlert'
import { AnalyticsSection } from './AnalyticsSection'
import { AppStatus } from './AppStatus'
import { ExitCollisionsCard } from './ExitCollisionsCard'

export function DashboardView() {
  const info = useQuery('app:info')
  const analytics = useQuery('analytics:summary')
  const loading = info.loading || analytics.loading
  const refresh = () => {
    info.refresh()
    analytics.refresh()
  }
  return (
    <Stack gap="xl" component="section" aria-labelledby="dashboard-title">
      <Group justify="space-between">
        <div>
          <Title order={1} size="h2" id="dashboard-title">
            Dashboard
          </Title>
          <Text c="dimmed" size="sm">
            Capacity, costs and health of the proxy pool, and the application's status.
          </Text>
        </div>
        <Tooltip label="Refresh">
          <ActionIcon
            variant="default"
            size="lg"
            aria-label="Refresh dashboard"
            loading={loading}
            onClick={refresh}
          >
            <IconRefresh size={18} />
          </ActionIcon>
        </Tooltip>
      </Group>
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
      <ExitCollisionsCard />
      <Stack gap="lg" component="section" aria-labelledby="app-status-title">
        <Title order={3} id="app-status-title">
          Application
        </Title>
        <ErrorAlert error={info.error} title="Status unavailable" onRetry={info.refresh} />
        {info.data ? (
          <AppStatus info={info.data} />
        ) : (
          !info.error && <Skeleton height={120} radius="md" aria-label="Loading status" />
        )}
      </Stack>
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
