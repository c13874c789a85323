import { ActionIcon, Group, Tooltip } from '@mantine/core'
import { IconBan, IconEdit, IconId, IconRestore, IconTrash } from '@tabler/icons-react'
import type { AccountDto } from '../../../../shared/contracts/dto'

interface AccountRowActionsProps {
  account: AccountDto
  onEdit: () => void
  onInvalidate: () => void
  onRemove: () => void
  onReactivate: () => void
  /** Opens the profile card of the account's proxy (only offered while it has one). */
  onProfile: () => void
}

export function AccountRowActions(props: AccountRowActionsProps) {
  const { account, onEdit, onInvalidate, onRemove, onReactivate, onProfile } = props
  const name = account.username
  return (
    <Group gap={2} wrap="nowrap">
      <Tooltip label={account.proxyId === null ? 'No proxy: no profile to match' : 'Profile card'}>
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={`Profile card of ${name}`}
          onClick={onProfile}
          disabled={account.proxyId === null}
        >
          <IconId size={18} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label="Edit">
        <ActionIcon variant="subtle" aria-label={`Edit ${name}`} onClick={onEdit}>
          <IconEdit size={18} />
        </ActionIcon>
      </Tooltip>
      {account.status === 'active' ? (
        <Tooltip label="Mark invalid (releases its proxy)">
          <ActionIcon
            variant="subtle"
            color="orange"
            aria-label={`Mark ${name} invalid`}
            onClick={onInvalidate}
          >
            <IconBan size={18} />
          </ActionIcon>
        </Tooltip>
      ) : (
        <Tooltip label="Reactivate (it will wait for a proxy)">
          <ActionIcon
            variant="subtle"
            color="teal"
            aria-label={`Reactivate ${name}`}
            onClick={onReactivate}
          >
            <IconRestore size={18} />
          </ActionIcon>
        </Tooltip>
      )}
      <Tooltip
        label={account.status === 'removed' ? 'Already removed' : 'Remove (releases its proxy)'}
      >
        <ActionIcon
          variant="subtle"
          color="red"
          aria-label={`Remove ${name}`}
          onClick={onRemove}
          disabled={account.status === 'removed'}
        >
          <IconTrash size={18} />
        </ActionIcon>
      </Tooltip>
    </Group>
  )
}
