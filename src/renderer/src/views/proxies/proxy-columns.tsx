import type { MRT_ColumnDef } from 'mantine-react-table'
import type { ProxyDto } from '../../../../shared/contracts/dto'
import {
  CapacityBar,
  CellRow,
  CellText,
  Dash,
  Pill,
  RelativeTime,
  StatusBadge,
} from '../../components'
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

const endpointButton = {
  cursor: 'pointer',
  background: 'none',
  border: 0,
  padding: 0,
  textAlign: 'left',
  whiteSpace: 'nowrap',
  font: 'inherit',
  fontFamily: 'var(--mantine-font-family-monospace)',
  fontWeight: 500,
  color: 'var(--mantine-primary-color-text)',
} as const

function Tags({ tags }: { tags: string[] }) {
  if (!tags.length) return <Dash />
  const shown = tags.slice(0, 2)
  const rest = tags.slice(2)
  return (
    <CellRow gap={4}>
      {shown.map((tag) => (
        <Pill key={tag} variant="default" textCase="none">
          {tag}
        </Pill>
      ))}
      {rest.length > 0 && (
        <Pill variant="default" tip={rest.join(', ')}>
          +{rest.length}
        </Pill>
      )}
    </CellRow>
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
        <CellRow gap={6}>
          <button
            type="button"
            style={endpointButton}
            onClick={() => onOpen(proxy)}
            aria-label={`Details of ${proxyLabel(proxy)}`}
          >
            {proxyLabel(proxy)}
          </button>
          {proxy.username && (
            <CellText small dimmed maxWidth={110} title={proxy.username}>
              {proxy.username}
            </CellText>
          )}
        </CellRow>
      ),
    },
    {
      id: 'status',
      header: 'Status',
      accessorKey: 'status',
      size: 95,
      Cell: ({ row: { original: proxy } }) => (
        <StatusBadge
          status={proxy.status}
          tip={proxy.status === 'error' ? (proxy.lastErrorMessage ?? undefined) : undefined}
        />
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
      Cell: ({ row: { original: proxy } }) => proxy.assignedModelName ?? <Dash />,
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
        <Pill variant="outline" color="gray" textCase="lower">
          {protocolLabel(proxy)}
        </Pill>
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
        <CellText
          numeric
          italic={proxy.monthlyCostOverrideCents !== null}
          tip={
            proxy.monthlyCostOverrideCents === null
              ? undefined
              : "Own price (overrides the provider's)"
          }
        >
          {formatCents(proxy.monthlyCostCents)}
        </CellText>
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
