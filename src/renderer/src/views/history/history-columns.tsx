import { Badge, Stack, Text } from '@mantine/core'
import type { MRT_ColumnDef } from 'mantine-react-table'
import type { HistoryDto } from '../../../../shared/contracts/dto'
import { formatDateTime, formatRelative } from '../../lib/format'
import { actionInfo, actorLabel, reasonInfo } from './history-labels'
import { ProxyLink } from '../../components'

function Gone({ what, id }: { what: string; id: number }) {
  return (
    <Text size="sm" c="dimmed" fs="italic">
      {what} #{id} (deleted)
    </Text>
  )
}

/** Only the time sorts (on the server); the trail reads newest first by default. */
export const historyColumns: MRT_ColumnDef<HistoryDto>[] = [
  {
    id: 'createdAt',
    header: 'When',
    accessorKey: 'createdAt',
    size: 170,
    Cell: ({ row }) => (
      <Stack gap={0}>
        <Text size="sm">{formatDateTime(row.original.createdAt)}</Text>
        <Text size="xs" c="dimmed">
          {formatRelative(row.original.createdAt)}
        </Text>
      </Stack>
    ),
  },
  {
    id: 'action',
    header: 'Action',
    accessorKey: 'action',
    enableSorting: false,
    size: 110,
    Cell: ({ row }) => {
      const info = actionInfo(row.original.action)
      return (
        <Badge color={info.color} variant="light" radius="sm">
          {info.label}
        </Badge>
      )
    },
  },
  {
    id: 'reason',
    header: 'Reason',
    accessorKey: 'reason',
    enableSorting: false,
    size: 140,
    Cell: ({ row }) => {
      const info = reasonInfo(row.original.reason)
      const { detail } = row.original
      return (
        <Stack gap={2} align="flex-start">
          <Badge color={info.color} variant="outline" radius="sm">
            {info.label}
          </Badge>
          {/* Why, in words: an invalidation's cause and note, a forced assignment's collision. */}
          {detail && (
            <Text size="xs" lineClamp={2} title={detail}>
              {detail}
            </Text>
          )}
        </Stack>
      )
    },
  },
  {
    id: 'account',
    header: 'Account',
    accessorKey: 'accountUsername',
    enableSorting: false,
    size: 150,
    Cell: ({ row }) =>
      row.original.accountUsername === null ? (
        <Gone what="Account" id={row.original.accountId} />
      ) : (
        <Text size="sm" fw={600}>
          {row.original.accountUsername}
        </Text>
      ),
  },
  {
    id: 'model',
    header: 'Model',
    accessorKey: 'modelName',
    enableSorting: false,
    size: 120,
    Cell: ({ row }) =>
      row.original.modelName === null ? (
        <Gone what="Model" id={row.original.modelId} />
      ) : (
        <Text size="sm">{row.original.modelName}</Text>
      ),
  },
  {
    id: 'proxy',
    header: 'Proxy',
    accessorKey: 'proxyLabel',
    enableSorting: false,
    size: 160,
    Cell: ({ row }) =>
      row.original.proxyLabel === null ? (
        <Gone what="Proxy" id={row.original.proxyId} />
      ) : (
        <ProxyLink id={row.original.proxyId} label={row.original.proxyLabel} />
      ),
  },
  {
    id: 'assignedBy',
    header: 'By',
    accessorKey: 'assignedBy',
    enableSorting: false,
    size: 90,
    Cell: ({ row }) => (
      <Text size="sm" c={row.original.assignedBy === 'system' ? 'dimmed' : undefined}>
        {actorLabel(row.original.assignedBy)}
      </Text>
    ),
  },
]
