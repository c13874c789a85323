// Issue 13, items 3 and 9: notices that close by themselves and cover no primary action, the
// header's alert list with links to the filtered views, and the keyboard (`/`, Ctrl+K, Esc, `?`).
// The failing proxies fail for real: loopback ports with nothing listening, tested by the monitor.
import type { Locator } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort, startJudge, startTinyproxy, type RunningJudge } from '../test/fixtures'
import type { RunningServer } from '../test/fixtures'
import { loopbackOnlySettings } from '../test/support/checks'
import { colorSchemeApplied, openApp, type OpenedApp } from './support/open-app'

let app: OpenedApp
let judge: RunningJudge
let tinyproxy: RunningServer
const ids = { good: 0, dead: [] as number[] }
const deadPorts: number[] = []

beforeAll(async () => {
  judge = await startJudge()
  tinyproxy = await startTinyproxy({ user: 'keeper', pass: 'right-pass' })
  app = await openApp({ colorScheme: 'light' })
  await app.call('settings:set', {
    judges: [judge.url('/')],
    ...loopbackOnlySettings(),
    failureThreshold: 1,
  })
  const provider = await app.call('providers:create', {
    name: 'Loopback',
    monthlyCostPerProxyCents: 0,
  })
  const base = { providerId: provider.id, protocol: 'http' as const, host: '127.0.0.1' }
  ids.good = (
    await app.call('proxies:create', {
      ...base,
      port: tinyproxy.port,
      username: 'keeper',
      password: 'right-pass',
    })
  ).id
  for (let i = 0; i < 2; i++) {
    const port = await freePort()
    deadPorts.push(port)
    ids.dead.push((await app.call('proxies:create', { ...base, port })).id)
  }
  await app.page.setViewportSize({ width: 1280, height: 720 })
  await app.page.goto(`${origin()}/#/proxies`)
  // A cold first render on a loaded two-core box has taken over 20 s; the hook allows 90.
  await app.page.getByRole('heading', { name: 'Proxies', level: 1 }).waitFor({ timeout: 60_000 })
}, 90_000)

afterAll(async () => {
  await app?.close()
  await tinyproxy?.stop()
  await judge?.stop()
})

function origin(): string {
  return new URL(app.bridge.url).origin
}

