import { Button, Kbd } from '@mantine/core'
import { spotlight } from '@mantine/spotlight'
import { IconSearch } from '@tabler/icons-react'

const mod = typeof navigator !== 'undefined' && /mac/i.test(navigator.platform) ? '⌘' : 'Ctrl'

/** The header's way into the command palette, showing its shortcut so it can be learnt. */
export function CommandButton() {
  return (
    <Button
      variant="default"
      visibleFrom="sm"
      leftSection={<IconSearch size={16} aria-hidden />}
      rightSection={
        <Kbd size="xs" aria-hidden>
          {mod} K
        </Kbd>
      }
      // No aria-label: the name is the visible words (WCAG 2.5.3, "label in name"), and
      // aria-keyshortcuts says the shortcut.
      aria-keyshortcuts="Control+K Meta+K"
      onClick={() => spotlight.open()}
      c="dimmed"
      fw={500}
    >
      Go to or run…
    </Button>
  )
}
