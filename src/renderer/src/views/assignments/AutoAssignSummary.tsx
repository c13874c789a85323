import { Alert, List, Stack, Table, Text } from '@mantine/core'
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react'
import type { AutoAssignResult, CollisionNote } from '../../../../shared/contracts/assignments'
import { formatCount } from '../../lib/format'
import { unassignedReasonText } from '../../components'

interface AutoAssignSummaryProps {
  result: AutoAssignResult
  modelNames: Map<number, string>
  onClose: () => void
}

interface ModelTally {
  modelId: number
  assigned: number
  proxies: Set<number>
  unassigned: Map<string, number>
  /** The first exit collision that kept one of the model's accounts waiting, to name it. */
  collision: CollisionNote | undefined
}

function tallyByModel(result: AutoAssignResult): ModelTally[] {
  const tallies = new Map<number, ModelTally>()
  const tally = (modelId: number) => {
    let entry = tallies.get(modelId)
    if (!entry) {
      entry = {
        modelId,
        assigned: 0,
        proxies: new Set(),
        unassigned: new Map(),
        collision: undefined,
      }
      tallies.set(modelId, entry)
    }
    return entry
  }
  for (const { modelId, proxyId } of result.assigned) {
    const entry = tally(modelId)
    entry.assigned++
    entry.proxies.add(proxyId)
  }
  for (const { modelId, reason, collision } of result.unassigned) {
    const entry = tally(modelId)
    entry.unassigned.set(reason, (entry.unassigned.get(reason) ?? 0) + 1)
    entry.collision ??= collision
  }
  return [...tallies.values()]
}

const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`

/** What the last auto-assign run did, per model, with the reasons accounts were left waiting. */
export function AutoAssignSummary({ result, modelNames, onClose }: AutoAssignSummaryProps) {
  const proxies = new Set(result.assigned.map((a) => a.proxyId)).size
  const waiting = result.unassigned.length
  const tallies = tallyByModel(result)
  const name = (id: number) => modelNames.get(id) ?? `Model #${id}`
  const nothing = result.assigned.length === 0 && waiting === 0
  return (
    <Alert
      color={waiting > 0 ? 'orange' : 'teal'}
      variant="light"
      icon={waiting > 0 ? <IconAlertTriangle size={18} /> : <IconCircleCheck size={18} />}
      title={
        nothing
          ? 'Nothing to assign: every active account already has a proxy'
          : `Assigned ${plural(result.assigned.length, 'account', 'accounts')} onto ${plural(proxies, 'proxy', 'proxies')}` +
            (waiting > 0 ? `; ${formatCount(waiting)} left unassigned` : '')
      }
      withCloseButton
      closeButtonLabel="Dismiss summary"
      onClose={onClose}
    >
      {!nothing && (
        <Stack gap="xs">
          <Table
            verticalSpacing={4}
            withRowBorders={false}
            aria-label="Auto-assign result per model"
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Model</Table.Th>
                <Table.Th ta="right">Assigned</Table.Th>
                <Table.Th ta="right">Onto proxies</Table.Th>
                <Table.Th ta="right">Left unassigned</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tallies.map((t) => {
                const left = [...t.unassigned.values()].reduce((sum, n) => sum + n, 0)
                return (
                  <Table.Tr key={t.modelId}>
                    <Table.Td fw={600}>{name(t.modelId)}</Table.Td>
                    <Table.Td ta="right">{formatCount(t.assigned)}</Table.Td>
                    <Table.Td ta="right">{formatCount(t.proxies.size)}</Table.Td>
                    <Table.Td
                      ta="right"
                      c={left > 0 ? 'orange' : undefined}
                      fw={left > 0 ? 600 : undefined}
                    >
                      {formatCount(left)}
                    </Table.Td>
                  </Table.Tr>
                )
              })}
            </Table.Tbody>
          </Table>
          {waiting > 0 && (
            <List size="sm" spacing={4}>
              {tallies.flatMap((t) =>
                [...t.unassigned].map(([reason, count]) => (
                  <List.Item key={`${t.modelId}-${reason}`}>
                    <Text span size="sm">
                      <b>{plural(count, 'account', 'accounts')}</b> of <b>{name(t.modelId)}</b>:{' '}
                      {unassignedReasonText[reason] ?? reason}
                      {reason === 'exit_collision' && t.collision
                        ? ` (proxy #${t.collision.proxyId} leaves from ${t.collision.address}, ` +
                          `like proxy #${t.collision.otherProxyId} of ${name(t.collision.otherModelId)})`
                        : ''}
                      .
                    </Text>
                  </List.Item>
                )),
              )}
            </List>
          )}
          {waiting > 0 && (
            <Text size="sm" c="dimmed">
              Add proxies (or raise a proxy's maximum) and run Auto-assign again; waiting accounts
              keep their place in line.
            </Text>
          )}
        </Stack>
      )}
    </Alert>
  )
}
