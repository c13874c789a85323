import { SimpleGrid, Stack } from '@mantine/core'
import { IconCube, IconDatabase, IconLock, IconLockOff } from '@tabler/icons-react'
import type { AppInfo } from '../../../../shared/contracts/app'
import { formatBytes } from '../../lib/format'
import { StatCard } from '../dashboard/StatCard'
import { StorageCard } from './StorageCard'

/**
 * The application's own state, for the operator who looks after the install: version, database
 * file and journal, keychain; then where the data lives and its rows per table (StorageCard).
 */
export function AppStatus({ info }: { info: AppInfo }) {
  const keychainOk = info.keychain.status === 'available'
  const totalRows = Object.values(info.db.rows).reduce((sum, count) => sum + count, 0)
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <StatCard
          label="Version"
          icon={<IconCube size={20} aria-hidden />}
          value={`v${info.version}`}
          detail={`${info.runtime} on ${info.platform}`}
        />
        <StatCard
          label="Database"
          icon={<IconDatabase size={20} aria-hidden />}
          value={formatBytes(info.db.sizeBytes)}
          detail={`${totalRows.toLocaleString('en-US')} rows · ${info.db.journalMode} · ${info.db.migrationsApplied} migrations`}
        />
        <StatCard
          label="Keychain"
          color={keychainOk ? 'teal' : 'yellow'}
          icon={
            keychainOk ? <IconLock size={20} aria-hidden /> : <IconLockOff size={20} aria-hidden />
          }
          value={
            keychainOk ? 'Available' : info.keychain.status === 'locked' ? 'Locked' : 'Unavailable'
          }
          detail={`Service ${info.keychain.service}`}
        />
      </SimpleGrid>
      <StorageCard info={info} />
    </Stack>
  )
}
