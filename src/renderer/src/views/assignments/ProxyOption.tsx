import { Badge, Group, Stack, Text } from '@mantine/core'
import type { ProxyDto } from '../../../../shared/contracts/dto'
import { statusColor, statusLabel } from '../../components'
import { LastCheckBadge } from '../../features/exit'
import { countryFlag, countryName } from '../../lib/country'
import { userEndpointLabel } from '../../../../shared/endpoint'

/** `#7 user@[::1]:8080`: the id, then the endpoint as the table writes it (IPv6 bracketed). */
export const proxyOptionLabel = (proxy: ProxyDto) => `#${proxy.id} ${userEndpointLabel(proxy)}`

/**
 * One proxy in a picker: endpoint, provider, where it exits, the model it serves, how its last
 * check ended and how full it is.
 */
export function ProxyOption({ proxy, first }: { proxy: ProxyDto; first: boolean }) {
  const full = proxy.accountCount >= proxy.maxAccounts
  const flag = countryFlag(proxy.country)
  return (
    <Group gap="xs" wrap="nowrap" justify="space-between" w="100%">
      <Stack gap={0}>
        <Text size="sm" ff="monospace">
          {proxyOptionLabel(proxy)}
        </Text>
        <Text size="xs" c="dimmed">
          {proxy.providerName} · {proxy.protocol}
          {proxy.country && (
            <span title={countryName(proxy.country) ?? undefined}>
              {' · '}
              {flag ? `${flag} ` : ''}
              {proxy.exitCity ? `${proxy.exitCity}, ${proxy.country}` : proxy.country}
            </span>
          )}
          {proxy.assignedModelName
            ? ` · serves ${proxy.assignedModelName}`
            : ' · serves no model yet'}
        </Text>
      </Stack>
      <Group gap={4} wrap="nowrap">
        {first && (
          <Badge size="xs" variant="filled" color="indigo">
            first available
          </Badge>
        )}
        <LastCheckBadge proxy={proxy} size="xs" />
        {proxy.status !== 'active' && (
          <Badge size="xs" variant="light" color={statusColor(proxy.status)}>
            {statusLabel(proxy.status)}
          </Badge>
        )}
        <Badge size="xs" variant="light" color={full ? 'red' : 'gray'}>
          {proxy.accountCount}/{proxy.maxAccounts}
        </Badge>
      </Group>
    </Group>
  )
}
