import { ActionIcon, Group, Tooltip } from '@mantine/core'
import { IconPencil, IconTrash } from '@tabler/icons-react'
import type { ProxyDto } from '../../../../shared/contracts/dto'
import { TestProxyIcon } from '../../features/exit'
import { PasswordReveal } from './PasswordReveal'
import { proxyLabel } from './proxy-label'

interface ProxyRowActionsProps {
  proxy: ProxyDto
  onEdit: (proxy: ProxyDto) => void
  onDelete: (proxy: ProxyDto) => void
  /** After the row's own test ended (the table refreshes on data:changed too). */
  onTested?: () => void
}

export function ProxyRowActions({ proxy, onEdit, onDelete, onTested }: ProxyRowActionsProps) {
  const label = proxyLabel(proxy)
  return (
    <Group gap={2} wrap="nowrap">
      <TestProxyIcon proxy={proxy} onTested={onTested} />
      <PasswordReveal proxy={proxy} />
      <Tooltip label="Edit">
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={`Edit ${label}`}
          onClick={() => onEdit(proxy)}
        >
          <IconPencil size={16} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label="Delete">
        <ActionIcon
          variant="subtle"
          color="red"
          aria-label={`Delete ${label}`}
          onClick={() => onDelete(proxy)}
        >
          <IconTrash size={16} />
        </ActionIcon>
      </Tooltip>
    </Group>
  )
}
