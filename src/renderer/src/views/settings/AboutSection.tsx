import { Anchor, Card, Stack, Text, Title } from '@mantine/core'
import { ASN_ATTRIBUTION, GEO_ATTRIBUTION } from '../../../../shared/attributions'
import { useQuery } from '../../api'
import { ShortcutList } from '../../shell/ShortcutList'

/** Version and the attributions the shipped data's licences ask for. */
export function AboutSection() {
  const info = useQuery('app:info')
  return (
    <Card withBorder component="section" aria-labelledby="about-title">
      <Stack gap="xs">
        <Title order={3} id="about-title">
          About ProxyDeck
        </Title>
        <Text size="sm">
          Version {info.data?.version ?? '…'}: a local-first manager for proxies, providers, models
          and accounts. Your data stays in a SQLite file on this machine; proxy passwords are
          encrypted with a key kept in the OS keychain.
        </Text>
        <Title order={4} id="shortcuts-title" mt="xs">
          Keyboard shortcuts
        </Title>
        <ShortcutList />
        <Text size="sm" c="dimmed">
          {GEO_ATTRIBUTION}{' '}
          <Anchor href="https://www.maxmind.com" target="_blank" rel="noreferrer" size="sm">
            maxmind.com
          </Anchor>
        </Text>
        <Text size="sm" c="dimmed">
          {ASN_ATTRIBUTION}{' '}
          <Anchor href="https://db-ip.com" target="_blank" rel="noreferrer" size="sm">
            IP Geolocation by DB-IP
          </Anchor>
        </Text>
      </Stack>
    </Card>
  )
}
