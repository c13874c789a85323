import { Kbd, Modal, Text } from '@mantine/core'
import { ShortcutList } from './ShortcutList'

/** The `?` dialog (also in the command palette): the shortcuts, as Settings → About lists them. */
export function ShortcutsModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Keyboard shortcuts" size="lg" centered>
      <ShortcutList />
      <Text size="sm" c="dimmed" mt="sm">
        <Kbd>/</Kbd> and <Kbd>?</Kbd> work when no text field has the focus.
      </Text>
    </Modal>
  )
}
