import { Button, Group, Menu, Text } from '@mantine/core'
import {
  IconChevronDown,
  IconDownload,
  IconListCheck,
  IconPlugConnected,
  IconTrash,
  IconUsersPlus,
  IconX,
} from '@tabler/icons-react'
import { proxyStatuses, type ProxyStatus } from '../../../../shared/domain'
import { useState } from 'react'
import { toAppError, useApi } from '../../api'
import { StatusBadge } from '../../components'
import { formatCount } from '../../lib/format'
import { useNotify } from '../../shell/notices'
import type { ProxySelectionState } from './use-proxy-selection'

interface ProxyBulkActionsProps {
  selection: ProxySelectionState
  /** Proxies matching the filters (every page). */
  total: number | undefined
  models: readonly { id: number; name: string }[]
  /** After a status change or an assignment: the list and counts are stale. */
  onChanged: () => void
  onDelete: () => void
  onExport: () => void
}

const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`

/**
 * What the operator can do to the selected proxies at once: the rows ticked, or "all N
 * matching" the filters, which main resolves itself (the matches are never loaded here).
 */
export function ProxyBulkActions(props: ProxyBulkActionsProps) {
  const { selection, total, models, onChanged, onDelete, onExport } = props
  const client = useApi()
  const notify = useNotify()
  const [busy, setBusy] = useState<string | null>(null)
  const { count, allMatching } = selection
  const chosen = selection.selection

  async function act(what: string, failed: string, run: () => Promise<void>) {
    setBusy(what)
    try {
      await run()
    } catch (cause) {
      const error = toAppError(cause)
      notify({
        level: error.code === 'CONFLICT' ? 'warning' : 'error',
        title: failed,
        message: error.message,
      })
    } finally {
      setBusy(null)
    }
  }

  const setStatus = (status: ProxyStatus) =>
    act('status', 'Status not changed', async () => {
      if (!chosen) return
      const result = await client.call('proxies:setStatus', { ...chosen, status })
      notify({
        level: 'success',
        title: 'Status changed',
        message: `${formatCount(result.updated)} of ${formatCount(count)} selected set to ${status}.`,
      })
      selection.clear()
      onChanged()
    })

  const test = () =>
    act('test', 'Test not started', async () => {
      if (!chosen) return
      await client.call('proxies:test', chosen)
    })

  const assign = (model: { id: number; name: string }) =>
    act('assign', 'Accounts not assigned', async () => {
      if (!chosen) return
      const result = await client.call('assignments:auto', { modelId: model.id, proxies: chosen })
      notify({
        level: result.assigned.length ? 'success' : 'info',
        title: `${model.name}: ${plural(result.assigned.length, 'account', 'accounts')} assigned`,
        message: result.unassigned.length
          ? `${plural(result.unassigned.length, 'account still waits', 'accounts still wait')}: no room left on the selected proxies for ${model.name}.`
          : `Onto the selected proxies, first available first.`,
      })
      onChanged()
    })

  const selectAll =
    !allMatching && total !== undefined && total > count ? (
      <Button
        size="xs"
        variant="subtle"
        leftSection={<IconListCheck size={14} />}
        onClick={selection.selectAllMatching}
      >
        Select all {formatCount(total)} matching
      </Button>
    ) : null

  if (count === 0) {
    return (
      <Group gap="xs">
        <Text size="sm" c="dimmed" py={6}>
          Select proxies to act on them together.
        </Text>
        {selectAll}
      </Group>
    )
  }
  return (
    <Group gap="xs" role="toolbar" aria-label="Selected proxies">
      <Text size="sm" fw={600} mr={4} aria-live="polite">
        {allMatching
          ? `All ${formatCount(count)} matching selected`
          : `${formatCount(count)} selected`}
      </Text>
      {selectAll}
      <Button
        size="xs"
        variant="light"
        leftSection={<IconPlugConnected size={14} />}
        loading={busy === 'test'}
        onClick={() => void test()}
      >
        Test selected
      </Button>
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <Button
            size="xs"
            variant="light"
            rightSection={<IconChevronDown size={14} />}
            loading={busy === 'status'}
          >
            Set status
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {proxyStatuses.map((status) => (
            <Menu.Item
              key={status}
              onClick={() => void setStatus(status)}
              aria-label={`Set status ${status}`}
            >
              <StatusBadge status={status} />
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconUsersPlus size={14} />}
            rightSection={<IconChevronDown size={14} />}
            loading={busy === 'assign'}
            disabled={models.length === 0}
          >
            Assign to model
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Its waiting accounts onto these proxies</Menu.Label>
          {models.map((model) => (
            <Menu.Item key={model.id} onClick={() => void assign(model)}>
              {model.name}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <Button size="xs" variant="light" leftSection={<IconDownload size={14} />} onClick={onExport}>
        Export selected
      </Button>
      <Button
        size="xs"
        variant="light"
        color="red"
        leftSection={<IconTrash size={14} />}
        onClick={onDelete}
      >
        Delete selected
      </Button>
      <Button
        size="xs"
        variant="subtle"
        color="gray"
        leftSection={<IconX size={14} />}
        onClick={selection.clear}
        aria-label="Clear selection"
      >
        Clear
      </Button>
    </Group>
  )
}
