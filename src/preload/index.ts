/**
 * Runs sandboxed before the renderer: exposes `window.api` and nothing else. The bundle may only
 * require `electron` at run time; the shared allow-lists are bundled in.
 */
import { contextBridge, ipcRenderer } from 'electron'
import { createPreloadApi } from './bridge'

contextBridge.exposeInMainWorld('api', createPreloadApi(ipcRenderer))
