import { Badge, Group, Text } from '@mantine/core'
import {
  MRT_ExpandButton,
  type MRT_ColumnDef,
  type MRT_Row,
  type MRT_TableInstance,
} from 'mantine-react-table'
import type { AssignmentDto } from '../../../../shared/contracts/dto'
import {
  platformColor,
  platformLabel,
  ProxyLink,
  RelativeTime,
  StatusBadge,
} from '../../components'

export type GroupBy = 'proxy' | 'model'

const first = (row: MRT_Row<AssignmentDto>) => row.subRows?.[0]?.original
const count = (row: MRT_Row<AssignmentDto>) => row.subRows?.length ?? 0
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/**
 * Grouped and leaf rows share the columns: a group row (one proxy, or one model) shows in each
 * column what its accounts have in common; the grouping key itself heads the row.
 */
export function assignmentColumns(groupBy: GroupBy): MRT_ColumnDef<AssignmentDto>[] {
  const proxy: MRT_ColumnDef<AssignmentDto> = {
    id: 'proxy',
    header: 'Proxy',
    size: 190,
    accessorFn: (row) => row.proxyId,
    Cell: ({ row }) => <ProxyLink id={row.original.proxyId} label={row.original.proxyLabel} />,
    AggregatedCell: ({ row }) => (
      <Text size="sm" c="dimmed">
        {plural(new Set(row.subRows?.map((r) => r.original.proxyId)).size, 'proxy', 'proxies')}
      </Text>
    ),
  }
  const model: MRT_ColumnDef<AssignmentDto> = {
    id: 'model',
    header: 'Model',
    size: 130,
    accessorFn: (row) => row.modelId,
    Cell: ({ row }) => <Text size="sm">{row.original.modelName}</Text>,
    AggregatedCell: ({ row }) => (
      <Text size="sm" fw={600}>
        {first(row)?.modelName}
      </Text>
    ),
  }
  return [
    {
      id: 'account',
      header: 'Account',
      size: 200,
      accessorKey: 'accountUsername',
      Cell: ({ row }) => (
        <Group gap={8} wrap="nowrap">
          <Text size="sm" fw={600}>
            {row.original.accountUsername}
          </Text>
          <Badge variant="dot" size="xs" color={platformColor(row.original.platform)}>
            {platformLabel(row.original.platform)}
          </Badge>
        </Group>
      ),
      AggregatedCell: ({ row }) => (
        <Text size="sm" c="dimmed">
          {plural(count(row), 'account', 'accounts')}
        </Text>
      ),
    },
    groupBy === 'proxy' ? proxy : model,
    groupBy === 'proxy' ? model : proxy,
    {
      id: 'provider',
      header: 'Provider',
      size: 120,
      accessorKey: 'providerName',
      enableSorting: false,
      AggregatedCell: ({ row }) =>
        groupBy === 'proxy' ? <Text size="sm">{first(row)?.providerName}</Text> : null,
    },
    {
      id: 'assignedAt',
      header: 'Since',
      size: 130,
      accessorKey: 'assignedAt',
      Cell: ({ row }) => <RelativeTime epochMs={row.original.assignedAt} empty="unknown" />,
    },
  ]
}

/** The head of a group row: expand toggle plus the proxy (or model) the accounts share. */
export function GroupHead({
  row,
  table,
  groupBy,
}: {
  row: MRT_Row<AssignmentDto>
  table: MRT_TableInstance<AssignmentDto>
  groupBy: GroupBy
}) {
  if (!row.getIsGrouped()) return null
  const sample = first(row)
  if (!sample) return null
  return (
    <Group gap={6} wrap="nowrap">
      <MRT_ExpandButton row={row} table={table} />
      {groupBy === 'proxy' ? (
        <>
          <ProxyLink id={sample.proxyId} label={sample.proxyLabel} />
          <Text size="xs" c="dimmed" tt="uppercase">
            {sample.proxyProtocol}
          </Text>
          {sample.proxyStatus !== 'active' && <StatusBadge status={sample.proxyStatus} size="xs" />}
        </>
      ) : (
        <Text size="sm" fw={650}>
          {sample.modelName}
        </Text>
      )}
      <Badge size="xs" variant="light" color="gray" circle={count(row) < 10}>
        {count(row)}
      </Badge>
    </Group>
  )
}
