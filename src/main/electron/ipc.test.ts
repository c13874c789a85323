/**
 * ipc.ts against the fake `electron`: every contract channel registered, each call checked for
 * the sending frame's origin before `dispatch` (mocked here: only the gate is under test), and
 * events pushed only to the app's own live pages.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { FakeWebContents, ipcMain, resetFakeElectron } from '../../../test/support/fake-electron'
import { channels } from '../../shared/channels'
import type { AppContext } from '../context'
import { createEventBus } from '../events'
import { dispatch } from '../ipc/dispatch'
import { registerIpc } from './ipc'

vi.mock('electron', () => import('../../../test/support/fake-electron'))
vi.mock('../ipc/dispatch', () => ({
  dispatch: vi.fn(async () => ({ ok: true, value: 'dispatched' })),
}))

const APP_PAGE = 'app://proxydeck/index.html#/proxies'

function contextWithEvents() {
  const events = createEventBus()
  return { ctx: { events } as unknown as AppContext, events }
}

/** An invoke from a frame at `frameUrl` inside a window showing `pageUrl`. */
function invoke(channel: string, frameUrl: string | null, pageUrl = APP_PAGE) {
  const handler = ipcMain.handlers.get(channel)
  if (!handler) throw new Error(`no handler for ${channel}`)
  const sender = new FakeWebContents(pageUrl)
  return handler({ sender, senderFrame: frameUrl === null ? null : { url: frameUrl } }, {})
}

beforeEach(() => resetFakeElectron())

describe('registerIpc', () => {
  it('registers one handler per contract channel and removes them all when disposed', () => {
    const dispose = registerIpc(contextWithEvents().ctx, { eventTargets: () => [] })
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...channels].sort())
    dispose()
    expect(ipcMain.handlers.size).toBe(0)
  })

  it("hands the app's own frame over to dispatch", async () => {
    const { ctx } = contextWithEvents()
    registerIpc(ctx, { eventTargets: () => [] })
    await expect(invoke('proxies:list', 'app://proxydeck/index.html')).resolves.toEqual({
      ok: true,
      value: 'dispatched',
    })
    expect(dispatch).toHaveBeenCalledWith(ctx, 'proxies:list', {})
  })

  it('refuses a sender from another origin or another frame, without dispatching', async () => {
    registerIpc(contextWithEvents().ctx, { eventTargets: () => [] })
    const foreign = [
      'https://example.com/',
      'file:///work/out/renderer/index.html',
      'app://other/index.html',
      'http://localhost:5173/',
      'about:blank',
    ]
    for (const url of foreign) {
      // The window shows the app, but an embedded frame of another origin sent the message.
      await expect(invoke('proxies:list', url), url).resolves.toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      })
    }
    // A frame that navigated away or was destroyed since sending.
    await expect(invoke('app:info', null)).resolves.toMatchObject({ error: { code: 'FORBIDDEN' } })
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('trusts the dev server only when it is the one electron-vite named', async () => {
    registerIpc(contextWithEvents().ctx, {
      devUrl: 'http://localhost:5173/',
      eventTargets: () => [],
    })
    await expect(invoke('app:info', 'http://localhost:5173/')).resolves.toMatchObject({ ok: true })
    await expect(invoke('app:info', 'http://localhost:5174/')).resolves.toMatchObject({
      ok: false,
    })
  })

  it('pushes events only to live pages of the app', () => {
    const { ctx, events } = contextWithEvents()
    const own = new FakeWebContents(APP_PAGE)
    const foreign = new FakeWebContents('https://example.com/')
    const closed = new FakeWebContents(APP_PAGE)
    closed.destroyed = true
    const dispose = registerIpc(ctx, {
      eventTargets: () => [own, foreign, closed] as unknown as Electron.WebContents[],
    })
    events.emit('data:changed', { kinds: ['proxies'] })
    expect(own.sent).toEqual([{ channel: 'event:data:changed', payload: { kinds: ['proxies'] } }])
    expect(foreign.sent).toEqual([])
    expect(closed.sent).toEqual([])
    dispose()
    events.emit('data:changed', { kinds: ['proxies'] })
    expect(own.sent).toHaveLength(1)
  })
})
