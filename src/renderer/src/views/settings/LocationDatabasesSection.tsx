import { Alert, Badge, Button, Card, Code, Group, Stack, Table, Text, Title } from '@mantine/core'
import { IconFileSearch, IconRestore } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import type {
  GeoDatabaseDto,
  GeoDatabaseKind,
  GeoDatabasesDto,
} from '../../../../shared/contracts/geo'
import { useQuery, useTransportKind } from '../../api'
import { useMutation } from '../../components/use-mutation'

const kindLabels: Record<GeoDatabaseKind, string> = {
  city: 'City (country, region, city, time zone)',
  asn: 'ASN (network and organisation)',
}

const builtDate = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' })

/**
 * The offline databases behind each check's exit place and network: which copy is in use, how old
 * it is, and (desktop app) a newer .mmdb file of the same kind chosen through main's file dialog.
 */
export function LocationDatabasesSection() {
  const query = useQuery('geo:databases')
  const choose = useMutation('geo:chooseDatabase')
  const toBundled = useMutation('geo:useBundled')
  const desktop = useTransportKind() === 'electron'
  // Each action answers with the new state; it replaces what the query read.
  const [state, setState] = useState<GeoDatabasesDto>()
  useEffect(() => setState(query.data), [query.data])
  const busy = choose.loading || toBundled.loading
  const error = [choose.error, toBundled.error].find((e) => e && e.code !== 'CANCELLED')

  async function act(kind: GeoDatabaseKind, action: 'choose' | 'bundled') {
    choose.reset()
    toBundled.reset()
    const result = await (action === 'choose' ? choose : toBundled).run({ kind })
    if (result) setState(result)
  }

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="geo-db-title">
      <Stack gap="md">
        <Title order={3} size="h4" id="geo-db-title">
          Location databases
        </Title>
        <Text size="sm">
          Each check looks its exit IP up offline. The bundled copies age and are no longer updated
          through ProxyDeck&apos;s packages; point ProxyDeck at a newer file of the same kind, e.g.
          MaxMind&apos;s GeoLite2-City.mmdb / GeoLite2-ASN.mmdb, or ip-location-db&apos;s IPv4 and
          IPv6 files together.
        </Text>
        {state && (
          <Table verticalSpacing="xs" aria-label="Location databases">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Database</Table.Th>
                <Table.Th>In use</Table.Th>
                <Table.Th>Built</Table.Th>
                {desktop && <Table.Th aria-label="Actions" />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {state.databases.map((db) => (
                <Table.Tr key={db.kind} data-kind={db.kind}>
                  <Table.Td>{kindLabels[db.kind]}</Table.Td>
                  <Table.Td>
                    <Source db={db} />
                  </Table.Td>
                  <Table.Td>{db.builtAt ? builtDate.format(new Date(db.builtAt)) : '—'}</Table.Td>
                  {desktop && (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="default"
                          leftSection={<IconFileSearch size={14} />}
                          disabled={busy}
                          onClick={() => void act(db.kind, 'choose')}
                        >
                          Choose file…
                        </Button>
                        <Button
                          size="xs"
                          variant="subtle"
                          leftSection={<IconRestore size={14} />}
                          disabled={busy || db.source === 'bundled'}
                          onClick={() => void act(db.kind, 'bundled')}
                        >
                          Use bundled
                        </Button>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {state?.databases
          .filter((db) => db.problem)
          .map((db) => (
            <Alert key={db.kind} color="yellow" variant="light" title="Your file is not in use">
              {db.problem}
            </Alert>
          ))}
        {error && (
          <Alert color="red" variant="light" title="Database not changed" role="alert">
            {error.message}
          </Alert>
        )}
        {query.error && (
          <Alert color="red" variant="light" title="Databases could not be read" role="alert">
            {query.error.message}
          </Alert>
        )}
        {!desktop && (
          <Text size="xs" c="dimmed">
            Choosing a file needs the desktop app (its file dialog).
          </Text>
        )}
      </Stack>
    </Card>
  )
}

function Source({ db }: { db: GeoDatabaseDto }) {
  if (db.source === 'none') return <Badge color="gray">None (lookups off)</Badge>
  if (db.source === 'bundled') {
    return (
      <Stack gap={2}>
        <Badge variant="light">Bundled</Badge>
        {db.publisher && (
          <Text size="xs" c="dimmed">
            {db.publisher}
          </Text>
        )}
      </Stack>
    )
  }
  return (
    <Stack gap={2}>
      <Badge variant="light" color="teal">
        Your file{db.type ? `: ${db.type}` : ''}
      </Badge>
      {db.paths.map((path) => (
        <Code key={path} style={{ wordBreak: 'break-all' }}>
          {path}
        </Code>
      ))}
    </Stack>
  )
}
