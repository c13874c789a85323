import { Anchor, Card, Table, Text, Title } from '@mantine/core'
import type { AnalyticsSummary } from '../../../../shared/contracts/analytics'
import { formatCents, formatCount } from '../../lib/format'
import { UtilizationBar } from './UtilizationBar'

/** Slots and spend per provider: where the money goes and which pools still have room. */
export function ProviderCapacityTable({ rows }: { rows: AnalyticsSummary['byProvider'] }) {
  return (
    <Card withBorder radius="md" padding="lg">
      <Title order={3} size="h4" mb="sm" id="by-provider-title">
        By provider
      </Title>
      {rows.length === 0 ? (
        <Text c="dimmed" size="sm">
          No providers yet. <Anchor href="#/providers">Add a provider</Anchor> to track its proxies
          and their cost.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing={6} aria-labelledby="by-provider-title" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Provider</Table.Th>
                <Table.Th ta="right">Proxies</Table.Th>
                <Table.Th ta="right">Used / slots</Table.Th>
                <Table.Th>Utilization</Table.Th>
                <Table.Th ta="right">Monthly</Table.Th>
                <Table.Th ta="right">Idle</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.providerId}>
                  <Table.Td fw={600}>{row.name}</Table.Td>
                  <Table.Td ta="right">{formatCount(row.proxies)}</Table.Td>
                  <Table.Td ta="right">
                    {formatCount(row.used)} / {formatCount(row.capacity)}
                  </Table.Td>
                  <Table.Td>
                    <UtilizationBar
                      used={row.used}
                      capacity={row.capacity}
                      ratio={row.utilization}
                      label={`Utilization of ${row.name}`}
                    />
                  </Table.Td>
                  <Table.Td ta="right">{formatCents(row.monthlyCostCents)}</Table.Td>
                  <Table.Td ta="right" c={row.idleCostCents > 0 ? 'orange' : undefined}>
                    {formatCents(row.idleCostCents)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  )
}
