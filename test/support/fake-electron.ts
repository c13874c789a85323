/**
 * A small stand-in for the `electron` module, so src/main/electron/ runs under plain Node in
 * vitest. It records what the code asks of Electron (window options, handlers, menus, tray
 * images, notifications, URLs opened) and lets a test fire the events Electron would.
 *
 * Use: `vi.mock('electron', () => import('<path>/test/support/fake-electron'))`, then import
 * `fake` from this file; call `resetFakeElectron()` in `beforeEach`.
 */
import { EventEmitter } from 'node:events'
import { vi } from 'vitest'

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

/** An event object with the `preventDefault` Electron's navigation events carry. */
export interface FakeEvent {
  url: string
  defaultPrevented: boolean
  preventDefault(): void
}

export function fakeEvent(url = ''): FakeEvent {
  return {
    url,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true
    },
  }
}

type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' }

export class FakeWebContents extends EventEmitter {
  url: string
  loading = false
  destroyed = false
  windowOpenHandler: WindowOpenHandler | null = null
  readonly sent: { channel: string; payload: unknown }[] = []
  readonly loadURL = vi.fn(async (url: string) => {
    this.url = url
  })

  constructor(url = 'app://proxydeck/index.html') {
    super()
    this.url = url
  }
  getURL(): string {
    return this.url
  }
  isLoading(): boolean {
    return this.loading
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload })
  }
}

export class BrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents()
  bounds: Rect
  maximized = false
  visible = false
  destroyed = false
  readonly loadURL = vi.fn(async (url: string) => {
    this.webContents.url = url
  })

  constructor(readonly options: Record<string, unknown>) {
    super()
    const { x = 0, y = 0, width = 800, height = 600 } = options as Partial<Rect>
    this.bounds = { x, y, width, height }
    fake.windows.push(this)
  }
  maximize(): void {
    this.maximized = true
  }
  isMaximized(): boolean {
    return this.maximized
  }
  getNormalBounds(): Rect {
    return { ...this.bounds }
  }
  show(): void {
    this.visible = true
  }
  isVisible(): boolean {
    return this.visible
  }
  isMinimized(): boolean {
    return false
  }
  restore(): void {}
  focus(): void {}
  isDestroyed(): boolean {
    return this.destroyed
  }
}

export class Tray extends EventEmitter {
  image: unknown
  toolTip = ''
  contextMenu: FakeMenu | null = null
  destroyed = false

  constructor(image: unknown) {
    super()
    this.image = image
    fake.trays.push(this)
  }
  setImage(image: unknown): void {
    this.image = image
  }
  setToolTip(text: string): void {
    this.toolTip = text
  }
  setContextMenu(menu: FakeMenu): void {
    this.contextMenu = menu
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  destroy(): void {
    this.destroyed = true
  }
}

export class Notification extends EventEmitter {
  static supported = true
  static isSupported(): boolean {
    return Notification.supported
  }
  shown = false

  constructor(readonly options: Record<string, unknown>) {
    super()
    fake.notifications.push(this)
  }
  show(): void {
    this.shown = true
  }
}

/** What `Menu.buildFromTemplate` returns here: the template itself, to inspect and click. */
export interface FakeMenu {
  template: MenuItem[]
}

export interface MenuItem {
  label?: string
  role?: string
  type?: string
  accelerator?: string
  enabled?: boolean
  click?: () => void
  submenu?: MenuItem[]
}

export const Menu = {
  buildFromTemplate: (template: MenuItem[]): FakeMenu => ({ template }),
  setApplicationMenu: (menu: FakeMenu | null): void => {
    fake.applicationMenu = menu
  },
}

export const nativeImage = {
  createFromPath: (path: string) => ({ path }),
}

class FakeApp extends EventEmitter {
  isPackaged = false
  readonly setAboutPanelOptions = vi.fn()
  readonly showAboutPanel = vi.fn()
  getVersion(): string {
    return '0.0.0-test'
  }
  getAppPath(): string {
    return '/app'
  }
  getPath(name: string): string {
    return `/fake/${name}`
  }
}

class FakeIpcMain {
  readonly handlers = new Map<string, (event: unknown, input: unknown) => unknown>()
  handle(channel: string, handler: (event: unknown, input: unknown) => unknown): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`)
    this.handlers.set(channel, handler)
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel)
  }
}

export const app = new FakeApp()
export const ipcMain = new FakeIpcMain()

export const shell = {
  openExternal: vi.fn(async (_url: string) => {}),
  openPath: vi.fn(async (_path: string) => ''),
}

export const dialog = {
  showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })),
  showErrorBox: vi.fn(),
  showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })),
  showSaveDialog: vi.fn(async () => ({ canceled: true, filePath: undefined })),
}

export const screen = {
  getAllDisplays: () => fake.displays.map((workArea) => ({ workArea })),
  getPrimaryDisplay: () => ({ workArea: fake.displays[0] }),
}

export const protocol = {
  registerSchemesAsPrivileged: vi.fn(),
}

/** Everything recorded since the last reset. */
export const fake = {
  windows: [] as BrowserWindow[],
  trays: [] as Tray[],
  notifications: [] as Notification[],
  applicationMenu: null as FakeMenu | null,
  /** Work areas; the first is the primary display. */
  displays: [{ x: 0, y: 0, width: 1920, height: 1040 }] as Rect[],
}

export function resetFakeElectron(): void {
  fake.windows.length = 0
  fake.trays.length = 0
  fake.notifications.length = 0
  fake.applicationMenu = null
  fake.displays = [{ x: 0, y: 0, width: 1920, height: 1040 }]
  Notification.supported = true
  app.removeAllListeners()
  app.isPackaged = false
  ipcMain.handlers.clear()
  vi.clearAllMocks()
}

/** The menu item reached by labels, e.g. `menuItem(menu, 'File', 'Import…')`. */
export function menuItem(menu: FakeMenu | MenuItem[] | null, ...labels: string[]): MenuItem {
  let items = Array.isArray(menu) ? menu : (menu?.template ?? [])
  let found: MenuItem | undefined
  for (const label of labels) {
    found = items.find((item) => item.label === label || item.role === label)
    if (!found) throw new Error(`no menu item ${labels.join(' > ')}`)
    items = found.submenu ?? []
  }
  if (!found) throw new Error('no labels given')
  return found
}
