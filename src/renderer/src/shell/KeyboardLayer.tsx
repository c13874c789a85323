import { useDisclosure } from '@mantine/hooks'
import { CommandPalette } from './CommandPalette'
import { ShortcutsModal } from './ShortcutsModal'
import { useGlobalKeys } from './use-global-keys'

/** The window's keyboard: the command palette, `/` and `?`, and the shortcuts dialog. */
export function KeyboardLayer() {
  const [shortcuts, { open, close }] = useDisclosure(false)
  useGlobalKeys({ showShortcuts: open })
  return (
    <>
      <CommandPalette onShowShortcuts={open} />
      <ShortcutsModal opened={shortcuts} onClose={close} />
    </>
  )
}
