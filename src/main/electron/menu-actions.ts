/**
 * What the menu items do, built from the few things the entry point owns (its window, the data
 * directory, quitting). Views and the import/export dialogs are the renderer's: the menu asks for
 * them by hash route, the same way a notification's click does.
 */
import { app, dialog, shell, type BrowserWindow, type MessageBoxOptions } from 'electron'
import { transferHash } from '../../shared/views'
import { shortcutText, windowShortcuts } from '../../shared/keyboard-shortcuts'
import { appMenuTemplate, describeShortcuts, type MenuActions } from './app-menu'

export interface MenuHost {
  /** Brings the main window up (opening it if closed) at the hash `to` makes of the current one. */
  show(to: (currentHash: string) => string): void
  window(): BrowserWindow | null
  dataDir: string
  quit(): void
}

/** Backup… and Restore… (storage-actions.ts: the `app:backup` / `app:restore` contracts). */
export interface StorageActions {
  backup(): Promise<void>
  restore(): Promise<void>
}

export function createMenuActions(host: MenuHost, storage: StorageActions): MenuActions {
  const platform = process.platform
  const actions: MenuActions = {
    showView: (path) => host.show(() => `#/${path}`),
    openImport: () => host.show((current) => transferHash(current, 'import')),
    openExport: () => host.show((current) => transferHash(current, 'export')),
    backup: () => {
      storage.backup().catch(console.warn)
    },
    restore: () => {
      storage.restore().catch(console.warn)
    },
    // Windows has no About panel; the Settings view's About section says the same.
    showAbout: () => (platform === 'win32' ? host.show(() => '#/settings') : app.showAboutPanel()),
    showShortcuts: () => {
      const template = appMenuTemplate(actions, { platform, packaged: app.isPackaged })
      showMessage(host.window(), {
        type: 'info',
        title: 'Keyboard shortcuts',
        message: 'Keyboard shortcuts',
        detail: [
          describeShortcuts(template, platform),
          '',
          ...windowShortcuts.map(
            (shortcut) => `${shortcutText(shortcut.keys, platform === 'darwin')}  ${shortcut.label}`,
          ),
        ].join('\n'),
      })
    },
    openDataFolder: () => {
      openFolder(host.dataDir).catch(console.warn)
    },
    quit: () => host.quit(),
  }
  return actions
}

/** Opens `dir` in the file manager, saying so in a dialog when the system cannot. */
export async function openFolder(dir: string): Promise<void> {
  // openPath resolves with an error message rather than rejecting.
  const error = await shell.openPath(dir)
  if (error) dialog.showErrorBox('Could not open the data folder', `${dir}: ${error}`)
}

function showMessage(parent: BrowserWindow | null, options: MessageBoxOptions): void {
  const shown =
    parent && !parent.isDestroyed()
      ? dialog.showMessageBox(parent, options)
      : dialog.showMessageBox(options)
  shown.catch(console.warn)
}
