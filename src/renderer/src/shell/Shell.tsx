import { Alert, AppShell, Button, Group, ScrollArea } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconAlertTriangle } from '@tabler/icons-react'
import { Suspense, useEffect } from 'react'
import { useQuery } from '../api'
import { HoverTips } from '../components'
import { CheckRunAlertListener } from '../features/checks/CheckRunAlertListener'
import { MonitorAlertListener } from '../features/checks/MonitorAlertListener'
import { useSettings } from '../settings/settings-context'
import { HeaderBar } from './HeaderBar'
import { KeyboardLayer } from './KeyboardLayer'
import { NavMenu } from './NavMenu'
import { NoticeListener } from './NoticeListener'
import { findRoute } from './routes'
import { mainContentId, SkipLink } from './SkipLink'
import { useHashRoute } from './use-hash-route'

export function Shell() {
  const [navOpened, { toggle: toggleNav, close: closeNav }] = useDisclosure(false)
  const route = findRoute(useHashRoute())
  const info = useQuery('app:info')
  const { error: settingsError, reload } = useSettings()
  const View = route.view

  useEffect(() => {
    document.title = `${route.label} · ProxyDeck`
  }, [route])

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="lg"
    >
      <SkipLink />
      <AppShell.Header>
        <HeaderBar navOpened={navOpened} onToggleNav={toggleNav} info={info.data} />
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        <AppShell.Section grow component={ScrollArea}>
          <NavMenu active={route} onNavigate={closeNav} />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id={mainContentId} tabIndex={-1}>
        {settingsError && (
          <Alert
            color="red"
            mb="lg"
            title="Cannot talk to ProxyDeck"
            icon={<IconAlertTriangle />}
            role="alert"
          >
            <Group justify="space-between" wrap="nowrap">
              <span>{settingsError.message}</span>
              <Button size="xs" variant="white" color="red" onClick={reload}>
                Retry
              </Button>
            </Group>
          </Alert>
        )}
        {/* No fallback: a view's chunk is a local file, parsed in a frame or two. */}
        <Suspense fallback={null}>
          <View key={route.path} />
        </Suspense>
      </AppShell.Main>
      <NoticeListener />
      <MonitorAlertListener />
      <CheckRunAlertListener />
      <KeyboardLayer />
      <HoverTips />
    </AppShell>
  )
}
