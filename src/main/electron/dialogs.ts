/**
 * The native open/save dialogs behind the services' `FileDialogs`: main shows them, so the renderer
 * never handles a path the operator did not pick. Modal to the main window when it is open.
 */
import { join } from 'node:path'
import { app, dialog, type BrowserWindow } from 'electron'
import type { FileDialogs } from '../services/transfer'

export function createFileDialogs(parentWindow: () => BrowserWindow | null): FileDialogs {
  const parent = () => {
    const window = parentWindow()
    return window && !window.isDestroyed() ? window : null
  }
  return {
    async chooseOpenFile({ title, filters }) {
      const options: Electron.OpenDialogOptions = { title, filters, properties: ['openFile'] }
      const window = parent()
      const result = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options)
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
    async chooseOpenFiles({ title, filters }) {
      const options: Electron.OpenDialogOptions = {
        title,
        filters,
        properties: ['openFile', 'multiSelections'],
      }
      const window = parent()
      const result = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options)
      return result.canceled || result.filePaths.length === 0 ? null : result.filePaths
    },
    async chooseSaveFile({ title, defaultName, filters }) {
      const options: Electron.SaveDialogOptions = {
        title,
        defaultPath: join(app.getPath('documents'), defaultName),
        filters,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      }
      const window = parent()
      const result = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options)
      return result.canceled || !result.filePath ? null : result.filePath
    },
  }
}
