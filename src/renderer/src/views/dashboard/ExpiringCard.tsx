import { Badge, Card, Group, ScrollArea, Table, Text, Title } from '@mantine/core'
import type { AnalyticsSummary } from '../../../../shared/contracts/analytics'
import { formatCount, formatDateTime, formatRelative } from '../../lib/format'
import { ProxyLink } from '../../components'

/** Proxies running out within the week, soonest first, each a link to renew or replace it. */
export function ExpiringCard({
  expiring,
  now,
}: {
  expiring: AnalyticsSummary['expiring']
  now: number
}) {
  const hidden = expiring.count - expiring.items.length
  return (
    <Card withBorder radius="md" padding="lg">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4" id="expiring-title">
          Expiring within {expiring.withinDays} days
        </Title>
        <Badge variant="light" color={expiring.count > 0 ? 'yellow' : 'gray'}>
          {formatCount(expiring.count)}
        </Badge>
      </Group>
      {expiring.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No proxy expires in the next {expiring.withinDays} days.
        </Text>
      ) : (
        <ScrollArea.Autosize mah={280} type="auto">
          <Table verticalSpacing={4} aria-labelledby="expiring-title" stickyHeader>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Proxy</Table.Th>
                <Table.Th>Provider</Table.Th>
                <Table.Th ta="right">Expires</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {expiring.items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>
                    <ProxyLink id={item.id} label={item.label} />
                  </Table.Td>
                  <Table.Td>{item.providerName}</Table.Td>
                  <Table.Td ta="right" title={formatDateTime(item.expiresAt)}>
                    {formatRelative(item.expiresAt, now)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
      {hidden > 0 && (
        <Text size="xs" c="dimmed" mt="xs">
          And {formatCount(hidden)} more; sort the Proxies view by expiry to see them all.
        </Text>
      )}
    </Card>
  )
}
