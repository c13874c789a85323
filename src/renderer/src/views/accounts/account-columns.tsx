import { Badge, Group, Text } from '@mantine/core'
import type { MRT_ColumnDef } from 'mantine-react-table'
import type { AccountDto } from '../../../../shared/contracts/dto'
import {
  platformColor,
  platformLabel,
  ProxyLink,
  RelativeTime,
  StatusBadge,
} from '../../components'

/** Column ids match `accountSortColumns`, so clicking a header sorts on the server. */
export const accountColumns: MRT_ColumnDef<AccountDto>[] = [
  {
    id: 'username',
    header: 'Account',
    accessorKey: 'username',
    size: 200,
    Cell: ({ row }) => (
      <Group gap={8} wrap="nowrap">
        <Text size="sm" fw={600}>
          {row.original.username}
        </Text>
        <Badge variant="dot" color={platformColor(row.original.platform)} size="xs" radius="sm">
          {platformLabel(row.original.platform)}
        </Badge>
      </Group>
    ),
  },
  { id: 'model', header: 'Model', accessorKey: 'modelName', size: 120 },
  {
    id: 'status',
    header: 'Status',
    accessorKey: 'status',
    size: 90,
    Cell: ({ row }) => <StatusBadge status={row.original.status} />,
  },
  {
    id: 'proxy',
    header: 'Proxy',
    accessorKey: 'proxyLabel',
    size: 160,
    Cell: ({ row }) =>
      row.original.proxyId === null ? (
        <Text size="sm" c={row.original.status === 'active' ? 'orange' : 'dimmed'}>
          {row.original.status === 'active' ? 'Waiting for a proxy' : '—'}
        </Text>
      ) : (
        <ProxyLink id={row.original.proxyId} label={row.original.proxyLabel} />
      ),
  },
  {
    id: 'notes',
    header: 'Notes',
    accessorKey: 'notes',
    enableSorting: false,
    size: 120,
    Cell: ({ row }) => (
      <Text size="sm" c="dimmed" truncate="end" maw={220} title={row.original.notes ?? undefined}>
        {row.original.notes ?? ''}
      </Text>
    ),
  },
  {
    id: 'updatedAt',
    header: 'Updated',
    accessorKey: 'updatedAt',
    size: 100,
    Cell: ({ row }) => <RelativeTime epochMs={row.original.updatedAt} />,
  },
]
