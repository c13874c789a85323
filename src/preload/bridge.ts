/**
 * The preload's API, built over the few `ipcRenderer` methods it needs so the allow-listing can be
 * tested under Node. One `invoke` limited to the contract's channels, one `subscribe` limited to
 * the named event channels; main checks the sender and validates every input again.
 */
import type { IpcRenderer, IpcRendererEvent } from 'electron'
import { isChannel, isEventChannel } from '../shared/channels'
import type { Transport } from '../shared/client'
import type { Envelope } from '../shared/errors'
import { eventIpcName } from './ipc-names'

export type PreloadIpc = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>

export function createPreloadApi(ipc: PreloadIpc): Transport {
  return {
    async invoke(channel, input) {
      if (!isChannel(channel)) {
        return failure('UNKNOWN_CHANNEL', `Unknown method: ${String(channel)}`)
      }
      try {
        return (await ipc.invoke(channel, input)) as Envelope<unknown>
      } catch (error) {
        // Main's handlers never throw; this is a missing handler or an input IPC cannot clone.
        const message = error instanceof Error ? error.message : String(error)
        return failure('INTERNAL', `${channel} could not be sent: ${message}`)
      }
    },
    subscribe(event, listener) {
      if (!isEventChannel(event) || typeof listener !== 'function') {
        throw new TypeError(`Unknown event: ${String(event)}`)
      }
      // The renderer gets the payload only: the IPC event object carries `sender` and ports.
      const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload)
      const name = eventIpcName(event)
      ipc.on(name, forward)
      return () => {
        ipc.removeListener(name, forward)
      }
    },
  }
}

function failure(code: 'UNKNOWN_CHANNEL' | 'INTERNAL', message: string): Envelope<never> {
  return { ok: false, error: { code, message } }
}
