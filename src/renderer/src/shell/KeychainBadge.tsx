import { Badge, Tooltip } from '@mantine/core'
import { IconLock, IconLockOff } from '@tabler/icons-react'
import type { AppInfo } from '../../../shared/contracts/app'

/** Whether proxy passwords can be stored: the vault key lives in the OS keychain. */
export function KeychainBadge({ info }: { info: AppInfo | undefined }) {
  if (!info) return null
  const { status, message, service } = info.keychain
  const available = status === 'available'
  const text = available
    ? 'Keychain ready'
    : status === 'locked'
      ? 'Keychain locked'
      : 'Keychain unavailable'
  const tip = available ? `Vault key stored in the OS keychain (${service})` : (message ?? text)
  return (
    <Tooltip label={tip} multiline w={280} withArrow>
      <Badge
        role="status"
        aria-label={`Keychain: ${status}`}
        variant="light"
        color={available ? 'teal' : 'red'}
        leftSection={available ? <IconLock size={12} /> : <IconLockOff size={12} />}
      >
        {text}
      </Badge>
    </Tooltip>
  )
}
