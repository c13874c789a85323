/**
 * A short application menu. The default one offers "Toggle Developer Tools" and "Force Reload" in
 * packaged builds; this keeps editing shortcuts (macOS needs an Edit menu for copy and paste) and
 * leaves the developer entries to development builds.
 */
import { app, Menu, type MenuItemConstructorOptions } from 'electron'

export function installAppMenu(): void {
  const isMac = process.platform === 'darwin'
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
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
