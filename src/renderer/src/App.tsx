import { MantineProvider } from '@mantine/core'
import type { Client } from '../../shared/client'
import { ApiProvider, type TransportKind } from './api'
import { ColorSchemeSync } from './settings/color-scheme-sync'
import { SettingsProvider } from './settings/settings-context'
import { NoticesProvider } from './shell/notices'
import { Shell } from './shell/Shell'
import { cssVariablesResolver, theme } from './theme'

export function App({ client, kind }: { client: Client; kind: TransportKind }) {
  return (
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      defaultColorScheme="auto"
    >
      <ApiProvider client={client} kind={kind}>
        <SettingsProvider>
          <ColorSchemeSync />
          <NoticesProvider>
            <Shell />
          </NoticesProvider>
        </SettingsProvider>
      </ApiProvider>
    </MantineProvider>
  )
}
