import { Kbd } from '@mantine/core'
import { Spotlight, type SpotlightActionGroupData } from '@mantine/spotlight'
import {
  IconDownload,
  IconKeyboard,
  IconPlugConnected,
  IconPlus,
  IconSearch,
  IconUpload,
  IconWand,
} from '@tabler/icons-react'
import { useMemo } from 'react'
import { transferHash, type TransferKind } from '../../../shared/views'
import { requestIntent } from './intents'
import { routes } from './routes'
import { hrefFor } from './use-hash-route'

function openTransfer(kind: TransferKind) {
  window.location.hash = transferHash(window.location.hash, kind)
}

/**
 * Ctrl/⌘+K: every view and the main actions by name. Actions inside a view go through the view's
 * own mechanism: the transfer dialogs through `?open=` (as the desktop File menu does), the rest
 * as intents the view takes when shown (intents.ts).
 */
export function CommandPalette({ onShowShortcuts }: { onShowShortcuts: () => void }) {
  const actions = useMemo<SpotlightActionGroupData[]>(
    () => [
      {
        group: 'Actions',
        actions: [
          {
            id: 'import',
            label: 'Import proxies',
            description: 'Paste or choose a list of proxies',
            keywords: ['upload', 'paste', 'add'],
            leftSection: <IconUpload size={18} aria-hidden />,
            onClick: () => openTransfer('import'),
          },
          {
            id: 'export',
            label: 'Export proxies',
            description: 'The filtered list, or all proxies, as text or CSV',
            keywords: ['download', 'csv'],
            leftSection: <IconDownload size={18} aria-hidden />,
            onClick: () => openTransfer('export'),
          },
          {
            id: 'test-failed',
            label: 'Test failed proxies',
            description: 'Re-test every proxy in error or whose last check failed',
            keywords: ['check', 'retest', 'error'],
            leftSection: <IconPlugConnected size={18} aria-hidden />,
            onClick: () => requestIntent('proxies', 'test-failed'),
          },
          {
            id: 'auto-assign',
            label: 'Auto-assign accounts',
            description: 'Give each waiting account a free proxy of its model',
            keywords: ['assign', 'waiting'],
            leftSection: <IconWand size={18} aria-hidden />,
            onClick: () => requestIntent('assignments', 'auto-assign'),
          },
          {
            id: 'add-proxy',
            label: 'Add proxy',
            description: 'One proxy by its fields',
            keywords: ['new', 'create'],
            leftSection: <IconPlus size={18} aria-hidden />,
            onClick: () => requestIntent('proxies', 'add-proxy'),
          },
          {
            id: 'shortcuts',
            label: 'Keyboard shortcuts',
            keywords: ['help', 'keys'],
            leftSection: <IconKeyboard size={18} aria-hidden />,
            onClick: onShowShortcuts,
          },
        ],
      },
      {
        group: 'Go to',
        actions: routes.map((route) => ({
          id: `go-${route.path}`,
          label: route.label,
          description: `Open the ${route.label} view`,
          keywords: ['go', 'view', route.path],
          leftSection: <route.icon size={18} aria-hidden />,
          onClick: () => {
            window.location.hash = hrefFor(route.path)
          },
        })),
      },
    ],
    [onShowShortcuts],
  )

  return (
    <Spotlight
      actions={actions}
      shortcut="mod + K"
      // The palette opens from inside a text field too: Ctrl+K types nothing there.
      tagsToIgnore={[]}
      nothingFound="No command by that name"
      highlightQuery
      // The dialog's name; its header stays hidden (aria-labelledby still reads a hidden title).
      title="Command palette"
      styles={{
        header: { display: 'none' },
        // The list scrolls past a window-sized height, and stays as short as what matches.
        actionsList: { maxHeight: 'min(26rem, calc(100vh - 12rem))' },
      }}
      searchProps={{
        leftSection: <IconSearch size={18} aria-hidden />,
        placeholder: 'Go to a view or run an action…',
        'aria-label': 'Command',
        rightSection: <Kbd size="xs">Esc</Kbd>,
        rightSectionWidth: 48,
      }}
    />
  )
}
