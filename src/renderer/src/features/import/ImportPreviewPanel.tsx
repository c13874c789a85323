import {
  Badge,
  Group,
  LoadingOverlay,
  Pagination,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@mantine/core'
import { useEffect, useState } from 'react'
import type { ImportPreview, ImportRowFilter } from '../../../../shared/contracts/import'
import type { ImportErrorReason } from '../../../../shared/import-types'
import { useQuery } from '../../api'
import { ErrorAlert } from '../../components'
import { formatCount } from '../../lib/format'
import {
  importReasonLabels,
  rowEndpoint,
  rowNote,
  rowStatusColor,
  rowStatusLabel,
} from './import-labels'

const PAGE_SIZE = 25

function Count({ label, value, color }: { label: string; value: number; color?: string }) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={22} fw={700} c={value > 0 ? color : undefined} aria-label={`${label}: ${value}`}>
        {formatCount(value)}
      </Text>
    </Paper>
  )
}

/** The preview's counts in plain words and its rows, a page at a time, filtered by status. */
export function ImportPreviewPanel({ preview }: { preview: ImportPreview }) {
  const { counts } = preview
  const [filter, setFilter] = useState<ImportRowFilter>('all')
  const [page, setPage] = useState(1)
  useEffect(() => setPage(1), [filter])
  const rows = useQuery('import:previewRows', {
    importId: preview.importId,
    filter,
    page,
    pageSize: PAGE_SIZE,
  })
  const reasons = Object.entries(preview.errorsByReason) as [ImportErrorReason, number][]
  const items = rows.data?.items ?? []
  const pages = rows.data ? Math.max(1, Math.ceil(rows.data.total / PAGE_SIZE)) : 1

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm" aria-label="Import summary">
        <Count label="New" value={counts.new} color="teal" />
        <Count label="Already stored" value={counts.duplicateOfStored} color="yellow" />
        <Count label="Repeated in the list" value={counts.duplicateOfLine} color="yellow" />
        <Count label="Password conflicts" value={preview.conflicts} color="orange" />
        <Count label="Errors" value={counts.error} color="red" />
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {formatCount(counts.total)} {counts.total === 1 ? 'proxy' : 'proxies'} read
        {preview.fileName ? ` from ${preview.fileName}` : ''} as {preview.format.toUpperCase()}.
      </Text>
      {reasons.length > 0 && (
        <Group gap="xs" aria-label="Errors by reason">
          {reasons.map(([reason, count]) => (
            <Badge key={reason} color="red" variant="light" radius="sm" tt="none">
              {importReasonLabels[reason]}: {formatCount(count)}
            </Badge>
          ))}
        </Group>
      )}
      <SegmentedControl
        value={filter}
        onChange={(value) => setFilter(value as ImportRowFilter)}
        aria-label="Show rows"
        data={[
          { value: 'all', label: `All (${formatCount(counts.total)})` },
          { value: 'new', label: `New (${formatCount(counts.new)})` },
          { value: 'duplicate', label: `Duplicates (${formatCount(counts.duplicate)})` },
          { value: 'error', label: `Errors (${formatCount(counts.error)})` },
          ...(preview.conflicts > 0
            ? [{ value: 'conflict', label: `Conflicts (${formatCount(preview.conflicts)})` }]
            : []),
        ]}
      />
      <ErrorAlert error={rows.error} title="Cannot load the preview rows" onRetry={rows.refresh} />
      <Paper withBorder radius="md" pos="relative" mih={120}>
        <LoadingOverlay visible={rows.loading && !rows.data} />
        <Table.ScrollContainer minWidth={560} mah={320}>
          <Table striped stickyHeader aria-label="Preview rows" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={60}>Line</Table.Th>
                <Table.Th w={130}>Result</Table.Th>
                <Table.Th>Proxy</Table.Th>
                <Table.Th>Details</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((row) => (
                <Table.Tr key={row.line}>
                  <Table.Td>{row.line}</Table.Td>
                  <Table.Td>
                    <Badge color={rowStatusColor(row)} variant="light" radius="sm" tt="none">
                      {rowStatusLabel(row)}
                    </Badge>
                  </Table.Td>
                  <Table.Td ff="monospace" style={{ wordBreak: 'break-all' }}>
                    {rowEndpoint(row)}
                  </Table.Td>
                  <Table.Td c="dimmed">{rowNote(row)}</Table.Td>
                </Table.Tr>
              ))}
              {rows.data && items.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={4}>
                    <Text ta="center" c="dimmed" py="md" size="sm">
                      No rows of this kind.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      {pages > 1 && (
        <Group justify="flex-end">
          <Pagination
            size="sm"
            total={pages}
            value={page}
            onChange={setPage}
            getControlProps={(control) => ({ 'aria-label': `${control} page` })}
          />
        </Group>
      )}
    </Stack>
  )
}
