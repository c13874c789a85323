import { Burger, Group, Text, ThemeIcon } from '@mantine/core'
import { IconServer2 } from '@tabler/icons-react'
import type { AppInfo } from '../../../shared/contracts/app'
import { AlertBell } from './AlertBell'
import { CommandButton } from './CommandButton'
import { KeychainBadge } from './KeychainBadge'
import { ThemeToggle } from './ThemeToggle'

interface HeaderBarProps {
  navOpened: boolean
  onToggleNav: () => void
  info: AppInfo | undefined
}

export function HeaderBar({ navOpened, onToggleNav, info }: HeaderBarProps) {
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap">
        <Burger
          opened={navOpened}
          onClick={onToggleNav}
          hiddenFrom="sm"
          size="sm"
          aria-label="Toggle navigation"
        />
        <ThemeIcon variant="gradient" gradient={{ from: 'indigo', to: 'cyan' }} size="lg">
          <IconServer2 size={20} aria-hidden />
        </ThemeIcon>
        <Text component="span" fw={700} size="lg">
          ProxyDeck
        </Text>
        {info && (
          <Text component="span" size="xs" c="dimmed" visibleFrom="xs">
            v{info.version}
          </Text>
        )}
      </Group>
      <Group gap="sm" wrap="nowrap">
        <CommandButton />
        <KeychainBadge info={info} />
        <AlertBell />
        <ThemeToggle />
      </Group>
    </Group>
  )
}
