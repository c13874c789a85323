import { Button, Group, Paper, Progress, Stack, Text, ThemeIcon } from '@mantine/core'
import { IconClipboardText, IconFileText, IconX } from '@tabler/icons-react'
import type { ClipboardEvent } from 'react'
import { formatBytes, formatCount } from '../../lib/format'
import type { HeldSummary } from './large-input'

export interface ReadingState {
  /** "the pasted list" or the file's name. */
  what: string
  done: number
  total: number
}

interface HeldInputCardProps {
  held: HeldSummary | null
  reading: ReadingState | null
  onClear: () => void
  /** A paste on the focused card replaces what it holds. */
  onPaste: (event: ClipboardEvent<HTMLDivElement>) => void
  disabled: boolean
}

/** Describes a list too large for the textarea, or the reading of one, in the textarea's place. */
export function HeldInputCard({ held, reading, onClear, onPaste, disabled }: HeldInputCardProps) {
  const fromFile = Boolean(held?.fileName)
  const Icon = fromFile ? IconFileText : IconClipboardText
  const title = held
    ? `${held.fileName ? `${held.fileName} · ` : ''}${formatCount(held.lines)} ${held.lines === 1 ? 'line' : 'lines'} · ${formatBytes(held.chars)}${fromFile ? '' : ' pasted'}`
    : `Reading ${reading?.what ?? 'the list'}…`
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      tabIndex={disabled ? -1 : 0}
      onPaste={onPaste}
      aria-label="Proxy list"
      aria-busy={reading !== null}
      role="group"
      bg="var(--mantine-color-default-hover)"
      mih={140}
      style={{ display: 'flex', alignItems: 'center' }}
    >
      <Group wrap="nowrap" align="center" gap="md" w="100%">
        <ThemeIcon variant="light" size={44} radius="md">
          <Icon size={24} stroke={1.6} />
        </ThemeIcon>
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          <Text fw={600} size="sm" truncate="end">
            {title}
          </Text>
          {reading ? (
            <Progress
              value={reading.total ? Math.min(100, (reading.done / reading.total) * 100) : 100}
              size="sm"
              animated
              aria-label="Reading progress"
            />
          ) : (
            <Text size="xs" c="dimmed">
              Too long to edit here; it is sent to ProxyDeck in pieces when you preview. Paste here
              again to replace it, or clear it to type a list.
            </Text>
          )}
        </Stack>
        {held && !reading && (
          <Button
            variant="default"
            size="xs"
            leftSection={<IconX size={14} />}
            onClick={onClear}
            disabled={disabled}
          >
            Clear
          </Button>
        )}
      </Group>
    </Paper>
  )
}
