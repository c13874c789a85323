/**
 * The main window: sandboxed, isolated, no Node, loading the renderer from `app://proxydeck` (or
 * the electron-vite dev server in development), shown only once it has painted, opening where it
 * was last closed (window-state.ts).
 */
import { BrowserWindow, screen } from 'electron'
import { APP_ENTRY_URL } from './policy'
import { iconPath, preloadPath } from './resources'
import {
  MIN_WINDOW_SIZE,
  placeWindow,
  readWindowState,
  writeWindowState,
  type WindowState,
} from './window-state'

export interface MainWindowOptions {
  /** electron-vite's dev server, already checked to be a loopback http URL. */
  devUrl?: string
  /** Where the window's size and position are kept between runs. */
  dataDir: string
}

export function createMainWindow({ devUrl, dataDir }: MainWindowOptions): BrowserWindow {
  const placed = placeWindow(
    readWindowState(dataDir),
    screen.getAllDisplays().map((display) => display.workArea),
    screen.getPrimaryDisplay().workArea,
  )
  const window = new BrowserWindow({
    ...placed.bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    title: 'ProxyDeck',
    icon: process.platform === 'linux' ? iconPath('icon.png') : undefined,
    autoHideMenuBar: true,
    // The renderer's powers, exactly these (Electron's security checklist). Kept literal here: electronegativity
    // (npm run lint:security) checks them only where the window is constructed.
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
  if (placed.maximized) window.maximize()
  window.once('ready-to-show', () => window.show())
  // 'close' comes before the window is gone, so its bounds can still be read.
  window.on('close', () => saveWindowState(window, dataDir))
  const url = devUrl ?? APP_ENTRY_URL
  window.loadURL(url).catch((error: unknown) => {
    console.error(`Could not load the renderer from ${url}:`, error)
  })
  return window
}

function saveWindowState(window: BrowserWindow, dataDir: string): void {
  // The normal bounds, not the maximized ones: un-maximizing next run returns to this size.
  const state: WindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized() }
  try {
    writeWindowState(dataDir, state)
  } catch (error) {
    // Losing the window position is not worth stopping the window from closing.
    console.warn(`Could not save the window position: ${(error as Error).message}`)
  }
}

/** Bring an existing window to the front (second instance, dock click, tray later). */
export function focusWindow(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore()
  if (!window.isVisible()) window.show()
  window.focus()
}
