import { Badge, Button, Table, Text, VisuallyHidden } from '@mantine/core'
import { IconRestore } from '@tabler/icons-react'
import type { BackupInfo } from '../../../../shared/contracts/storage'
import { formatBytes } from '../../lib/format'
import { backupKindLabels, formatBackupTime } from './backup-labels'

/** The backups folder, newest first; each row can be restored (after a confirmation). */
export function BackupsTable({
  backups,
  onRestore,
}: {
  backups: BackupInfo[]
  onRestore: (backup: BackupInfo) => void
}) {
  if (backups.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No backups yet. The first daily backup is written once there is data; “Back up now” writes
        one at once.
      </Text>
    )
  }
  return (
    <Table striped withTableBorder verticalSpacing={6} aria-label="Backups">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Date</Table.Th>
          <Table.Th>Kind</Table.Th>
          <Table.Th ta="right">Size</Table.Th>
          <Table.Th ta="right">
            <VisuallyHidden>Actions</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {backups.map((backup) => (
          <Table.Tr key={backup.name} title={backup.name}>
            <Table.Td>{formatBackupTime(backup.createdAt)}</Table.Td>
            <Table.Td>
              <Badge variant="light" color={backup.kind === 'manual' ? 'indigo' : 'gray'}>
                {backupKindLabels[backup.kind]}
              </Badge>
            </Table.Td>
            <Table.Td ta="right">{formatBytes(backup.sizeBytes)}</Table.Td>
            <Table.Td ta="right">
              <Button
                size="compact-sm"
                variant="subtle"
                leftSection={<IconRestore size={14} />}
                aria-label={`Restore the backup of ${formatBackupTime(backup.createdAt)}`}
                onClick={() => onRestore(backup)}
              >
                Restore
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
