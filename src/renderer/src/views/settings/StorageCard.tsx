import { Code, Stack, Table, Text, Title } from '@mantine/core'
import type { AppInfo } from '../../../../shared/contracts/app'
import { formatCount } from '../../lib/format'

/** Where the data lives and how much of it there is, table by table (inside Settings → Storage). */
export function StorageCard({ info }: { info: AppInfo }) {
  const rows = Object.entries(info.db.rows).sort(([a], [b]) => a.localeCompare(b))
  return (
    <Stack gap="md">
      <Title order={4} size="h5">
        Files and tables
      </Title>
      <div>
        <Text size="sm" fw={600} id="data-dir-label">
          Data directory
        </Text>
        <Code block aria-labelledby="data-dir-label" mt={4}>
          {info.dataDir}
        </Code>
      </div>
      <div>
        <Text size="sm" fw={600} id="db-path-label">
          Database file
        </Text>
        <Code block aria-labelledby="db-path-label" mt={4}>
          {info.db.path}
        </Code>
      </div>
      <Table striped withTableBorder verticalSpacing={6} aria-label="Rows per table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Table</Table.Th>
            <Table.Th ta="right">Rows</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(([table, count]) => (
            <Table.Tr key={table}>
              <Table.Td ff="monospace">{table}</Table.Td>
              <Table.Td ta="right">{formatCount(count)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}
