import { Alert, Button, Card, Code, Group, Stack, Text, Title } from '@mantine/core'
import { IconDatabaseExport, IconDeviceFloppy } from '@tabler/icons-react'
import { useState } from 'react'
import type { BackupInfo } from '../../../../shared/contracts/storage'
import { useQuery, useTransportKind } from '../../api'
import { useMutation } from '../../components/use-mutation'
import { formatBytes } from '../../lib/format'
import { useNotify } from '../../shell/notices'
import { AppStatus } from './AppStatus'
import { BackupsTable } from './BackupsTable'
import { backupsFolderOf, formatBackupTime } from './backup-labels'
import { RestoreModal } from './RestoreModal'

/**
 * The application's data: version, database file, journal and rows per table (moved here from the
 * dashboard, which is about the pool), then the backups folder, a backup now, restoring one.
 */
export function StorageSection() {
  const info = useQuery('app:info')
  const backups = useQuery('app:backups')
  const backup = useMutation('app:backup')
  const kind = useTransportKind()
  const notify = useNotify()
  const [restoring, setRestoring] = useState<BackupInfo | null>(null)

  async function backUp(target: 'folder' | 'dialog') {
    const result = await backup.run({ target })
    if (!result) return
    notify({
      level: 'success',
      title: 'Backup written',
      message:
        result.target === 'folder'
          ? `${formatBackupTime(result.backup.createdAt)}, ${formatBytes(result.backup.sizeBytes)}; checked and kept in the backups folder.`
          : `Saved to ${result.path} (${formatBytes(result.bytes)}).`,
    })
  }

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="storage-title">
      <Stack gap="md">
        <Title order={3} size="h4" id="storage-title">
          Storage
        </Title>
        <Text size="sm">
          ProxyDeck backs the database up every day, before an update changes its layout and before
          a restore. Backups hold the data and the encrypted passwords, not the key: keep an export
          of the key (Security, below) to read the passwords on another computer.
        </Text>
        {info.data && <AppStatus info={info.data} />}
        {info.data && (
          <Text size="sm" c="dimmed">
            Backups folder: <Code>{backupsFolderOf(info.data.dataDir)}</Code>
          </Text>
        )}
        <Group gap="sm">
          <Button
            leftSection={<IconDeviceFloppy size={16} />}
            loading={backup.loading}
            onClick={() => void backUp('folder')}
          >
            Back up now
          </Button>
          {kind === 'electron' && (
            <Button
              variant="default"
              leftSection={<IconDatabaseExport size={16} />}
              disabled={backup.loading}
              onClick={() => void backUp('dialog')}
            >
              Save a copy as…
            </Button>
          )}
        </Group>
        {backup.error && backup.error.code !== 'CANCELLED' && (
          <Alert color="red" variant="light" title="No backup written" role="alert">
            {backup.error.message}
          </Alert>
        )}
        {backups.data && <BackupsTable backups={backups.data} onRestore={setRestoring} />}
        {backups.error && (
          <Alert color="red" variant="light" title="Backups could not be listed" role="alert">
            {backups.error.message}
          </Alert>
        )}
      </Stack>
      <RestoreModal
        backup={restoring}
        onClose={() => setRestoring(null)}
        onRestored={(result, from) => {
          setRestoring(null)
          notify({
            level: result.passwords === 'unreadable' ? 'warning' : 'success',
            title: 'Backup restored',
            message:
              result.passwords === 'unreadable'
                ? 'The data is back; its passwords need their key (Security: Import key).'
                : `The data of ${formatBackupTime(from.createdAt)} is back; what it replaced is kept as a “Before a restore” backup.`,
          })
        }}
      />
    </Card>
  )
}
