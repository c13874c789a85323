import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getAppInfo } from '../src/main/services/app-info'
import { openApp, type OpenedApp } from './support/open-app'

let app: OpenedApp

beforeAll(async () => {
  // A session bus address that leads nowhere: the vault opens the way it does on a desktop whose
  // Secret Service is missing. Restored at once so nothing else in this worker inherits it.
  const saved = process.env.DBUS_SESSION_BUS_ADDRESS
  process.env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent/proxydeck-no-bus'
  try {
    app = await openApp()
  } finally {
    if (saved === undefined) delete process.env.DBUS_SESSION_BUS_ADDRESS
    else process.env.DBUS_SESSION_BUS_ADDRESS = saved
  }
})

afterAll(async () => {
  await app?.close()
})

describe('status area when the keychain is unavailable', () => {
  it('warns in the dashboard with the reason main gives, and in the header badge and Settings', async () => {
    const { page } = app
    const keychain = getAppInfo(app.test.ctx).keychain
    expect(keychain.status).toBe('unavailable')
    expect(keychain.message).toBeTruthy()

    const alert = page.getByRole('alert').filter({ hasText: 'Keychain unavailable' })
    await alert.waitFor()
    expect(await alert.textContent()).toContain(keychain.message)
    await page.getByRole('status', { name: 'Keychain: unavailable' }).waitFor()
    await page.screenshot({ path: '/tmp/proxydeck-keychain-unavailable.png' })
    // The keychain's status card sits in Settings → Storage since issue 13.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Settings' })
      .click()
    expect(await page.getByRole('group', { name: 'Keychain' }).textContent()).toContain(
      'Unavailable',
    )
  })

  it('logged no console errors or page errors', () => {
    expect(app.problems).toEqual([])
  })
})
