import { Alert } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import type { AppInfo } from '../../../../shared/contracts/app'

/** Without the keychain nothing can encrypt or read proxy passwords: say so, and why. */
export function KeychainAlert({ keychain }: { keychain: AppInfo['keychain'] }) {
  if (keychain.status === 'available') return null
  return (
    <Alert
      color="yellow"
      variant="light"
      title={alertTitle(keychain)}
      icon={<IconAlertTriangle />}
      role="alert"
    >
      {keychain.message ?? 'The OS keychain did not answer.'}
    </Alert>
  )
}

function alertTitle(keychain: AppInfo['keychain']): string {
  switch (keychain.problem) {
    case 'locked':
      return 'Keychain locked: proxy passwords cannot be stored or read'
    case 'key_missing':
    case 'key_mismatch':
      return 'Keychain unavailable: the key for these passwords is missing (Settings → Security)'
    default:
      return 'Keychain unavailable: proxy passwords cannot be stored or read'
  }
}
