/** The main window against the fake `electron`: its preferences, and its remembered place. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fake, resetFakeElectron } from '../../../test/support/fake-electron'
import { preloadPath } from './resources'
import { createMainWindow } from './window'
import { readWindowState, writeWindowState } from './window-state'

vi.mock('electron', () => import('../../../test/support/fake-electron'))

let dataDir: string
beforeEach(() => {
  resetFakeElectron()
  dataDir = mkdtempSync(join(tmpdir(), 'proxydeck-window-'))
})
afterEach(() => rmSync(dataDir, { recursive: true, force: true }))

describe('createMainWindow', () => {
  it('gets exactly the secure preferences', () => {
    createMainWindow({ dataDir })
    const options = fake.windows[0]?.options
    expect(options?.webPreferences).toStrictEqual({
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
      disableBlinkFeatures: 'Auxclick',
    })
    expect(options?.show).toBe(false)
  })

  it('loads the app:// page, or the dev server it is given', () => {
    createMainWindow({ dataDir })
    createMainWindow({ dataDir, devUrl: 'http://localhost:5173/' })
    expect(fake.windows[0]?.loadURL).toHaveBeenCalledWith('app://proxydeck/index.html')
    expect(fake.windows[1]?.loadURL).toHaveBeenCalledWith('http://localhost:5173/')
  })

  it('opens centred at the default size the first time', () => {
    createMainWindow({ dataDir })
    expect(fake.windows[0]?.options).toMatchObject({ x: 320, y: 110, width: 1280, height: 820 })
    expect(fake.windows[0]?.maximized).toBe(false)
  })

  it('saves its place on close and opens there (maximized too) next run', () => {
    const first = createMainWindow({ dataDir })
    const window = fake.windows[0]
    if (!window) throw new Error('no window')
    window.bounds = { x: 100, y: 50, width: 1000, height: 700 }
    window.maximized = true
    first.emit('close')
    expect(readWindowState(dataDir)).toEqual({
      bounds: { x: 100, y: 50, width: 1000, height: 700 },
      maximized: true,
    })
    createMainWindow({ dataDir })
    expect(fake.windows[1]?.options).toMatchObject({ x: 100, y: 50, width: 1000, height: 700 })
    expect(fake.windows[1]?.maximized).toBe(true)
  })

  it('comes back onto the screen when its saved display is gone', () => {
    writeWindowState(dataDir, {
      bounds: { x: 3000, y: 200, width: 1000, height: 700 },
      maximized: false,
    })
    createMainWindow({ dataDir })
    expect(fake.windows[0]?.options).toMatchObject({ x: 320, y: 110, width: 1280, height: 820 })
  })

  it('shows itself only once painted', () => {
    createMainWindow({ dataDir })
    const window = fake.windows[0]
    expect(window?.visible).toBe(false)
    window?.emit('ready-to-show')
    expect(window?.visible).toBe(true)
  })
})
