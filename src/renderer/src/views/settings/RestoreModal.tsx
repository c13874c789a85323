import { Alert, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import type { BackupInfo, RestoreResult } from '../../../../shared/contracts/storage'
import type { AppError } from '../../../../shared/errors'
import { toAppError, useApi } from '../../api'
import { ConfirmModal } from '../../components'
import { formatBytes } from '../../lib/format'
import { backupKindLabels, formatBackupTime } from './backup-labels'

/**
 * Restoring replaces every row, so it asks first. When main answers that the backup's passwords
 * need a key this keychain lacks, the dialog says so and offers to restore anyway.
 */
export function RestoreModal({
  backup,
  onClose,
  onRestored,
}: {
  backup: BackupInfo | null
  onClose: () => void
  onRestored: (result: RestoreResult, from: BackupInfo) => void
}) {
  const client = useApi()
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<AppError>()
  const [unreadable, setUnreadable] = useState<string>()

  function close() {
    setError(undefined)
    setUnreadable(undefined)
    onClose()
  }

  async function confirm() {
    if (!backup) return
    setLoading(true)
    setError(undefined)
    try {
      const result = await client.call('app:restore', {
        source: { kind: 'backup', name: backup.name },
        confirm: true,
        acceptUnreadablePasswords: unreadable !== undefined,
      })
      setUnreadable(undefined)
      onRestored(result, backup)
    } catch (cause) {
      const failure = toAppError(cause)
      const reason = (failure.details as { reason?: string } | undefined)?.reason
      if (reason === 'passwords_unreadable') setUnreadable(failure.message)
      else setError(failure)
    } finally {
      setLoading(false)
    }
  }

  return (
    <ConfirmModal
      opened={backup !== null}
      title="Restore this backup?"
      confirmLabel={unreadable ? 'Restore anyway' : 'Replace the current data'}
      loading={loading}
      onConfirm={() => void confirm()}
      onClose={close}
    >
      <Stack gap="sm">
        {backup && (
          <Text size="sm">
            Every provider, proxy, model, account and history entry is replaced with the backup of{' '}
            <b>{formatBackupTime(backup.createdAt)}</b> (
            {backupKindLabels[backup.kind].toLowerCase()}, {formatBytes(backup.sizeBytes)}). The
            current data is kept first as a “Before a restore” backup, so this can be undone.
          </Text>
        )}
        {unreadable && (
          <Alert color="yellow" variant="light" title="Its passwords cannot be read here">
            {unreadable}
          </Alert>
        )}
        {error && (
          <Alert color="red" variant="light" title="Not restored" role="alert">
            {error.message}
          </Alert>
        )}
      </Stack>
    </ConfirmModal>
  )
}
