import { Anchor, Badge, Group, Skeleton, Stack, Table, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import type { HistoryDto, ProxyDetail } from '../../../../shared/contracts/dto'
import { useQuery } from '../../api'
import { CapacityBar, ErrorAlert, RelativeTime, StatusBadge } from '../../components'
import { formatCents, formatDateTime } from '../../lib/format'
import { ExitProfileFacts, ProfileCard } from '../../features/exit'
import { PasswordReveal } from './PasswordReveal'
import { protocolLabel } from './proxy-label'

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={150} fw={500} c="dimmed" style={{ verticalAlign: 'top' }}>
        {label}
      </Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  )
}

const dash = (
  <Text c="dimmed" span>
    —
  </Text>
)

function Facts({ proxy }: { proxy: ProxyDetail }) {
  return (
    <Table aria-label="Proxy facts" withRowBorders={false} verticalSpacing={6}>
      <Table.Tbody>
        <Fact label="Status">
          <StatusBadge status={proxy.status} />
        </Fact>
        <Fact label="Protocol">{protocolLabel(proxy)}</Fact>
        <Fact label="Provider">{proxy.providerName}</Fact>
        <Fact label="Username">{proxy.username ?? dash}</Fact>
        <Fact label="Password">
          <PasswordReveal proxy={proxy} variant="button" />
        </Fact>
        <Fact label="Model">{proxy.assignedModelName ?? dash}</Fact>
        <Fact label="Accounts">
          <CapacityBar used={proxy.accountCount} capacity={proxy.maxAccounts} width={120} />
        </Fact>
        <Fact label="Monthly cost">
          {formatCents(proxy.monthlyCostCents)}
          {proxy.monthlyCostOverrideCents !== null && (
            <Text span c="dimmed" size="sm">
              {' '}
              (own price)
            </Text>
          )}
        </Fact>
        <Fact label="Location">
          {[proxy.country, proxy.location].filter(Boolean).join(' · ') || dash}
        </Fact>
        <Fact label="Expires">
          <RelativeTime epochMs={proxy.expiresAt} empty="no expiry" warnWithinDays={7} />
        </Fact>
        <Fact label="Last tested">
          <RelativeTime epochMs={proxy.lastTestedAt} />
          {proxy.responseTimeMs !== null && (
            <Text span size="sm" c="dimmed">
              {' '}
              · {proxy.responseTimeMs} ms
            </Text>
          )}
        </Fact>
        <Fact label="Sticky">{proxy.sticky ? 'Yes' : 'No'}</Fact>
        <Fact label="Rotation URL">
          {proxy.rotationUrl ? (
            <Text size="sm" truncate="end" maw={300}>
              {proxy.rotationUrl}
            </Text>
          ) : (
            dash
          )}
        </Fact>
        <Fact label="Tags">
          {proxy.tags.length ? (
            <Group gap={4}>
              {proxy.tags.map((tag) => (
                <Badge key={tag} variant="default" size="sm" radius="sm" tt="none">
                  {tag}
                </Badge>
              ))}
            </Group>
          ) : (
            dash
          )}
        </Fact>
        <Fact label="Notes">
          {proxy.notes ? (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {proxy.notes}
            </Text>
          ) : (
            dash
          )}
        </Fact>
        <Fact label="Added">{formatDateTime(proxy.createdAt)}</Fact>
      </Table.Tbody>
    </Table>
  )
}

function Accounts({ proxy }: { proxy: ProxyDetail }) {
  if (!proxy.accounts.length) {
    return (
      <Text size="sm" c="dimmed">
        No accounts on this proxy. Assign some from the Accounts or Assignments view.
      </Text>
    )
  }
  return (
    <Table aria-label="Accounts on this proxy" striped withTableBorder verticalSpacing={6}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Username</Table.Th>
          <Table.Th>Platform</Table.Th>
          <Table.Th>Model</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {proxy.accounts.map((account) => (
          <Table.Tr key={account.id}>
            <Table.Td>{account.username}</Table.Td>
            <Table.Td tt="capitalize">{account.platform}</Table.Td>
            <Table.Td>{account.modelName}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

const actionColors: Record<HistoryDto['action'], string> = {
  assigned: 'teal',
  released: 'gray',
  reassigned: 'blue',
  rotated: 'violet',
}

function RecentHistory({ proxyId }: { proxyId: number }) {
  const history = useQuery('history:list', { proxyId, pageSize: 10, sortDir: 'desc' })
  if (history.error) return <ErrorAlert error={history.error} onRetry={history.refresh} />
  if (!history.data) return <Skeleton h={80} />
  if (!history.data.items.length) {
    return (
      <Text size="sm" c="dimmed">
        No assignment history yet.
      </Text>
    )
  }
  return (
    <Stack gap={6} aria-label="Recent history">
      {history.data.items.map((entry) => (
        <Group key={entry.id} gap="xs" wrap="nowrap" justify="space-between">
          <Group gap="xs" wrap="nowrap">
            <Badge size="xs" variant="light" color={actionColors[entry.action]}>
              {entry.action}
            </Badge>
            <Text size="sm" truncate="end">
              {entry.accountUsername ?? `account ${entry.accountId}`}
              <Text span c="dimmed" size="xs">
                {' '}
                · {entry.reason.replace(/_/g, ' ')} · by {entry.assignedBy}
              </Text>
            </Text>
          </Group>
          <span style={{ whiteSpace: 'nowrap' }}>
            <RelativeTime epochMs={entry.createdAt} />
          </span>
        </Group>
      ))}
      {history.data.total > history.data.items.length && (
        <Anchor href="#/history" size="sm">
          All {history.data.total} entries in History
        </Anchor>
      )}
    </Stack>
  )
}

/** What `proxies:get` knows about one proxy, its accounts and its latest history rows. */
export function ProxyDetailBody({ detail }: { detail: ProxyDetail }) {
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={5}>Exit profile</Title>
        <ExitProfileFacts proxy={detail} />
      </Stack>
      <ProfileCard proxy={detail} />
      <Facts proxy={detail} />
      <Stack gap="xs">
        <Title order={5}>
          Accounts ({detail.accounts.length}/{detail.maxAccounts})
        </Title>
        <Accounts proxy={detail} />
      </Stack>
      <Stack gap="xs">
        <Title order={5}>Recent history</Title>
        <RecentHistory proxyId={detail.id} />
      </Stack>
    </Stack>
  )
}
