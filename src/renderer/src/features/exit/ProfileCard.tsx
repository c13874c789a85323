import { Group, Paper, Stack, Table, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import type { ProxyDto } from '../../../../shared/contracts/dto'
import { suggestedLocale } from '../../../../shared/locales'
import { countryFlag, countryName } from '../../lib/country'
import { ConnectionString } from './ConnectionString'

type ProfileProxy = Pick<
  ProxyDto,
  'id' | 'exitIp' | 'country' | 'exitCity' | 'exitRegion' | 'exitTimezone'
>

const dash = (
  <Text c="dimmed" span size="sm">
    —
  </Text>
)

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={130} fw={500} c="dimmed" style={{ verticalAlign: 'top' }}>
        {label}
      </Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  )
}

/**
 * What an account's browser profile must agree with to look like it lives where its proxy
 * leaves: exit IP, country, city, timezone, a locale for the country, and the proxy string to
 * paste. The exit fields are the last successful check's; nothing is guessed when unknown.
 */
export function ProfileCard({
  proxy,
  title = 'Browser profile',
}: {
  proxy: ProfileProxy
  title?: string
}) {
  const flag = countryFlag(proxy.country)
  const locale = suggestedLocale(proxy.country)
  return (
    <Paper withBorder radius="md" p="sm" aria-label="Profile card" component="section">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={5}>{title}</Title>
          <Text size="xs" c="dimmed">
            From the last successful check
          </Text>
        </Group>
        <Table withRowBorders={false} verticalSpacing={4} aria-label="Profile facts">
          <Table.Tbody>
            <Row label="Exit IP">
              {proxy.exitIp ? (
                <Text ff="monospace" size="sm">
                  {proxy.exitIp}
                </Text>
              ) : (
                dash
              )}
            </Row>
            <Row label="Country">
              {proxy.country ? (
                <Text size="sm">
                  {flag && <span aria-hidden>{flag} </span>}
                  {countryName(proxy.country)} ({proxy.country})
                </Text>
              ) : (
                dash
              )}
            </Row>
            <Row label="City">
              {proxy.exitCity ? (
                <Text size="sm">
                  {proxy.exitCity}
                  {proxy.exitRegion && proxy.exitRegion !== proxy.exitCity && (
                    <Text span c="dimmed" size="sm">
                      {' '}
                      · {proxy.exitRegion}
                    </Text>
                  )}
                </Text>
              ) : (
                dash
              )}
            </Row>
            <Row label="Timezone">
              {proxy.exitTimezone ? (
                <Text size="sm" ff="monospace" data-testid="profile-timezone">
                  {proxy.exitTimezone}
                </Text>
              ) : (
                dash
              )}
            </Row>
            <Row label="Locale">
              {locale ? (
                <Text size="sm" ff="monospace">
                  {locale}{' '}
                  <Text span c="dimmed" size="xs" ff="text">
                    suggested for the country
                  </Text>
                </Text>
              ) : (
                dash
              )}
            </Row>
            <Row label="Proxy string">
              <ConnectionString proxyId={proxy.id} />
            </Row>
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  )
}
