import { Card, Stack, Table, Text, ThemeIcon, Title, VisuallyHidden } from '@mantine/core'
import { IconChartBarOff } from '@tabler/icons-react'
import type { ReactNode } from 'react'

export interface ChartTable {
  columns: string[]
  rows: (string | number)[][]
}

interface ChartCardProps {
  /** Names the card's region and its data table ("Failing proxies per day"). */
  title: string
  id: string
  detail?: ReactNode
  /** Shown instead of the chart when there is nothing to draw: never an empty axis. */
  empty?: { title: string; message: ReactNode } | null
  /** The chart's numbers for screen readers (and the e2e tests): the SVG itself says nothing. */
  table: ChartTable
  children: ReactNode
}

/** A chart in a card, with its figures as a table a screen reader can read. */
export function ChartCard({ title, id, detail, empty, table, children }: ChartCardProps) {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={id}>
      <Title order={3} size="h4" id={id}>
        {title}
      </Title>
      {detail && (
        <Text size="xs" c="dimmed" mb="sm">
          {detail}
        </Text>
      )}
      {empty ? (
        <Stack align="center" gap={6} py="xl" data-testid={`${id}-empty`}>
          <ThemeIcon variant="light" size={36} radius="xl" color="gray">
            <IconChartBarOff size={20} aria-hidden />
          </ThemeIcon>
          <Text fw={600}>{empty.title}</Text>
          <Text size="sm" c="dimmed" ta="center" maw={360}>
            {empty.message}
          </Text>
        </Stack>
      ) : (
        <>
          <div aria-hidden data-testid={`${id}-chart`}>
            {children}
          </div>
          <VisuallyHidden>
            <Table aria-label={title}>
              <Table.Thead>
                <Table.Tr>
                  {table.columns.map((column) => (
                    <Table.Th key={column}>{column}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {table.rows.map((row) => (
                  <Table.Tr key={String(row[0])}>
                    {row.map((cell, i) => (
                      <Table.Td key={i}>{cell}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </VisuallyHidden>
        </>
      )}
    </Card>
  )
}
