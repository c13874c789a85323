/**
 * The Electron transport: one `ipcMain.handle` per contract channel, each refusing callers that
 * are not the app's own page before handing over to `dispatch`, plus the event bus forwarded to
 * the renderer. Handlers never throw: every outcome travels as an envelope.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron'
import { channels, isEventChannel } from '../../shared/channels'
import type { Envelope } from '../../shared/errors'
import { eventIpcName } from '../../preload/ipc-names'
import type { AppContext } from '../context'
import { dispatch } from '../ipc/dispatch'
import { isTrustedOrigin } from './policy'

export interface IpcOptions {
  devUrl?: string
  /** The web contents that receive pushed events (the main window's, while it is open). */
  eventTargets: () => WebContents[]
}

/** Registers every channel and the event forwarding; the returned function undoes both. */
export function registerIpc(ctx: AppContext, options: IpcOptions): () => void {
  for (const channel of channels) {
    ipcMain.handle(channel, (event, input: unknown) => handle(ctx, options, event, channel, input))
  }
  const unsubscribe = ctx.events.subscribe((event, payload) => {
    if (!isEventChannel(event)) return
    for (const contents of options.eventTargets()) {
      if (contents.isDestroyed() || !isTrustedOrigin(contents.getURL(), options.devUrl)) continue
      contents.send(eventIpcName(event), payload)
    }
  })
  return () => {
    unsubscribe()
    for (const channel of channels) ipcMain.removeHandler(channel)
  }
}

async function handle(
  ctx: AppContext,
  options: IpcOptions,
  event: IpcMainInvokeEvent,
  channel: string,
  input: unknown,
): Promise<Envelope<unknown>> {
  // The frame that sent the message, not the window: an embedded frame must not borrow the app's
  // rights. A null frame has navigated away or been destroyed since sending.
  const url = event.senderFrame?.url
  if (!isTrustedOrigin(url, options.devUrl)) {
    return {
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: `${channel} is only available to ProxyDeck's own window`,
      },
    }
  }
  return dispatch(ctx, channel, input)
}
