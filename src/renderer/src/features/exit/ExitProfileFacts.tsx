import { Table, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import type { ProxyDto } from '../../../../shared/contracts/dto'
import { AnonymityBadge } from './AnonymityBadge'
import { ExitPlace } from './ExitPlace'
import { networkText } from './exit-labels'
import { LastCheckBadge } from './LastCheckBadge'
import { ReachabilityList } from './ReachabilityDots'

const dash = (
  <Text c="dimmed" span size="sm">
    —
  </Text>
)

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

/** The exit a proxy's checks found: last result, where it leaves, whose network, how anonymous. */
export function ExitProfileFacts({ proxy }: { proxy: ProxyDto }) {
  const network = networkText(proxy.exitAsn, proxy.exitOrg)
  return (
    <Table aria-label="Exit profile" withRowBorders={false} verticalSpacing={6}>
      <Table.Tbody>
        <Fact label="Last check">
          <LastCheckBadge proxy={proxy} />
          {proxy.lastErrorMessage && (
            <Text size="xs" c="dimmed" mt={2}>
              {proxy.lastErrorMessage}
            </Text>
          )}
        </Fact>
        <Fact label="Latency">
          {proxy.responseTimeMs === null ? dash : <Text size="sm">{proxy.responseTimeMs} ms</Text>}
        </Fact>
        <Fact label="Exit IP">
          {proxy.exitIp ? (
            <Text size="sm" ff="monospace">
              {proxy.exitIp}
            </Text>
          ) : (
            dash
          )}
        </Fact>
        <Fact label="Place">
          <ExitPlace country={proxy.country} city={proxy.exitCity} region={proxy.exitRegion} />
        </Fact>
        <Fact label="Timezone">{proxy.exitTimezone ?? dash}</Fact>
        <Fact label="Network">{network ?? dash}</Fact>
        <Fact label="Anonymity">
          <AnonymityBadge level={proxy.anonymity} />
        </Fact>
        <Fact label="Reachability">
          <ReachabilityList results={proxy.reachability} />
        </Fact>
      </Table.Tbody>
    </Table>
  )
}
