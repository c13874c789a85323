/**
 * Electron entry: one instance per data directory, the context (database, migrations, vault)
 * built before any window opens, IPC registered, then the window. A start-up failure is shown in a
 * dialog and the app quits without writing anything.
 */
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { app, dialog, session, type BrowserWindow } from 'electron'
import { createContext, type AppContext } from './context'
import { installAppMenu } from './electron/app-menu'
import { createMenuActions } from './electron/menu-actions'
import { createStorageActions } from './electron/storage-actions'
import { dispatch } from './ipc/dispatch'
import { createFileDialogs } from './electron/dialogs'
import { registerAppScheme, serveRenderer } from './electron/app-protocol'
import { registerIpc } from './electron/ipc'
import { parseDevRendererUrl } from './electron/policy'
import { bundledGeoDirs, rendererDir, sqliteNativeBinding } from './electron/resources'
import { hardenSession, hardenWebContents } from './electron/security'
import { describeStartupError } from './electron/startup-error'
import { alertRoute, createAlertNotifier, createDesktopAlertSink } from './electron/notifications'
import { createHealthTray, type HealthTray } from './electron/tray'
import { createMainWindow, focusWindow } from './electron/window'
import { resolveDataDir } from './paths'

const APP_USER_MODEL_ID = 'com.proxydeck.app'

let mainWindow: BrowserWindow | null = null
let ctx: AppContext | null = null
let tray: HealthTray | null = null

app.enableSandbox()
registerAppScheme()

const devUrl = app.isPackaged ? undefined : devRendererUrl(process.env.ELECTRON_RENDERER_URL)
hardenWebContents({ devUrl })

const dataDir = resolve(resolveDataDir(process.argv, process.env, app.getPath('userData')))
if (dataDir !== app.getPath('userData')) {
  // Chromium's profile and the single-instance lock follow the data directory, so two data
  // directories are two independent apps.
  mkdirSync(dataDir, { recursive: true })
  app.setPath('userData', dataDir)
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (mainWindow) focusWindow(mainWindow)
    else if (ctx) openMainWindow()
  })
  app.on('window-all-closed', () => {
    // With a tray the app keeps running (the health monitor with it) until "Quit".
    if (process.platform !== 'darwin' && !tray) app.quit()
  })
  app.on('activate', () => {
    if (!mainWindow && ctx) openMainWindow()
  })
  app.whenReady().then(start).catch(failStartup)
}

async function start(): Promise<void> {
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID)
  let context: AppContext
  try {
    // Import and export files go through native dialogs run here, never a renderer-given path.
    context = await createContext({
      dataDir,
      runtime: 'electron',
      version: app.getVersion(),
      keychainService: process.env.PROXYDECK_KEYCHAIN_SERVICE || undefined,
      sqliteNativeBinding: sqliteNativeBinding(),
      geo: { bundled: bundledGeoDirs() },
      dialogs: createFileDialogs(() => mainWindow),
    })
  } catch (error) {
    failStartup(error)
    return
  }
  ctx = context
  if (context.vault.status.status !== 'available') {
    // Not fatal: the app runs, the renderer shows the keychain status and what to do.
    console.warn(`Keychain: ${context.vault.status.message ?? 'unavailable'}`)
  }
  hardenSession(session.defaultSession, { devUrl })
  serveRenderer(session.defaultSession, rendererDir)
  installAppMenu(
    createMenuActions(
      {
        show: (to) => showWindow(to),
        window: () => mainWindow,
        dataDir,
        quit: () => app.quit(),
      },
      createStorageActions(
        (channel, input) => dispatch(context, channel, input) as never,
        () => mainWindow,
      ),
    ),
  )
  const disposeIpc = registerIpc(context, {
    devUrl,
    eventTargets: () => (mainWindow && !mainWindow.isDestroyed() ? [mainWindow.webContents] : []),
  })
  tray = createHealthTray({
    testAll: () => {
      context.checks.monitor.runNow().catch((error: unknown) => {
        console.warn(`Test all now: ${(error as Error).message}`)
      })
    },
    open: () => showWindow(),
    quit: () => app.quit(),
  })
  const notifier = createAlertNotifier((alert) => showWindow(() => `#${alertRoute(alert)}`))
  context.checks.setAlertSink(createDesktopAlertSink(tray, notifier))
  context.checks.monitor.start()
  app.once('will-quit', () => {
    context.checks.setAlertSink(null)
    tray?.destroy()
    tray = null
    disposeIpc()
    context.close()
  })
  openMainWindow()
}

/**
 * Brings the window up (opening it if closed) and, given `to`, shows the hash it makes of the
 * current one (`#/proxies?status=error`): a same-document navigation, which the renderer's hash
 * router follows.
 */
function showWindow(to?: (currentHash: string) => string): void {
  const window = mainWindow ?? openMainWindow()
  focusWindow(window)
  if (!to) return
  const contents = window.webContents
  const go = (): void => {
    const url = new URL(contents.getURL())
    url.hash = to(url.hash)
    contents.loadURL(url.href).catch(() => {})
  }
  if (contents.isLoading()) contents.once('did-finish-load', go)
  else go()
}

function openMainWindow(): BrowserWindow {
  const window = createMainWindow({ devUrl, dataDir })
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null
  })
  mainWindow = window
  return window
}

function failStartup(error: unknown): void {
  console.error('ProxyDeck could not start:', error)
  dialog.showErrorBox('ProxyDeck could not start', describeStartupError(error))
  ctx?.close()
  app.exit(1)
}

function devRendererUrl(value: string | undefined): string | undefined {
  if (!value) return undefined
  const url = parseDevRendererUrl(value)
  if (!url) console.warn('Ignoring ELECTRON_RENDERER_URL: only a loopback http server is trusted')
  return url?.href
}
