import { useEffect, useRef } from 'react'
import { Badge, Group, Skeleton, Stack, Table, Text } from '@mantine/core'
import { useQuery } from '../../api'
import { ErrorAlert, RelativeTime } from '../../components'
import { checkResultColor, checkResultLabel } from './check-labels'

/** The proxy's latest connection checks, newest first. `version` changes to reload. */
export function CheckHistory({ proxyId, version = 0 }: { proxyId: number; version?: number }) {
  const checks = useQuery('proxies:checks', { id: proxyId, limit: 20 })
  const { refresh } = checks
  const key = `${proxyId}:${version}`
  useVersion(key, refresh)

  if (checks.error) {
    return (
      <ErrorAlert error={checks.error} title="Cannot load the check history" onRetry={refresh} />
    )
  }
  if (!checks.data) return <Skeleton h={80} radius="md" />
  if (checks.data.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Not tested yet. Use Test in the proxy list to check it.
      </Text>
    )
  }
  return (
    <Table fz="sm" aria-label="Check history" verticalSpacing={4}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>When</Table.Th>
          <Table.Th>Result</Table.Th>
          <Table.Th>Time</Table.Th>
          <Table.Th>Exit IP</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {checks.data.map((check) => (
          <Table.Tr key={check.id}>
            <Table.Td>
              <RelativeTime epochMs={check.checkedAt} />
            </Table.Td>
            <Table.Td>
              <Stack gap={2}>
                <Group gap={4}>
                  <Badge
                    color={checkResultColor(check.ok, check.errorCode)}
                    variant="light"
                    radius="sm"
                    tt="none"
                  >
                    {checkResultLabel(check.ok, check.errorCode)}
                  </Badge>
                </Group>
                {check.errorMessage && (
                  <Text size="xs" c="dimmed">
                    {check.errorMessage}
                  </Text>
                )}
              </Stack>
            </Table.Td>
            <Table.Td>{check.totalMs === null ? '—' : `${check.totalMs} ms`}</Table.Td>
            <Table.Td ff="monospace">
              {check.exitIp ?? '—'}
              {check.country ? ` (${check.country})` : ''}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

function useVersion(key: string, refresh: () => void) {
  const first = useRef(key)
  useEffect(() => {
    if (first.current !== key) refresh()
  }, [key, refresh])
}
