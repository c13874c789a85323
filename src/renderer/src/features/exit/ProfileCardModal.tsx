import { Modal, Skeleton, Stack, Text } from '@mantine/core'
import { useQuery } from '../../api'
import { ErrorAlert } from '../../components'
import { ProfileCard } from './ProfileCard'
import { endpointLabel } from '../../../../shared/endpoint'

function Loaded({ proxyId, username }: { proxyId: number; username: string }) {
  const proxy = useQuery('proxies:get', { id: proxyId })
  if (proxy.error) return <ErrorAlert error={proxy.error} onRetry={proxy.refresh} />
  if (!proxy.data) return <Skeleton h={220} radius="md" />
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {username} leaves through{' '}
        <Text span ff="monospace" c="var(--mantine-color-text)">
          {endpointLabel(proxy.data.host, proxy.data.port)}
        </Text>
      </Text>
      <ProfileCard proxy={proxy.data} title="What the browser profile must match" />
    </Stack>
  )
}

/** An account's profile card: its proxy's exit, for setting up the account's browser profile. */
export function ProfileCardModal({
  account,
  onClose,
}: {
  account: { username: string; proxyId: number } | null
  onClose: () => void
}) {
  return (
    <Modal
      opened={account !== null}
      onClose={onClose}
      size="lg"
      title={<Text fw={650}>Profile card: {account?.username}</Text>}
    >
      {account && <Loaded proxyId={account.proxyId} username={account.username} />}
    </Modal>
  )
}
