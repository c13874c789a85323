import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getAppInfo } from '../src/main/services/app-info'
import { readSettings } from '../src/main/services/settings'
import { defaultSettings } from '../src/shared/settings'
import { capture } from './support/capture'
import { colorSchemeApplied, openApp, type OpenedApp } from './support/open-app'

const navItems = [
  'Dashboard',
  'Proxies',
  'Providers',
  'Accounts',
  'Assignments',
  'History',
  'Settings',
]

let app: OpenedApp

beforeAll(async () => {
  app = await openApp({ colorScheme: 'light' })
})

afterAll(async () => {
  await app?.close()
})

// Page-side code as strings: the node tsconfig has no DOM types.
const schemeExpression = `document.documentElement.getAttribute('data-mantine-color-scheme')`

function colorScheme(): Promise<string | null> {
  return app.page.evaluate<string | null>(schemeExpression)
}

function waitForColorScheme(scheme: 'light' | 'dark') {
  return colorSchemeApplied(app.page, scheme)
}

/** Another bridge client (a second window, a script) changing settings through the API. */
async function callBridge(channel: string, input: unknown): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${app.bridge.port}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${app.bridge.token}` },
    body: JSON.stringify(input),
  })
  const envelope = (await response.json()) as { ok: boolean }
  expect(envelope.ok).toBe(true)
}

function stored() {
  return readSettings(app.test.ctx.sqlite)
}

describe('application shell over the HTTP bridge', () => {
  it('renders the shell with every view in the navigation and hides the token', async () => {
    const { page } = app
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor()
    const nav = page.getByRole('navigation', { name: 'Main' })
    for (const label of navItems) {
      expect(await nav.getByRole('link', { name: label, exact: true }).isVisible()).toBe(true)
    }
    expect(await nav.getByRole('link').count()).toBe(navItems.length)
    expect(page.url()).not.toContain('token=')
    const kept = await page.evaluate<string | null>(
      `sessionStorage.getItem('proxydeck.bridgeToken')`,
    )
    expect(kept).toBe(app.bridge.token)
  })

  it('shows app:info: data dir, database and keychain state', async () => {
    const { page } = app
    // In Settings → Storage since issue 13 (the dashboard is about the pool).
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Settings' })
      .click()
    const dataDir = page.getByLabel('Data directory')
    await dataDir.waitFor()
    expect(await dataDir.textContent()).toBe(app.test.dataDir)
    const keychainCard = page.getByRole('group', { name: 'Keychain' })
    expect(await keychainCard.textContent()).toContain('Available')
    expect(await keychainCard.textContent()).toContain(app.test.keychainService)
    await page.getByRole('status', { name: 'Keychain: available' }).waitFor()
    const info = getAppInfo(app.test.ctx)
    const rowsTable =
      (await page.getByRole('table', { name: 'Rows per table' }).textContent()) ?? ''
    for (const table of Object.keys(info.db.rows)) expect(rowsTable).toContain(table)
    expect(await page.getByRole('group', { name: 'Version' }).textContent()).toContain(
      `v${info.version}`,
    )
  })

  it('navigates to Settings and back, through the links and the history', async () => {
    const { page } = app
    const nav = page.getByRole('navigation', { name: 'Main' })
    await nav.getByRole('link', { name: 'Settings' }).click()
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor()
    // The shipped geo database's licence asks for attribution in the product.
    await page
      .getByText('This product includes GeoLite2 data created by MaxMind', { exact: false })
      .waitFor()
    expect(new URL(page.url()).hash).toBe('#/settings')
    expect(await nav.getByRole('link', { name: 'Settings' }).getAttribute('aria-current')).toBe(
      'page',
    )

    await page.goBack()
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor()

    await nav.getByRole('link', { name: 'Proxies' }).click()
    await page.getByRole('heading', { name: 'Proxies', level: 1 }).waitFor()
    await nav.getByRole('link', { name: 'Dashboard' }).click()
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor()
    expect(new URL(page.url()).hash).toBe('#/dashboard')
  })

  it('switches the color scheme from the header and keeps it in the settings across reloads', async () => {
    const { page } = app
    expect(await colorScheme()).toBe('light')

    await page.getByRole('button', { name: 'Switch to dark theme' }).click()
    await waitForColorScheme('dark')
    await expect.poll(() => stored().theme).toBe('dark')

    // Drop Mantine's own localStorage cache: after the reload only the stored setting can say dark.
    await page.evaluate(`localStorage.clear()`)
    await page.reload()
    await page.getByRole('button', { name: 'Switch to light theme' }).waitFor()
    await waitForColorScheme('dark')

    await page.getByRole('button', { name: 'Switch to light theme' }).click()
    await waitForColorScheme('light')
    await expect.poll(() => stored().theme).toBe('light')
  })

  it('saves a valid settings change through the form', async () => {
    const { page } = app
    await page.goto(`${new URL(page.url()).origin}/#/settings`)
    const concurrency = page.getByLabel('Concurrent checks', { exact: true })
    await concurrency.fill('32')
    await page.getByRole('button', { name: 'Save settings' }).click()
    const saved = page.getByRole('status').filter({ hasText: 'Settings saved' })
    await saved.waitFor()
    expect(stored().checkConcurrency).toBe(32)
    await saved.getByRole('button', { name: 'Dismiss notification' }).click()
    await saved.waitFor({ state: 'detached' })
  })

  it("shows main's validation error for a bad value and leaves the stored setting alone", async () => {
    const { page } = app
    const concurrency = page.getByLabel('Concurrent checks', { exact: true })
    await concurrency.fill('0')
    await page.getByRole('button', { name: 'Save settings' }).click()

    const alert = page.getByRole('alert').filter({ hasText: 'Settings not saved' })
    await alert.waitFor()
    expect(await concurrency.getAttribute('aria-invalid')).toBe('true')
    const describedBy = (await concurrency.getAttribute('aria-describedby')) ?? ''
    const errorId = describedBy.split(' ').find((id) => id.endsWith('-error'))
    expect(errorId).toBeTruthy()
    const fieldError = await page.locator(`[id="${errorId}"]`).textContent()
    expect(fieldError).toMatch(/>=\s*1|at least 1|too small/i)

    expect(stored().checkConcurrency).toBe(32)
    await page.reload()
    await page.getByLabel('Concurrent checks', { exact: true }).waitFor()
    expect(await page.getByLabel('Concurrent checks', { exact: true }).inputValue()).toBe('32')
    expect(stored().judges).toEqual(defaultSettings.judges)
  })

  it('follows settings changed by another client, pushed over Server-Sent Events', async () => {
    const { page } = app
    // The bridge subscribes the stream before it sends the headers: once they arrive, no event
    // can be missed.
    const streamOpen = page.waitForResponse((response) => response.url().includes('/api/events'))
    await page.reload()
    await streamOpen
    const retention = page.getByLabel('Check results kept per proxy', { exact: true })
    await retention.waitFor()

    await callBridge('settings:set', { theme: 'dark', checkRetentionPerProxy: 77 })
    await waitForColorScheme('dark')
    await expect.poll(() => retention.inputValue(), { timeout: 20_000 }).toBe('77')

    await callBridge('settings:set', { theme: 'light' })
    await waitForColorScheme('light')
  })

  it('captures the shell for a visual check', async () => {
    const { page } = app
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Dashboard' })
      .click()
    const trends = page.getByRole('heading', { name: 'Failing proxies per day' })
    await capture(page, '/tmp/proxydeck-shell.png', trends, { fullPage: true })
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Settings' })
      .click()
    await page.getByLabel('Concurrent checks', { exact: true }).waitFor()
    await capture(
      page,
      '/tmp/proxydeck-settings.png',
      page.getByLabel('Concurrent checks', { exact: true }),
      { fullPage: true },
    )
  })

  it('logged no console errors, page errors or CSP violations', () => {
    expect(app.problems).toEqual([])
  })
})
