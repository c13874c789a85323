/**
 * The application menu: File (Import…, Export…, Backup…, Restore…, Quit), Edit, View (the app's
 * views, zoom), Window and Help (About, Keyboard shortcuts, Open data folder). Every item calls a
 * `MenuActions` method, so what an item does is decided by the entry point (menu-actions.ts) and
 * tests check the wiring with a fake. The default menu's "Toggle Developer Tools" and "Force
 * Reload" are left to development builds.
 */
import { app, Menu, type MenuItemConstructorOptions } from 'electron'
import { DATA_ATTRIBUTIONS } from '../../shared/attributions'
import { appViews, type ViewPath } from '../../shared/views'

export interface MenuActions {
  showView(path: ViewPath): void
  openImport(): void
  openExport(): void
  /** The `app:backup` / `app:restore` contracts, through native dialogs (storage-actions.ts). */
  backup(): void
  restore(): void
  showAbout(): void
  showShortcuts(): void
  openDataFolder(): void
  quit(): void
}

export interface MenuPlatform {
  platform: NodeJS.Platform
  /** Packaged builds get no reload or developer tools entries. */
  packaged: boolean
}

export function appMenuTemplate(
  actions: MenuActions,
  { platform, packaged }: MenuPlatform,
): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin'
  const developer: MenuItemConstructorOptions[] = packaged
    ? []
    : [{ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' }]
  // macOS keeps Quit and About in the application menu; elsewhere they live in File and Help.
  const quit: MenuItemConstructorOptions[] = isMac
    ? []
    : [
        { type: 'separator' },
        { label: 'Quit', accelerator: 'CmdOrCtrl+Q', click: () => actions.quit() },
      ]
  const about: MenuItemConstructorOptions[] = isMac
    ? []
    : [{ label: 'About ProxyDeck', click: () => actions.showAbout() }, { type: 'separator' }]
  return [
    ...(isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Import…', accelerator: 'CmdOrCtrl+I', click: () => actions.openImport() },
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: () => actions.openExport() },
        { type: 'separator' },
        { label: 'Backup…', click: () => actions.backup() },
        { label: 'Restore…', click: () => actions.restore() },
        ...quit,
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        ...appViews.map(({ path, label }, index): MenuItemConstructorOptions => ({
          label,
          accelerator: `CmdOrCtrl+${index + 1}`,
          click: () => actions.showView(path),
        })),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...developer,
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        ...about,
        { label: 'Keyboard Shortcuts', click: () => actions.showShortcuts() },
        { label: 'Open Data Folder', click: () => actions.openDataFolder() },
      ],
    },
  ]
}

/** The menu's own shortcuts as `Ctrl+1  Dashboard` lines, for Help > Keyboard Shortcuts. */
export function describeShortcuts(
  template: readonly MenuItemConstructorOptions[],
  platform: NodeJS.Platform,
): string {
  const modifier = platform === 'darwin' ? 'Cmd' : 'Ctrl'
  const lines: string[] = []
  const visit = (items: readonly MenuItemConstructorOptions[]): void => {
    for (const item of items) {
      if (typeof item.accelerator === 'string' && item.label) {
        const keys = item.accelerator.replace('CmdOrCtrl', modifier)
        lines.push(`${keys}  ${item.label.replace('…', '')}`)
      }
      if (Array.isArray(item.submenu)) visit(item.submenu)
    }
  }
  visit(template)
  return lines.join('\n')
}

export function installAppMenu(actions: MenuActions): void {
  // The GeoLite2 and ASN data licences ask for attribution; the Settings view shows it too.
  app.setAboutPanelOptions({
    applicationName: 'ProxyDeck',
    applicationVersion: app.getVersion(),
    credits: DATA_ATTRIBUTIONS,
  })
  const template = appMenuTemplate(actions, {
    platform: process.platform,
    packaged: app.isPackaged,
  })
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
