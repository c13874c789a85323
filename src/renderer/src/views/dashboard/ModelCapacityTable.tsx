import { Anchor, Badge, Card, Table, Text, Title } from '@mantine/core'
import type { AnalyticsSummary } from '../../../../shared/contracts/analytics'
import { formatCents, formatCount } from '../../lib/format'
import { UtilizationBar } from './UtilizationBar'

/** Per model: the proxies serving it, accounts still waiting, and what each account costs. */
export function ModelCapacityTable({ rows }: { rows: AnalyticsSummary['byModel'] }) {
  return (
    <Card withBorder radius="md" padding="lg">
      <Title order={3} size="h4" mb="sm" id="by-model-title">
        By model
      </Title>
      {rows.length === 0 ? (
        <Text c="dimmed" size="sm">
          No models yet. <Anchor href="#/accounts">Create a model</Anchor> and its accounts, then
          auto-assign proxies.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={620}>
          <Table verticalSpacing={6} aria-labelledby="by-model-title" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Model</Table.Th>
                <Table.Th ta="right">Proxies</Table.Th>
                <Table.Th ta="right">Assigned / slots</Table.Th>
                <Table.Th>Utilization</Table.Th>
                <Table.Th ta="right">Waiting</Table.Th>
                <Table.Th ta="right">Monthly</Table.Th>
                <Table.Th ta="right">Per account</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.modelId}>
                  <Table.Td fw={600}>{row.name}</Table.Td>
                  <Table.Td ta="right">{formatCount(row.proxies)}</Table.Td>
                  <Table.Td ta="right">
                    {formatCount(row.assignedAccounts)} / {formatCount(row.capacity)}
                  </Table.Td>
                  <Table.Td>
                    <UtilizationBar
                      used={row.assignedAccounts}
                      capacity={row.capacity}
                      ratio={row.utilization}
                      label={`Utilization of ${row.name}`}
                    />
                  </Table.Td>
                  <Table.Td ta="right">
                    {row.unassignedAccounts > 0 ? (
                      <Badge color="orange" variant="light" size="sm">
                        {formatCount(row.unassignedAccounts)}
                      </Badge>
                    ) : (
                      <Text span size="sm" c="dimmed">
                        0
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{formatCents(row.monthlyCostCents)}</Table.Td>
                  <Table.Td ta="right">{formatCents(row.costPerAccountCents)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  )
}
