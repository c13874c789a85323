/**
 * A short application menu. The default one offers "Toggle Developer Tools" and "Force Reload" in
 * packaged builds; this keeps editing shortcuts (macOS needs an Edit menu for copy and paste) and
 * leaves the developer entries to development builds.
 */
import { app, Menu, type MenuItemConstructorOptions } from 'electron'
import { GEO_ATTRIBUTION } from '../../shared/attributions'

export function installAppMenu(): void {
  const isMac = process.platform === 'darwin'
  // The GeoLite2 licence asks for attribution; the Settings view shows it too (Windows has no panel).
  app.setAboutPanelOptions({
    applicationName: 'ProxyDeck',
    applicationVersion: app.getVersion(),
    credits: GEO_ATTRIBUTION,
  })
  const developer: MenuItemConstructorOptions[] = app.isPackaged
    ? []
    : [{ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' }]
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    isMac ? { role: 'fileMenu' } : { label: 'File', submenu: [{ role: 'quit' }] },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...developer,
      ],
    },
    { role: 'windowMenu' },
    ...(process.platform === 'win32'
      ? []
      : [{ role: 'help', submenu: [{ role: 'about' }] } as MenuItemConstructorOptions]),
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
