import { Group, Kbd, Table, Text } from '@mantine/core'
import { Fragment } from 'react'
import { windowShortcuts } from '../../../shared/keyboard-shortcuts'

/** Whether the modifier reads "⌘" here (the keys themselves take Ctrl or Cmd either way). */
const mac = typeof navigator !== 'undefined' && /mac/i.test(navigator.platform)

/** The window's keyboard shortcuts, for the `?` dialog and Settings → About. */
export function ShortcutList() {
  return (
    <Table aria-label="Keyboard shortcuts" verticalSpacing={6}>
      <Table.Tbody>
        {windowShortcuts.map((shortcut) => (
          <Table.Tr key={shortcut.label}>
            <Table.Td w={120}>
              <Group gap={4} wrap="nowrap">
                {shortcut.keys.map((key, index) => (
                  <Fragment key={key}>
                    {index > 0 && (
                      <Text span size="sm">
                        +
                      </Text>
                    )}
                    <Kbd>{key === 'mod' ? (mac ? '⌘' : 'Ctrl') : key}</Kbd>
                  </Fragment>
                ))}
              </Group>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{shortcut.label}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