/** Another view by its hash, in the same page (a reload costs seconds on a shared machine). */
async function go(view: string): Promise<void> {
  await app.page.evaluate(`window.location.hash = ${JSON.stringify(`#/${view}`)}`)
}

const toolbarButtons = ['Test', 'Import', 'Export', 'Add proxy'] as const

function toolbarButton(name: (typeof toolbarButtons)[number]): Locator {
  return app.page.getByRole('main').getByRole('button', { name, exact: true })
}

/** What the page hits at the element's centre is the element or inside it. */
async function uncovered(element: Locator): Promise<boolean> {
  const box = await element.boundingBox()
  expect(box).not.toBeNull()
  const centre = [box!.x + box!.width / 2, box!.y + box!.height / 2] as const
  return element.evaluate((el, [x, y]) => {
    const hit = el.ownerDocument.elementFromPoint(x, y)
    return hit !== null && (hit === el || el.contains(hit))
  }, centre)
}

async function overlaps(a: Locator, b: Locator): Promise<boolean> {
  const [one, two] = [await a.boundingBox(), await b.boundingBox()]
  if (!one || !two) return false
  return (
    one.x < two.x + two.width &&
    two.x < one.x + one.width &&
    one.y < two.y + two.height &&
    two.y < one.y + one.height
  )
}

function checkCount(id: number): Promise<number> {
  return app.call('proxies:checks', { id, limit: 100 }).then((checks) => checks.length)
}

describe('alerts that never block', () => {
  const failingAlert = () => app.page.getByRole('alert').filter({ hasText: '2 proxies failing' })

  it('shows the failing-proxies alert away from Import, Export and Add proxy, which stay clickable', async () => {
    const page = app.page
    await app.call('monitor:runNow', {})
    const alert = failingAlert()
    await alert.waitFor()
    await expect(alert.innerText()).resolves.toContain(`127.0.0.1:${deadPorts[0]}`)
    await page.screenshot({ path: '/tmp/proxydeck-alert-1280x720.png' })

    for (const height of [720, 860]) {
      await page.setViewportSize({ width: 1280, height })
      for (const name of toolbarButtons) {
        expect(await overlaps(alert, toolbarButton(name)), `${name} at 1280x${height}`).toBe(false)
        expect(await uncovered(toolbarButton(name)), `${name} at 1280x${height}`).toBe(true)
      }
      const filters = page.getByRole('search', { name: 'Proxy filters' })
      expect(await overlaps(alert, filters), `filters at 1280x${height}`).toBe(false)
      // Nor the rows: it stays over the navigation.
      const table = page.getByRole('table', { name: 'Proxies' })
      expect(await overlaps(alert, table), `table at 1280x${height}`).toBe(false)
    }
    await page.screenshot({ path: '/tmp/proxydeck-alert-1280x860.png' })

    // A real click on Export reaches Export (no trial click: Playwright's own hit test is the point).
    await toolbarButton('Export').click()
    const exportDialog = page.getByRole('dialog', { name: /Export/ })
    await exportDialog.waitFor()
    await page.keyboard.press('Escape')
    await exportDialog.waitFor({ state: 'detached' })
    await toolbarButton('Import').click()
    const importDialog = page.getByRole('dialog', { name: /Import/ })
    await importDialog.waitFor()
    await page.keyboard.press('Escape')
    await importDialog.waitFor({ state: 'detached' })
  }, 60_000)

  it('closes the alert by itself', async () => {
    await failingAlert().waitFor({ state: 'detached' })
  })

  it('keeps it in the header bell, whose link opens the failing proxies', async () => {
    const page = app.page
    await page.setViewportSize({ width: 1280, height: 720 })
    await go('dashboard')
    const bell = page.getByRole('button', { name: 'Alerts (1 unread)' })
    await bell.click()
    const list = page.getByRole('dialog', { name: 'Recent alerts' })
    const item = list.getByRole('listitem', { name: '2 proxies failing' })
    await item.waitFor()
    await expect(item.innerText()).resolves.toContain('Monitor')
    await page.screenshot({ path: '/tmp/proxydeck-alert-bell.png' })
    await item.getByRole('link', { name: 'Show failing proxies' }).click()
    await list.waitFor({ state: 'detached' })
    expect(new URL(page.url()).hash).toBe('#/proxies?status=error')
    const table = page.getByRole('table', { name: 'Proxies' })
    await table.getByText(`127.0.0.1:${deadPorts[1]}`).waitFor()
    await table.getByText(`127.0.0.1:${tinyproxy.port}`).waitFor({ state: 'detached' })
    // Looked at now: the count is gone.
    await page.getByRole('button', { name: 'Alerts', exact: true }).waitFor()
  }, 60_000)
})

describe('keyboard', () => {
  it('`/` focuses the view search, and is typed as itself inside a field', async () => {
    const page = app.page
    await page.getByRole('heading', { name: 'Proxies', level: 1 }).click()
    await page.keyboard.press('/')
    const search = page.getByRole('search', { name: 'Proxy filters' }).getByLabel('Search')
    await expect
      .poll(() => search.evaluate((el) => el === el.ownerDocument.activeElement))
      .toBe(true)
    await page.keyboard.type('a/b')
    await expect(search.inputValue()).resolves.toBe('a/b')
    await search.fill('')

    await go('providers')
    await page.getByRole('heading', { name: 'Providers', level: 1 }).click()
    await page.keyboard.press('/')
    const providers = page.getByLabel('Search providers')
    await expect
      .poll(() => providers.evaluate((el) => el === el.ownerDocument.activeElement))
      .toBe(true)
  })

  it('Ctrl+K runs "Test failed proxies": a check run of the failed ones only', async () => {
    const page = app.page
    await go('dashboard')
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor()
    const before = {
      good: await checkCount(ids.good),
      dead: await Promise.all(ids.dead.map(checkCount)),
    }
    await page.keyboard.press('Control+K')
    const command = page
      .getByRole('dialog', { name: 'Command palette' })
      .getByRole('textbox', { name: 'Command' })
    await command.waitFor()
    await command.fill('test failed')
    await page.screenshot({ path: '/tmp/proxydeck-palette.png' })
    await page.keyboard.press('Enter')
    await command.waitFor({ state: 'detached' })

    await page.getByRole('heading', { name: 'Proxies', level: 1 }).waitFor()
    const panel = page.getByRole('region', { name: 'Test progress' })
    await panel.getByText('Test finished').waitFor()
    await panel.getByLabel('Failed: 2').waitFor()
    await panel.getByLabel('OK: 0').waitFor()
    const failures = panel.getByRole('table', { name: 'Failed checks' })
    await expect(failures.innerText()).resolves.toContain(`127.0.0.1:${deadPorts[0]}`)
    const after = await Promise.all(ids.dead.map(checkCount))
    expect(after).toEqual(before.dead.map((n) => n + 1))
    expect(await checkCount(ids.good)).toBe(before.good)
    await panel.getByRole('button', { name: 'Dismiss test results' }).click()
  }, 60_000)

  it('Ctrl+K opens the add form and navigates; Esc closes drawers and the palette', async () => {
    const page = app.page
    await page.getByRole('textbox', { name: 'Search', exact: true }).focus()
    // From inside a text field too.
    await page.keyboard.press('Control+K')
    const command = page.getByRole('textbox', { name: 'Command' })
    await command.fill('add proxy')
    await page.keyboard.press('Enter')
    const form = page.getByRole('dialog', { name: 'Add proxy' })
    await form.getByRole('form', { name: 'Add proxy' }).waitFor()
    await page.keyboard.press('Escape')
    await form.waitFor({ state: 'detached' })

    await page.getByRole('button', { name: `Details of 127.0.0.1:${tinyproxy.port}` }).click()
    const details = page.getByRole('dialog', { name: `127.0.0.1:${tinyproxy.port}` })
    await details.waitFor()
    await page.keyboard.press('Escape')
    await details.waitFor({ state: 'detached' })

    await page.keyboard.press('Control+K')
    await command.waitFor()
    await page.keyboard.press('Escape')
    await command.waitFor({ state: 'detached' })

    await page.keyboard.press('Control+K')
    await command.fill('assignments')
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { name: 'Assignments', level: 1 }).waitFor()
    expect(new URL(page.url()).hash).toBe('#/assignments')
  }, 60_000)

  it('`?` lists the shortcuts, as Settings → About does', async () => {
    const page = app.page
    await page.getByRole('heading', { name: 'Assignments', level: 1 }).click()
    await page.keyboard.press('?')
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    const list = dialog.getByRole('table', { name: 'Keyboard shortcuts' })
    await expect(list.innerText()).resolves.toMatch(/Ctrl\s*\+\s*K\s+Command palette/)
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })

    await go('settings')
    const about = page.getByRole('region', { name: 'About ProxyDeck' })
    await expect(
      about.getByRole('table', { name: 'Keyboard shortcuts' }).innerText(),
    ).resolves.toContain("Focus the view's search")
  })

  it('captures the alert list and the palette in dark', async () => {
    const page = app.page
    await app.call('settings:set', { theme: 'dark' })
    await colorSchemeApplied(page, 'dark')
    // The palette's test run is in the list too now, unread.
    await page.getByRole('button', { name: /^Alerts/ }).click()
    const list = page.getByRole('dialog', { name: 'Recent alerts' })
    await list.getByRole('listitem', { name: '2 proxies failing' }).waitFor()
    await page.screenshot({ path: '/tmp/proxydeck-alert-bell-dark.png' })
    await page.keyboard.press('Escape')
    await list.waitFor({ state: 'detached' })
    await page.keyboard.press('Control+K')
    await page.getByRole('textbox', { name: 'Command' }).waitFor()
    await page.screenshot({ path: '/tmp/proxydeck-palette-dark.png' })
    await page.keyboard.press('Escape')
  })

  it('logged no console errors', () => {
    expect(app.problems).toEqual([])
  })
})
