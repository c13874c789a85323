/**
 * security.ts wired to the fake `electron`: what every web contents and the session do with
 * navigation, new windows, webviews, external links and permission requests. The decisions
 * themselves are policy.ts's (policy.test.ts); this checks they are applied.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import {
  FakeWebContents,
  app,
  fakeEvent,
  resetFakeElectron,
  shell,
} from '../../../test/support/fake-electron'
import { hardenSession, hardenWebContents } from './security'

vi.mock('electron', () => import('../../../test/support/fake-electron'))

const DEV = 'http://localhost:5173/'

function guarded(devUrl?: string): FakeWebContents {
  hardenWebContents({ devUrl })
  const contents = new FakeWebContents()
  app.emit('web-contents-created', fakeEvent(), contents)
  return contents
}

function navigate(contents: FakeWebContents, event: string, url: string): boolean {
  const fired = fakeEvent(url)
  contents.emit(event, fired)
  return fired.defaultPrevented
}

beforeEach(() => {
  resetFakeElectron()
  vi.spyOn(console, 'warn').mockImplementation(() => {})
})

describe('navigation', () => {
  it('prevents navigation and redirects to another origin', () => {
    const contents = guarded()
    for (const url of [
      'https://example.com/',
      'file:///etc/passwd',
      'app://other/index.html',
      'http://localhost:5173/',
    ]) {
      expect(navigate(contents, 'will-frame-navigate', url), url).toBe(true)
      expect(navigate(contents, 'will-redirect', url), url).toBe(true)
    }
  })

  it("lets the app's own pages through, and the dev server only when it is the dev server", () => {
    expect(navigate(guarded(), 'will-frame-navigate', 'app://proxydeck/index.html#/proxies')).toBe(
      false,
    )
    resetFakeElectron()
    const dev = guarded(DEV)
    expect(navigate(dev, 'will-frame-navigate', 'http://localhost:5173/#/settings')).toBe(false)
    expect(navigate(dev, 'will-frame-navigate', 'http://localhost:5174/')).toBe(true)
  })

  it('never attaches a webview', () => {
    expect(navigate(guarded(), 'will-attach-webview', 'app://proxydeck/index.html')).toBe(true)
  })
})

describe('window.open and external links', () => {
  it('denies every new window', () => {
    const contents = guarded()
    for (const url of ['app://proxydeck/index.html', 'https://example.com/', 'about:blank']) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' })
    }
  })

  it('hands plain https links to the system browser and nothing else', () => {
    const contents = guarded()
    const refused = [
      'http://example.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'https://user:secret@example.com/',
      'app://proxydeck/index.html',
    ]
    for (const url of refused) contents.windowOpenHandler?.({ url })
    expect(shell.openExternal).not.toHaveBeenCalled()
    contents.windowOpenHandler?.({ url: 'https://www.maxmind.com/' })
    expect(shell.openExternal).toHaveBeenCalledTimes(1)
    expect(shell.openExternal).toHaveBeenCalledWith('https://www.maxmind.com/')
  })
})

describe('session permissions', () => {
  type RequestHandler = (
    contents: FakeWebContents,
    permission: string,
    callback: (granted: boolean) => void,
    details: { requestingUrl?: string },
  ) => void
  type CheckHandler = (contents: unknown, permission: string, origin: string) => boolean

  function hardened() {
    const handlers: { request?: RequestHandler; check?: CheckHandler; device?: () => boolean } = {}
    const session = {
      setPermissionRequestHandler: (h: RequestHandler) => (handlers.request = h),
      setPermissionCheckHandler: (h: CheckHandler) => (handlers.check = h),
      setDevicePermissionHandler: (h: () => boolean) => (handlers.device = h),
    }
    hardenSession(session as unknown as Parameters<typeof hardenSession>[0], {})
    return handlers
  }

  function request(handlers: ReturnType<typeof hardened>, permission: string, url: string) {
    const callback = vi.fn()
    handlers.request?.(new FakeWebContents(url), permission, callback, { requestingUrl: url })
    return callback.mock.calls[0]?.[0]
  }

  it('refuses by default and grants only clipboard writing to the app itself', () => {
    const handlers = hardened()
    const page = 'app://proxydeck/index.html'
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal']) {
      expect(request(handlers, permission, page), permission).toBe(false)
      expect(handlers.check?.(null, permission, 'app://proxydeck'), permission).toBe(false)
    }
    expect(request(handlers, 'clipboard-sanitized-write', page)).toBe(true)
    expect(request(handlers, 'clipboard-sanitized-write', 'https://example.com/')).toBe(false)
    expect(handlers.device?.()).toBe(false)
  })
})
