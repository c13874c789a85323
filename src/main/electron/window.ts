/**
 * The main window: sandboxed, isolated, no Node, loading the renderer from `app://proxydeck` (or
 * the electron-vite dev server in development), shown only once it has painted.
 */
import { BrowserWindow } from 'electron'
import { APP_ENTRY_URL } from './policy'
import { iconPath, preloadPath } from './resources'

export interface MainWindowOptions {
  /** electron-vite's dev server, already checked to be a loopback http URL. */
  devUrl?: string
}

export function createMainWindow({ devUrl }: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'ProxyDeck',
    icon: process.platform === 'linux' ? iconPath('icon.png') : undefined,
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // A middle click on a link would otherwise open it in a new window, bypassing will-navigate.
      disableBlinkFeatures: 'Auxclick',
    },
  })
  window.once('ready-to-show', () => window.show())
  const url = devUrl ?? APP_ENTRY_URL
  window.loadURL(url).catch((error: unknown) => {
    console.error(`Could not load the renderer from ${url}:`, error)
  })
  return window
}

/** Bring an existing window to the front (second instance, dock click, tray later). */
export function focusWindow(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore()
  if (!window.isVisible()) window.show()
  window.focus()
}
