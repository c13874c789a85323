import { Loader, Stack, Text, Title } from '@mantine/core'
import { useSettings } from '../../settings/settings-context'
import { AboutSection } from './AboutSection'
import { LocationDatabasesSection } from './LocationDatabasesSection'
import { PlatformTargetsSection } from './PlatformTargetsSection'
import { SecuritySection } from './SecuritySection'
import { SettingsForm } from './SettingsForm'
import { StorageSection } from './StorageSection'

export function SettingsView() {
  const { settings, error } = useSettings()
  return (
    <Stack gap="lg" maw={760} component="section" aria-labelledby="settings-title">
      <div>
        <Title order={1} size="h2" id="settings-title">
          Settings
        </Title>
        <Text c="dimmed" size="sm">
          Stored in the local database; changes apply at once.
        </Text>
      </div>
      {settings ? (
        <SettingsForm settings={settings} />
      ) : (
        !error && <Loader aria-label="Loading settings" />
      )}
      <LocationDatabasesSection />
      <PlatformTargetsSection />
      <StorageSection />
      <SecuritySection />
      <AboutSection />
    </Stack>
  )
}
