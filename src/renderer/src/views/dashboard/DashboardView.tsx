import { ActionIcon, Alert, Group, Loader, Stack, Text, Title, Tooltip } from '@mantine/core'
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react'
import { useQuery } from '../../api'
import { AppStatus } from './AppStatus'

export function DashboardView() {
  const { data, error, loading, refresh } = useQuery('app:info')
  return (
    <Stack gap="lg" component="section" aria-labelledby="dashboard-title">
      <Group justify="space-between">
        <div>
          <Title order={2} id="dashboard-title">
            Dashboard
          </Title>
          <Text c="dimmed" size="sm">
            Application status. Proxy health, costs and assignments will be summarised here.
          </Text>
        </div>
        <Tooltip label="Refresh status">
          <ActionIcon
            variant="default"
            size="lg"
            aria-label="Refresh status"
            loading={loading}
            onClick={refresh}
          >
            <IconRefresh size={18} />
          </ActionIcon>
        </Tooltip>
      </Group>
      {error && (
        <Alert color="red" title="Status unavailable" icon={<IconAlertTriangle />} role="alert">
          {error.message}
        </Alert>
      )}
      {data ? (
        <AppStatus info={data} />
      ) : (
        loading && !error && <Loader aria-label="Loading status" />
      )}
    </Stack>
  )
}
