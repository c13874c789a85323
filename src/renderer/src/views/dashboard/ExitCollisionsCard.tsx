import { Anchor, Badge, Card, Group, List, ScrollArea, Stack, Text, Title } from '@mantine/core'
import type { ExitCollisionDto } from '../../../../shared/contracts/assignments'
import { useQuery } from '../../api'
import { ErrorAlert } from '../../components/ErrorAlert'
import { formatCount, formatDateTime } from '../../lib/format'
import { ProxyLink } from '../../components'

/**
 * The isolation guard's open findings: pairs of proxies serving different models whose recent exits
 * share an address, with the accounts each pair links. Reads its own channel, so it refreshes when
 * a check run or an assignment changes what it shows.
 */
export function ExitCollisionsCard() {
  const collisions = useQuery('assignments:collisions')
  const list = collisions.data ?? []
  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component="section"
      aria-labelledby="collisions-title"
      data-testid="exit-collisions-card"
    >
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4" id="collisions-title">
          Exit collisions
        </Title>
        <Badge variant="light" color={list.length > 0 ? 'red' : 'gray'}>
          {formatCount(list.length)}
        </Badge>
      </Group>
      <ErrorAlert
        error={collisions.error}
        title="Collisions unavailable"
        onRetry={collisions.refresh}
      />
      {!collisions.error && list.length === 0 ? (
        <Text size="sm" c="dimmed">
          {collisions.loading
            ? 'Looking for shared exits…'
            : 'No two proxies of different models share a recent exit.'}
        </Text>
      ) : (
        <ScrollArea.Autosize mah={320} type="auto">
          <Stack gap="sm">
            {list.map((collision) => (
              <CollisionItem
                key={`${collision.proxyId}-${collision.otherProxyId}`}
                collision={collision}
              />
            ))}
          </Stack>
        </ScrollArea.Autosize>
      )}
      {list.length > 0 && (
        <Anchor href="#/proxies?collision=1" size="xs" mt="xs">
          Show the colliding proxies
        </Anchor>
      )}
    </Card>
  )
}

function CollisionItem({ collision: c }: { collision: ExitCollisionDto }) {
  const hidden = c.accountCount - c.accounts.length
  const models = new Map([
    [c.modelId, c.modelName],
    [c.otherModelId, c.otherModelName],
  ])
  return (
    <Stack gap={4} role="group" aria-label={`Exit collision on ${c.address}`}>
      <Group gap={6} wrap="wrap">
        <ProxyLink id={c.proxyId} label={c.proxyLabel} />
        <Text size="sm">({c.modelName})</Text>
        <Text size="sm">and</Text>
        <ProxyLink id={c.otherProxyId} label={c.otherProxyLabel} />
        <Text size="sm">({c.otherModelName})</Text>
        <Text size="sm">both leave from</Text>
        <Text size="sm" ff="monospace" fw={600}>
          {c.address}
        </Text>
        {c.forced && (
          <Badge size="xs" color="orange" variant="light">
            forced
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed" title={formatDateTime(c.lastSeenAt)}>
        Last seen {formatDateTime(c.lastSeenAt)}. Accounts linked:
      </Text>
      <List size="xs" spacing={0} withPadding>
        {c.accounts.map((account) => (
          <List.Item key={account.id}>
            {account.username} ({account.platform}, {models.get(account.modelId) ?? 'model'})
          </List.Item>
        ))}
        {hidden > 0 && <List.Item>and {formatCount(hidden)} more</List.Item>}
      </List>
    </Stack>
  )
}
