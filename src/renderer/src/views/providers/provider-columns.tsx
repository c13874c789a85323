import { Anchor, Badge, Group, Stack, Text, Tooltip } from '@mantine/core'
import type { MRT_ColumnDef } from 'mantine-react-table'
import type { ProviderListItem } from '../../../../shared/contracts/dto'
import { proxyStatuses } from '../../../../shared/domain'
import { CapacityBar, StatusBadge, statusColor, statusLabel } from '../../components'
import { formatCents, formatCount, formatPercent } from '../../lib/format'
import { hashWithQuery } from '../proxies/hash-query'
import { serviceTypeLabels } from './provider-labels'

const numeric = { style: { fontVariantNumeric: 'tabular-nums' } } as const
const right = {
  mantineTableBodyCellProps: { align: 'right' as const },
  mantineTableHeadCellProps: { align: 'right' as const },
}

export function proxiesHref(providerId: number): string {
  return hashWithQuery('proxies', { provider: String(providerId) })
}

function ProxyCounts({ provider }: { provider: ProviderListItem }) {
  const { proxyCount, proxiesByStatus } = provider.stats
  if (!proxyCount)
    return (
      <Text size="sm" c="dimmed">
        none
      </Text>
    )
  return (
    <Group gap={6} wrap="nowrap">
      <Anchor
        href={proxiesHref(provider.id)}
        fw={600}
        size="sm"
        aria-label={`${formatCount(proxyCount)} proxies of ${provider.name}`}
        {...numeric}
      >
        {formatCount(proxyCount)}
      </Anchor>
      {proxyStatuses
        .filter((status) => proxiesByStatus[status] > 0)
        .map((status) => (
          <Tooltip
            key={status}
            label={`${proxiesByStatus[status]} ${statusLabel(status).toLowerCase()}`}
          >
            <Badge size="xs" variant="dot" color={statusColor(status)} {...numeric}>
              {formatCount(proxiesByStatus[status])}
            </Badge>
          </Tooltip>
        ))}
    </Group>
  )
}

const lastCheckShown = [
  { state: 'passed', color: 'teal', words: 'passed their last check' },
  { state: 'failed', color: 'red', words: 'failed their last check' },
  { state: 'untested', color: 'gray', words: 'never tested' },
] as const

/**
 * How the provider's proxies' last checks ended, whatever their status (a proxy stays active
 * until its failure streak reaches the threshold): the failing count links to them.
 */
function LastCheckCounts({ provider }: { provider: ProviderListItem }) {
  const counts = provider.stats.proxiesByLastCheck
  if (!provider.stats.proxyCount) {
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    )
  }
  return (
    <Group gap={6} wrap="nowrap" aria-label={`Last checks of ${provider.name}`}>
      {lastCheckShown.map(({ state, color, words }) => {
        const label = `${formatCount(counts[state])} ${words}`
        const badge = (
          <Badge
            size="sm"
            radius="sm"
            variant={state === 'failed' && counts.failed > 0 ? 'filled' : 'light'}
            color={counts[state] > 0 ? color : 'gray'}
            aria-label={label}
            {...numeric}
          >
            {formatCount(counts[state])} {state === 'untested' ? 'untested' : state}
          </Badge>
        )
        return (
          <Tooltip key={state} label={label}>
            {state === 'failed' && counts.failed > 0 ? (
              <Anchor
                href={hashWithQuery('proxies', {
                  provider: String(provider.id),
                  lastCheck: 'failed',
                })}
                underline="never"
              >
                {badge}
              </Anchor>
            ) : (
              <span>{badge}</span>
            )}
          </Tooltip>
        )
      })}
    </Group>
  )
}

export function providerColumns(): MRT_ColumnDef<ProviderListItem>[] {
  return [
    {
      id: 'name',
      header: 'Provider',
      accessorKey: 'name',
      size: 220,
      Cell: ({ row: { original: provider } }) => (
        <Stack gap={0}>
          <Text size="sm" fw={600}>
            {provider.name}
          </Text>
          {(provider.serviceType || provider.website || provider.contactEmail) && (
            <Text size="xs" c="dimmed" truncate="end" maw={240}>
              {[
                provider.serviceType && serviceTypeLabels[provider.serviceType],
                provider.website?.replace(/^https?:\/\//, ''),
                provider.contactEmail,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      id: 'status',
      header: 'Status',
      accessorKey: 'status',
      size: 115,
      Cell: ({ row: { original: p } }) => <StatusBadge status={p.status} />,
    },
    {
      id: 'price',
      header: 'Price / proxy',
      accessorKey: 'monthlyCostPerProxyCents',
      size: 110,
      ...right,
      Cell: ({ row: { original: p } }) => (
        <Text size="sm" {...numeric}>
          {formatCents(p.monthlyCostPerProxyCents)}
        </Text>
      ),
    },
    {
      id: 'proxies',
      header: 'Proxies',
      accessorFn: (p) => p.stats?.proxyCount ?? 0,
      size: 160,
      Cell: ({ row: { original: p } }) => <ProxyCounts provider={p} />,
    },
    {
      id: 'lastCheck',
      header: 'Last check',
      accessorFn: (p) => p.stats?.proxiesByLastCheck.failed ?? 0,
      size: 250,
      Cell: ({ row: { original: p } }) => <LastCheckCounts provider={p} />,
    },
    {
      id: 'accounts',
      header: 'Accounts / capacity',
      // Skeleton rows (while loading) are blank objects, hence the optional chaining.
      accessorFn: (p) => (p.stats?.capacity ? p.stats.assignedAccounts / p.stats.capacity : 0),
      size: 175,
      Cell: ({ row: { original: p } }) => (
        <Group gap={8} wrap="nowrap">
          <CapacityBar used={p.stats.assignedAccounts} capacity={p.stats.capacity} />
          <Text size="xs" c="dimmed" {...numeric}>
            {formatPercent(p.stats.capacity ? p.stats.assignedAccounts / p.stats.capacity : 0)}
          </Text>
        </Group>
      ),
    },
    {
      id: 'spend',
      header: 'Monthly spend',
      accessorFn: (p) => p.stats?.monthlySpendCents ?? 0,
      size: 120,
      ...right,
      Cell: ({ row: { original: p } }) => (
        <Text size="sm" fw={600} {...numeric}>
          {formatCents(p.stats.monthlySpendCents)}
        </Text>
      ),
    },
  ]
}
