import { Badge, Button, Group, Table, Text } from '@mantine/core'
import { IconPlayerPause, IconRefresh, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import type { CheckResultDto } from '../../../../shared/contracts/checks'
import { protocolLabel } from '../../../../shared/endpoint'
import { toAppError, useApi } from '../../api'
import { ConfirmModal } from '../../components'
import { formatCount } from '../../lib/format'
import { useNotify } from '../../shell/notices'
import { checkResultColor, checkResultLabel } from './check-labels'

interface FailureGroup {
  label: string
  color: string
  results: CheckResultDto[]
}

/** The run's failures by error class, the largest class first. */
export function groupFailures(failures: readonly CheckResultDto[]): FailureGroup[] {
  const groups = new Map<string, FailureGroup>()
  for (const result of failures) {
    const label = checkResultLabel(false, result.errorCode)
    let group = groups.get(label)
    if (!group) {
      group = { label, color: checkResultColor(false, result.errorCode), results: [] }
      groups.set(label, group)
    }
    group.results.push(result)
  }
  return [...groups.values()].sort((a, b) => b.results.length - a.results.length)
}

const plural = (n: number) => `${formatCount(n)} ${n === 1 ? 'proxy' : 'proxies'}`

/**
 * A test run's failures grouped by error class, with counts; each proxy named fully (protocol,
 * user, endpoint, provider) and each group re-tested, deactivated or deleted at once.
 */
export function FailureGroups({ failures }: { failures: readonly CheckResultDto[] }) {
  // Deleted from here: their results stay in the run, but the rows are gone.
  const [removed, setRemoved] = useState<ReadonlySet<number>>(new Set())
  const groups = groupFailures(failures.filter((result) => !removed.has(result.proxyId)))
  return (
    <Table fz="sm" aria-label="Failed checks" verticalSpacing={4}>
      {groups.map((group) => (
        <Table.Tbody key={group.label} aria-label={`${group.label}: ${group.results.length}`}>
          <Table.Tr>
            <Table.Th colSpan={3}>
              <Group justify="space-between" wrap="nowrap">
                <Group gap="xs" wrap="nowrap">
                  <Badge color={group.color} variant="light" radius="sm" tt="none">
                    {group.label}
                  </Badge>
                  <Text size="sm" fw={600}>
                    {plural(group.results.length)}
                  </Text>
                </Group>
                <GroupActions
                  group={group}
                  onRemoved={(ids) => setRemoved((current) => new Set([...current, ...ids]))}
                />
              </Group>
            </Table.Th>
          </Table.Tr>
          {group.results.map((result) => (
            <Table.Tr key={result.proxyId}>
              <Table.Td ff="monospace">
                {fullName(result)}{' '}
                <Text span c="dimmed" size="xs">
                  #{result.proxyId}
                </Text>
              </Table.Td>
              <Table.Td>{result.providerName}</Table.Td>
              <Table.Td c="dimmed">{result.errorMessage}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      ))}
    </Table>
  )
}

/** `socks5h://user@[::1]:1080`: main's label is the endpoint already (shared/endpoint.ts). */
function fullName(result: CheckResultDto): string {
  const user = result.username ? `${result.username}@` : ''
  return `${protocolLabel(result)}://${user}${result.label}`
}

function GroupActions(props: { group: FailureGroup; onRemoved: (ids: number[]) => void }) {
  const { group, onRemoved } = props
  const client = useApi()
  const notify = useNotify()
  const [busy, setBusy] = useState<string | null>(null)
  const [confirming, setConfirming] = useState(false)
  const ids = group.results.map((result) => result.proxyId)
  const what = `${plural(ids.length)} (${group.label})`

  async function act(key: string, failed: string, run: () => Promise<string | null>) {
    setBusy(key)
    try {
      const message = await run()
      if (message) notify({ level: 'success', title: message, message: what })
    } catch (cause) {
      const error = toAppError(cause)
      notify({
        level: error.code === 'CONFLICT' ? 'warning' : 'error',
        title: failed,
        message: error.message,
      })
    } finally {
      setBusy(null)
      setConfirming(false)
    }
  }

  return (
    <Group gap={4} wrap="nowrap">
      <Button
        size="compact-xs"
        variant="light"
        leftSection={<IconRefresh size={12} />}
        loading={busy === 'test'}
        aria-label={`Re-test ${what}`}
        onClick={() =>
          void act('test', 'Test not started', async () => {
            await client.call('proxies:test', { ids })
            return null
          })
        }
      >
        Re-test
      </Button>
      <Button
        size="compact-xs"
        variant="default"
        leftSection={<IconPlayerPause size={12} />}
        loading={busy === 'deactivate'}
        aria-label={`Deactivate ${what}`}
        onClick={() =>
          void act('deactivate', 'Not deactivated', async () => {
            const result = await client.call('proxies:setStatus', { ids, status: 'inactive' })
            return `${plural(result.updated)} deactivated`
          })
        }
      >
        Deactivate
      </Button>
      <Button
        size="compact-xs"
        variant="light"
        color="red"
        leftSection={<IconTrash size={12} />}
        aria-label={`Delete ${what}`}
        onClick={() => setConfirming(true)}
      >
        Delete
      </Button>
      <ConfirmModal
        opened={confirming}
        title={`Delete ${what}?`}
        confirmLabel={`Delete ${plural(ids.length)}`}
        loading={busy === 'delete'}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          void act('delete', 'Not deleted', async () => {
            const result = await client.call('proxies:remove', { ids })
            onRemoved(ids)
            return `${plural(result.removed)} deleted`
          })
        }
      >
        This cannot be undone. Accounts on them are released and wait for a new proxy.
      </ConfirmModal>
    </Group>
  )
}
