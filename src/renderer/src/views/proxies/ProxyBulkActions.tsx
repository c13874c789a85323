import { Button, Group, Menu, Text } from '@mantine/core'
import { IconChevronDown, IconTrash, IconX } from '@tabler/icons-react'
import { proxyStatuses, type ProxyStatus } from '../../../../shared/domain'
import { useState } from 'react'
import { toAppError, useApi } from '../../api'
import { StatusBadge } from '../../components'
import { formatCount } from '../../lib/format'
import { useNotify } from '../../shell/notices'

interface ProxyBulkActionsProps {
  selectedIds: number[]
  onStatusChanged: () => void
  onDelete: () => void
  onClearSelection: () => void
}

/** What the operator can do to the selected proxies at once. */
export function ProxyBulkActions(props: ProxyBulkActionsProps) {
  const { selectedIds, onStatusChanged, onDelete, onClearSelection } = props
  const client = useApi()
  const notify = useNotify()
  const [busy, setBusy] = useState(false)
  const count = selectedIds.length

  async function apply(status: ProxyStatus) {
    setBusy(true)
    try {
      const result = await client.call('proxies:setStatus', { ids: selectedIds, status })
      notify({
        level: 'success',
        title: 'Status changed',
        message: `${formatCount(result.updated)} of ${formatCount(count)} selected set to ${status}.`,
      })
      onStatusChanged()
    } catch (cause) {
      notify({ level: 'error', title: 'Status not changed', message: toAppError(cause).message })
    } finally {
      setBusy(false)
    }
  }

  if (count === 0) {
    return (
      <Text size="sm" c="dimmed" py={6}>
        Select proxies to change their status or delete them together.
      </Text>
    )
  }
  return (
    <Group gap="xs" role="toolbar" aria-label="Selected proxies">
      <Text size="sm" fw={600} mr={4}>
        {formatCount(count)} selected
      </Text>
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <Button
            size="xs"
            variant="light"
            rightSection={<IconChevronDown size={14} />}
            loading={busy}
          >
            Set status
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {proxyStatuses.map((status) => (
            <Menu.Item
              key={status}
              onClick={() => void apply(status)}
              aria-label={`Set status ${status}`}
            >
              <StatusBadge status={status} />
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
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
        onClick={onClearSelection}
      >
        Clear selection
      </Button>
    </Group>
  )
}
