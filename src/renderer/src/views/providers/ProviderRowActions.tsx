import { ActionIcon, Group, Tooltip } from '@mantine/core'
import { IconList, IconPencil, IconTrash } from '@tabler/icons-react'
import type { ProviderListItem } from '../../../../shared/contracts/dto'
import { proxiesHref } from './provider-columns'

interface ProviderRowActionsProps {
  provider: ProviderListItem
  onEdit: (provider: ProviderListItem) => void
  onDelete: (provider: ProviderListItem) => void
}

export function ProviderRowActions({ provider, onEdit, onDelete }: ProviderRowActionsProps) {
  return (
    <Group gap={2} wrap="nowrap">
      <Tooltip label="Show its proxies">
        <ActionIcon
          component="a"
          href={proxiesHref(provider.id)}
          variant="subtle"
          color="gray"
          aria-label={`Show proxies of ${provider.name}`}
        >
          <IconList size={16} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label="Edit">
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={`Edit ${provider.name}`}
          onClick={() => onEdit(provider)}
        >
          <IconPencil size={16} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label="Delete">
        <ActionIcon
          variant="subtle"
          color="red"
          aria-label={`Delete ${provider.name}`}
          onClick={() => onDelete(provider)}
        >
          <IconTrash size={16} />
        </ActionIcon>
      </Tooltip>
    </Group>
  )
}
