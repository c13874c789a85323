import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core'
import { IconBell } from '@tabler/icons-react'
import { useState } from 'react'
import { formatDateTime, formatRelative } from '../lib/format'
import type { AlertEntry } from './alert-log'
import { levelColors, type AlertSource } from './notice'
import { useAlertLog } from './notices'

const sourceLabels: Record<AlertSource, string> = {
  monitor: 'Monitor',
  check: 'Test run',
  import: 'Import',
  export: 'Export',
  app: 'App',
}

/**
 * The alert centre: recent monitor alerts, test runs, imports, exports and errors, each with a
 * link to the view that shows it. Opening it marks them read.
 */
export function AlertBell() {
  const { entries, unread, markAllRead, clear } = useAlertLog()
  const [opened, setOpened] = useState(false)
  const label = unread ? `Alerts (${unread} unread)` : 'Alerts'

  function toggle(next: boolean) {
    setOpened(next)
    // Read when closed after looking, so the list still marks what was new while it is open.
    if (!next) markAllRead()
  }

  return (
    <Popover
      opened={opened}
      onChange={toggle}
      position="bottom-end"
      width={380}
      shadow="md"
      withinPortal
      trapFocus
    >
      <Popover.Target>
        <Tooltip label="Recent alerts" disabled={opened}>
          <Indicator
            label={unread > 9 ? '9+' : unread}
            size={16}
            color="red"
            disabled={unread === 0}
            offset={4}
          >
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={label}
              aria-expanded={opened}
              onClick={() => toggle(!opened)}
            >
              <IconBell size={18} aria-hidden />
            </ActionIcon>
          </Indicator>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown p={0} role="dialog" aria-label="Recent alerts">
        <Group justify="space-between" px="sm" py="xs">
          <Text fw={650} size="sm">
            Recent alerts
          </Text>
          <Button size="compact-xs" variant="subtle" onClick={clear} disabled={!entries.length}>
            Clear all
          </Button>
        </Group>
        {entries.length === 0 ? (
          <Text size="sm" c="dimmed" px="sm" pb="sm">
            No alerts in this session.
          </Text>
        ) : (
          <ScrollArea.Autosize mah={420} type="auto">
            <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
              {entries.map((entry) => (
                <AlertItem key={entry.id} entry={entry} onFollow={() => toggle(false)} />
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Popover.Dropdown>
    </Popover>
  )
}

function AlertItem({ entry, onFollow }: { entry: AlertEntry; onFollow: () => void }) {
  return (
    <Stack
      component="li"
      gap={2}
      px="sm"
      py="xs"
      aria-label={entry.title}
      style={{
        borderTop: '1px solid var(--mantine-color-default-border)',
        borderLeft: `3px solid var(--mantine-color-${levelColors[entry.level]}-filled)`,
      }}
    >
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="sm" fw={entry.read ? 500 : 700}>
          {entry.title}
        </Text>
        <Group gap={6} wrap="nowrap">
          {!entry.read && (
            <Badge size="xs" variant="light" color="red">
              new
            </Badge>
          )}
          <Text size="xs" c="dimmed" component="span" title={formatDateTime(entry.at)}>
            {sourceLabels[entry.source]} · {formatRelative(entry.at, Date.now())}
          </Text>
        </Group>
      </Group>
      <Text size="sm" lineClamp={3}>
        {entry.message}
      </Text>
      {entry.link && (
        <Anchor href={entry.link.href} size="sm" onClick={onFollow}>
          {entry.link.label}
        </Anchor>
      )}
    </Stack>
  )
}
