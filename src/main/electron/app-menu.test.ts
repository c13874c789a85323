/**
 * The application menu against the fake `electron`: each item calls its action, and the actions
 * (menu-actions.ts) reach the renderer's routes, the data folder and the storage seam.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import {
  app,
  dialog,
  fake,
  menuItem,
  resetFakeElectron,
  shell,
  type MenuItem,
} from '../../../test/support/fake-electron'
import { appViews } from '../../shared/views'
import { appMenuTemplate, describeShortcuts, installAppMenu, type MenuActions } from './app-menu'
import { createMenuActions, openFolder, type MenuHost } from './menu-actions'

vi.mock('electron', () => import('../../../test/support/fake-electron'))

function recordingActions(): MenuActions {
  return {
    showView: vi.fn(),
    openImport: vi.fn(),
    openExport: vi.fn(),
    backup: vi.fn(),
    restore: vi.fn(),
    showAbout: vi.fn(),
    showShortcuts: vi.fn(),
    openDataFolder: vi.fn(),
    quit: vi.fn(),
  }
}

function template(actions: MenuActions, platform: NodeJS.Platform = 'linux', packaged = true) {
  return appMenuTemplate(actions, { platform, packaged }) as MenuItem[]
}

function labels(items: MenuItem[] | undefined): (string | undefined)[] {
  return (items ?? []).filter((item) => item.type !== 'separator').map((i) => i.label ?? i.role)
}

beforeEach(() => resetFakeElectron())

describe('appMenuTemplate', () => {
  it('File, Edit, View, Window and Help, with the items the operator expects', () => {
    const menu = template(recordingActions())
    expect(labels(menu)).toEqual(['File', 'editMenu', 'View', 'windowMenu', 'help'])
    expect(labels(menuItem(menu, 'File').submenu)).toEqual([
      'Import…',
      'Export…',
      'Backup…',
      'Restore…',
      'Quit',
    ])
    expect(labels(menuItem(menu, 'View').submenu)).toEqual([
      ...appViews.map((view) => view.label),
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'togglefullscreen',
    ])
    expect(labels(menuItem(menu, 'help').submenu)).toEqual([
      'About ProxyDeck',
      'Keyboard Shortcuts',
      'Open Data Folder',
    ])
  })

  it('every item calls its action', () => {
    const actions = recordingActions()
    const menu = template(actions)
    const click = (...path: string[]) => menuItem(menu, ...path).click?.()
    click('File', 'Import…')
    click('File', 'Export…')
    click('File', 'Backup…')
    click('File', 'Restore…')
    click('File', 'Quit')
    click('help', 'About ProxyDeck')
    click('help', 'Keyboard Shortcuts')
    click('help', 'Open Data Folder')
    for (const view of appViews) click('View', view.label)
    for (const name of [
      'openImport',
      'openExport',
      'backup',
      'restore',
      'quit',
      'showAbout',
      'showShortcuts',
      'openDataFolder',
    ] as const) {
      expect(actions[name], name).toHaveBeenCalledTimes(1)
    }
    expect(vi.mocked(actions.showView).mock.calls.map(([path]) => path)).toEqual(
      appViews.map((view) => view.path),
    )
  })

  it('on macOS leaves Quit and About to the application menu', () => {
    const menu = template(recordingActions(), 'darwin')
    expect(labels(menu)[0]).toBe('appMenu')
    expect(labels(menuItem(menu, 'File').submenu)).not.toContain('Quit')
    expect(labels(menuItem(menu, 'help').submenu)).not.toContain('About ProxyDeck')
  })

  it('offers reload and developer tools only to development builds', () => {
    const roles = (packaged: boolean) =>
      labels(menuItem(template(recordingActions(), 'linux', packaged), 'View').submenu)
    expect(roles(true)).not.toContain('toggleDevTools')
    expect(roles(false)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']))
  })

  it('lists its shortcuts for Help > Keyboard Shortcuts', () => {
    const menu = appMenuTemplate(recordingActions(), { platform: 'linux', packaged: true })
    const text = describeShortcuts(menu, 'linux')
    expect(text.split('\n')).toEqual([
      'Ctrl+I  Import',
      'Ctrl+E  Export',
      'Ctrl+Q  Quit',
      ...appViews.map((view, index) => `Ctrl+${index + 1}  ${view.label}`),
    ])
    expect(describeShortcuts(menu, 'darwin')).toContain('Cmd+2  Proxies')
  })

  it('installAppMenu sets the menu and the About panel with the GeoLite2 credit', () => {
    installAppMenu(recordingActions())
    expect(labels(fake.applicationMenu?.template)).toContain('File')
    expect(app.setAboutPanelOptions).toHaveBeenCalledWith(
      expect.objectContaining({ applicationName: 'ProxyDeck', credits: expect.any(String) }),
    )
  })
})

describe('createMenuActions', () => {
  function host(currentHash = '#/dashboard') {
    const shown: string[] = []
    const h: MenuHost = {
      show: (to) => shown.push(to(currentHash)),
      window: () => null,
      dataDir: '/data/ProxyDeck',
      quit: vi.fn(),
    }
    return { host: h, shown }
  }

  it('views and the import/export dialogs are hash routes of the renderer', () => {
    const { host: h, shown } = host('#/proxies?provider=3')
    const actions = createMenuActions(h, {
      backup: vi.fn(async () => {}),
      restore: vi.fn(async () => {}),
    })
    actions.showView('accounts')
    actions.openImport()
    actions.openExport()
    expect(shown).toEqual([
      '#/accounts',
      '#/proxies?provider=3&open=import',
      '#/proxies?provider=3&open=export',
    ])
  })

  it('Backup… and Restore… go through the storage seam', () => {
    const storage = { backup: vi.fn(async () => {}), restore: vi.fn(async () => {}) }
    const actions = createMenuActions(host().host, storage)
    actions.backup()
    actions.restore()
    expect(storage.backup).toHaveBeenCalledTimes(1)
    expect(storage.restore).toHaveBeenCalledTimes(1)
  })

  it('opens the data folder, shows the shortcuts and the About panel, quits', () => {
    const { host: h } = host()
    const actions = createMenuActions(h, {
      backup: vi.fn(async () => {}),
      restore: vi.fn(async () => {}),
    })
    actions.openDataFolder()
    expect(shell.openPath).toHaveBeenCalledWith('/data/ProxyDeck')
    actions.showShortcuts()
    const [options] = dialog.showMessageBox.mock.calls[0] ?? []
    expect(options).toMatchObject({ title: 'Keyboard shortcuts' })
    expect((options as { detail: string }).detail).toContain('2  Proxies')
    // The window's own shortcuts (renderer-handled) follow the menu's.
    expect((options as { detail: string }).detail).toContain('+K  Command palette')
    actions.quit()
    expect(h.quit).toHaveBeenCalledTimes(1)
    if (process.platform !== 'win32') {
      actions.showAbout()
      expect(app.showAboutPanel).toHaveBeenCalledTimes(1)
    }
  })

  it('says so when the data folder cannot be opened', async () => {
    shell.openPath.mockResolvedValueOnce('No application knows how to open it')
    await openFolder('/data/ProxyDeck')
    expect(dialog.showErrorBox.mock.calls[0]?.[1]).toContain('/data/ProxyDeck')
  })
})
