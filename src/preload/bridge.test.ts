import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import type { Channel, EventChannel } from '../shared/channels'
import type { Envelope } from '../shared/errors'
import { createPreloadApi, type PreloadIpc } from './bridge'

/** Stands in for ipcRenderer (Electron's runtime is not available under Node). */
function fakeIpc(reply: (channel: string, input: unknown) => Promise<unknown>) {
  const emitter = new EventEmitter()
  const sent: Array<{ channel: string; input: unknown }> = []
  const ipc = {
    invoke: (channel: string, input: unknown) => {
      sent.push({ channel, input })
      return reply(channel, input)
    },
    on: (name: string, listener: (...args: unknown[]) => void) => emitter.on(name, listener),
    removeListener: (name: string, listener: (...args: unknown[]) => void) =>
      emitter.removeListener(name, listener),
  } as unknown as PreloadIpc
  return { ipc, emitter, sent }
}

describe('preload invoke', () => {
  it('sends contract channels under their own name and returns main envelope as it is', async () => {
    const envelope: Envelope<unknown> = { ok: true, value: { name: 'ProxyDeck' } }
    const { ipc, sent } = fakeIpc(async () => envelope)
    const api = createPreloadApi(ipc)
    await expect(api.invoke('app:info', {})).resolves.toEqual(envelope)
    expect(sent).toEqual([{ channel: 'app:info', input: {} }])
  })

  it('refuses channels outside the contract without sending anything', async () => {
    const { ipc, sent } = fakeIpc(async () => ({ ok: true, value: null }))
    const api = createPreloadApi(ipc)
    for (const channel of ['fs:read', 'event:settings:changed', '', 42, null]) {
      const result = await api.invoke(channel as Channel, {})
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.error.code).toBe('UNKNOWN_CHANNEL')
    }
    expect(sent).toEqual([])
  })

  it('turns a rejected send into an INTERNAL envelope instead of a throw', async () => {
    const { ipc } = fakeIpc(async () => {
      throw new Error("No handler registered for 'settings:get'")
    })
    const result = await createPreloadApi(ipc).invoke('settings:get', {})
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'INTERNAL',
        message: "settings:get could not be sent: No handler registered for 'settings:get'",
      },
    })
  })
})

describe('preload subscribe', () => {
  it('passes the payload only, on event:<name>, until unsubscribed', () => {
    const { ipc, emitter } = fakeIpc(async () => null)
    const api = createPreloadApi(ipc)
    const received: unknown[][] = []
    const stop = api.subscribe('app:notice', (...args: unknown[]) => received.push(args))
    const notice = { level: 'warning', title: 'Keychain', message: 'locked' }
    emitter.emit('event:app:notice', { sender: 'ipc event object' }, notice)
    emitter.emit('app:notice', {}, 'not the event name')
    expect(received).toEqual([[notice]])
    stop()
    emitter.emit('event:app:notice', {}, notice)
    expect(received).toHaveLength(1)
    expect(emitter.listenerCount('event:app:notice')).toBe(0)
  })

  it('refuses event channels outside the list', () => {
    const { ipc, emitter } = fakeIpc(async () => null)
    const api = createPreloadApi(ipc)
    for (const event of ['app:info', 'ipc-message', '__proto__']) {
      expect(() => api.subscribe(event as EventChannel, () => {})).toThrow(/Unknown event/)
    }
    expect(emitter.eventNames()).toEqual([])
  })
})
