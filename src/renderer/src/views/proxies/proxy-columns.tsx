import { Badge, Group, Text, Tooltip } from '@mantine/core'
import type { MRT_ColumnDef } from 'mantine-react-table'
import type { ProxyDto } from '../../../../shared/contracts/dto'
import { CapacityBar, RelativeTime, StatusBadge } from '../../components'
import { formatCents } from '../../lib/format'
import { collisionColumn } from './collision-column'
import {
  anonymityColumn,
  exitIpColumn,
  lastResultColumn,
  latencyColumn,
  networkColumn,
  placeColumn,
  reachabilityColumn,
  timezoneColumn,
} from './proxy-exit-columns'
import { protocolLabel, proxyLabel } from './proxy-label'

const numeric = { style: { fontVariantNumeric: 'tabular-nums' } } as const
const endpointButton = {
  cursor: 'pointer',
  background: 'none',
  border: 0,
  padding: 0,
  textAlign: 'left',
  whiteSpace: 'nowrap',
} as const

function Tags({ tags }: { tags: string[] }) {
  if (!tags.length) return <Text c="dimmed">—</Text>
  const shown = tags.slice(0, 2)
  const rest = tags.slice(2)
  return (
    <Group gap={4} wrap="nowrap">
      {shown.map((tag) => (
        <Badge key={tag} variant="default" size="sm" radius="sm" tt="none">
          {tag}
        </Badge>
      ))}
      {rest.length > 0 && (
        <Tooltip label={rest.join(', ')}>
          <Badge variant="default" size="sm" radius="sm">
            +{rest.length}
          </Badge>
        </Tooltip>
      )}
    </Group>
  )
}

/** Every column id, for the presets (proxy-column-presets.ts) and the remembered visibility. */
export const proxyColumnIds = [
  'host',
  'status',
  'lastResult',
  'responseTimeMs',
  'exitIp',
  'country',
  'model',
  'accountCount',
  'reachability',
  'protocol',
  'provider',
  'timezone',
  'network',
  'anonymity',
  'monthlyCost',
  'expiresAt',
  'lastTestedAt',
  'tags',
  'exitCollisions',
] as const

/**
 * In the order an operator scans a row at 1440 px: endpoint, health and exit, who it serves,
 * then the rest (a preset or the column menu shows them). Column ids are the contract's sort columns (`proxySortColumns`), so sorting a column sorts on the
 * server; `tags` has no server sort. Accessors are plain keys: MRT's loading skeleton rows are
 * blank objects.
 */
export function proxyColumns(onOpen: (proxy: ProxyDto) => void): MRT_ColumnDef<ProxyDto>[] {
  return [
    {
      id: 'host',
      header: 'Endpoint',
      accessorKey: 'host',
      size: 250,
      // One line (host, then the username dimmed): rows stay as short as the action icons, so a
      // 720 px window shows ten of them.
      Cell: ({ row: { original: proxy } }) => (
        <Group gap={6} wrap="nowrap">
          <Text
            component="button"
            type="button"
            ff="monospace"
            size="sm"
            fw={500}
            c="var(--mantine-primary-color-text)"
            style={endpointButton}
            onClick={() => onOpen(proxy)}
            aria-label={`Details of ${proxyLabel(proxy)}`}
          >
            {proxyLabel(proxy)}
          </Text>
          {proxy.username && (
            <Text size="xs" c="dimmed" truncate="end" maw={110} title={proxy.username}>
              {proxy.username}
            </Text>
          )}
        </Group>
      ),
    },
    {
      id: 'status',
      header: 'Status',
      accessorKey: 'status',
      size: 95,
      Cell: ({ row: { original: proxy } }) =>
        proxy.status === 'error' && proxy.lastErrorMessage ? (
          <Tooltip label={proxy.lastErrorMessage} multiline w={260}>
            <span>
              <StatusBadge status={proxy.status} />
            </span>
          </Tooltip>
        ) : (
          <StatusBadge status={proxy.status} />
        ),
    },
    // What the last check found (proxy-exit-columns.tsx); a column another part adds, such as
    // the exit-collision marker, is one more line here.
    lastResultColumn,
    latencyColumn,
    exitIpColumn,
    placeColumn,
    {
      id: 'model',
      header: 'Model',
      accessorKey: 'assignedModelName',
      size: 110,
      Cell: ({ row: { original: proxy } }) => proxy.assignedModelName ?? <Text c="dimmed">—</Text>,
    },
    {
      id: 'accountCount',
      header: 'Accounts',
      accessorKey: 'accountCount',
      size: 115,
      Cell: ({ row: { original: proxy } }) => (
        <CapacityBar used={proxy.accountCount} capacity={proxy.maxAccounts} />
      ),
    },
    reachabilityColumn,
    {
      id: 'protocol',
      header: 'Protocol',
      accessorKey: 'protocol',
      size: 85,
      Cell: ({ row: { original: proxy } }) => (
        <Badge variant="outline" color="gray" size="sm" radius="sm" tt="lowercase">
          {protocolLabel(proxy)}
        </Badge>
      ),
    },
    { id: 'provider', header: 'Provider', accessorKey: 'providerName', size: 140 },
    timezoneColumn,
    networkColumn,
    anonymityColumn,
    {
      id: 'monthlyCost',
      header: 'Monthly',
      accessorKey: 'monthlyCostCents',
      size: 95,
      mantineTableBodyCellProps: { align: 'right' },
      mantineTableHeadCellProps: { align: 'right' },
      Cell: ({ row: { original: proxy } }) => (
        <Tooltip
          label="Own price (overrides the provider's)"
          disabled={proxy.monthlyCostOverrideCents === null}
        >
          <Text
            size="sm"
            {...numeric}
            fs={proxy.monthlyCostOverrideCents === null ? undefined : 'italic'}
          >
            {formatCents(proxy.monthlyCostCents)}
          </Text>
        </Tooltip>
      ),
    },
    {
      id: 'expiresAt',
      header: 'Expires',
      accessorKey: 'expiresAt',
      size: 110,
      Cell: ({ row: { original: proxy } }) => (
        <RelativeTime epochMs={proxy.expiresAt} empty="no expiry" warnWithinDays={7} />
      ),
    },
    {
      id: 'lastTestedAt',
      header: 'Last tested',
      accessorKey: 'lastTestedAt',
      size: 115,
      Cell: ({ row: { original: proxy } }) => <RelativeTime epochMs={proxy.lastTestedAt} />,
    },
    {
      id: 'tags',
      header: 'Tags',
      accessorKey: 'tags',
      enableSorting: false,
      size: 140,
      Cell: ({ row: { original: proxy } }) => <Tags tags={proxy.tags} />,
    },
    collisionColumn,
  ]
}
