import { appendFileSync } from 'node:fs'
import { AxeBuilder } from '@axe-core/playwright'
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contrastRatio } from '../src/renderer/src/lib/contrast'
import type { ViewPath } from '../src/shared/views'
import { colorSchemeApplied, openApp, type OpenedApp } from './support/open-app'

/**
 * Issue 13 item 11: an axe-core scan of every view and every dialog, drawer and popover, in both
 * themes, finds no critical or serious violation. To cover a new view or dialog, add a line to
 * `views` or `openers`: each scan is its own test, named after the line.
 */

let app: OpenedApp
const page = (): Page => app.page
const day = 86_400_000

/** Enough of everything that tables, badges, capacity bars and history rows show. */
async function seed(): Promise<void> {
  const acme = await app.call('providers:create', {
    name: 'Acme Residential',
    monthlyCostPerProxyCents: 450,
    serviceType: 'residential',
    website: 'https://acme.example',
  })
  const byte = await app.call('providers:create', {
    name: 'Byte DC',
    monthlyCostPerProxyCents: 200,
  })
  const statuses = ['active', 'inactive', 'error'] as const
  for (let i = 1; i <= 30; i++) {
    await app.call('proxies:create', {
      providerId: i <= 20 ? acme.id : byte.id,
      protocol: (['http', 'https', 'socks4', 'socks5'] as const)[i % 4] ?? 'http',
      host: `10.0.0.${i}`,
      port: 8000 + i,
      username: i % 2 === 0 ? `user${i}` : null,
      password: i % 2 === 0 ? `secret-${i}` : undefined,
      country: (['DE', 'GB', 'US'] as const)[i % 3],
      status: statuses[i % 3] ?? 'active',
      tags: i % 4 === 0 ? ['gold'] : [],
      expiresAt: i === 2 ? Date.now() + 3 * day : i === 4 ? Date.now() + 40 * day : null,
    })
  }
  for (const name of ['Alicia', 'Bella']) {
    const model = await app.call('models:create', { name })
    for (const platform of ['instagram', 'tiktok'] as const) {
      await app.call('accounts:create', {
        modelId: model.id,
        platform,
        username: `${name.toLowerCase()}_${platform}`,
      })
    }
  }
  await app.call('accounts:create', {
    modelId: (await app.call('models:list', {}))[0]?.id ?? 1,
    platform: 'onlyfans',
    username: 'left_unassigned',
  })
  await app.call('assignments:auto', {})
}

/** Anything an earlier scan left open: dialogs, drawers, menus, popovers. */
const overlays = () => page().locator('[role="dialog"], [role="menu"], .mantine-Popover-dropdown')

/**
 * The view, shown through the hash route as the navigation does, with nothing of an earlier scan
 * left open (Escape closes dialogs, drawers, menus and popovers); its one `h1` and its seeded
 * content say it is there. Staying on a view is cheaper than a reload: a cold proxies view takes
 * tens of seconds on this loaded machine.
 */
async function go(path: ViewPath): Promise<void> {
  appendFileSync('/tmp/a11y-progress.log', `${new Date().toISOString()} go ${path}\n`)
  try {
    for (let i = 0; i < 4 && (await overlays().count()) > 0; i++) {
      await page().keyboard.press('Escape')
      await page().waitForTimeout(300)
    }
    if ((await overlays().count()) > 0) await page().reload()
    await page().evaluate(`location.hash = '#/${path}'`)
    await page()
      .getByRole('heading', { level: 1, name: views[path].heading, exact: true })
      .waitFor({ timeout: VIEW_WAIT_MS })
    await views[path].ready?.(page())
  } catch (error) {
    // What stood in the way, for the person reading the failure.
    await page().screenshot({ path: `/tmp/a11y-failed-${path}.png`, timeout: 5_000 })
    throw error
  }
}

/**
 * A cold load of the proxies view has taken 20–50 s here with the other cores busy (issue 13
 * item 1 is about that); the scan is about what shows, not how fast, so it waits longer.
 */
const VIEW_WAIT_MS = 60_000
/** Per scan test: a cold view, its dialog and the axe run on a loaded machine. */
const SCAN_TEST_MS = 150_000

/** What each view must show before it is scanned (its seeded rows, not a loader). */
const views: Record<ViewPath, { heading: string; ready?: (page: Page) => Promise<void> }> = {
  dashboard: {
    heading: 'Dashboard',
    ready: (p) => p.getByRole('heading', { name: 'Trends' }).waitFor({ timeout: VIEW_WAIT_MS }),
  },
  proxies: {
    heading: 'Proxies',
    ready: (p) =>
      p
        .getByRole('button', { name: 'Details of 10.0.0.6:8006' })
        .first()
        .waitFor({ timeout: VIEW_WAIT_MS }),
  },
  providers: {
    heading: 'Providers',
    ready: (p) =>
      p.getByRole('button', { name: 'Edit Acme Residential' }).waitFor({ timeout: VIEW_WAIT_MS }),
  },
  accounts: {
    heading: 'Accounts',
    ready: async (p) => {
      await p.getByRole('tab', { name: /Models/ }).waitFor({ timeout: VIEW_WAIT_MS })
      await p.getByRole('table').first().locator('tbody tr').first().waitFor()
    },
  },
  assignments: {
    heading: 'Assignments',
    ready: (p) =>
      p.getByRole('button', { name: 'Move alicia_instagram' }).waitFor({ timeout: VIEW_WAIT_MS }),
  },
  history: {
    heading: 'History',
    ready: (p) =>
      p.getByRole('table').first().getByRole('row').nth(1).waitFor({ timeout: VIEW_WAIT_MS }),
  },
  settings: {
    heading: 'Settings',
    ready: (p) =>
      p.getByLabel('Concurrent checks', { exact: true }).waitFor({ timeout: VIEW_WAIT_MS }),
  },
}

interface Opener {
  name: string
  view: ViewPath
  /** Opens the dialog (or drawer, popover, menu) and returns it once it shows its content. */
  open: (page: Page) => Promise<Locator>
  /** What the scan covers (CSS): the dialog, not the view behind it, which has its own scan. */
  scope?: string
}

const dialog = (p: Page, name: string | RegExp) => p.getByRole('dialog', { name })

const openers: Opener[] = [
  {
    name: 'proxy form (new)',
    view: 'proxies',
    open: async (p) => {
      await p.getByRole('button', { name: 'Add proxy' }).first().click()
      return p.getByRole('form', { name: 'Add proxy' })
    },
  },
  {
    name: 'proxy form (edit)',
    view: 'proxies',
    open: async (p) => {
      await p.getByRole('button', { name: 'Edit 10.0.0.6:8006' }).click()
      return p.getByRole('form', { name: 'Edit proxy' })
    },
  },
  {
    name: 'proxy details',
    view: 'proxies',
    open: async (p) => {
      await p.getByRole('button', { name: 'Details of 10.0.0.6:8006' }).first().click()
      await p.getByRole('table', { name: 'Proxy facts' }).waitFor()
      return p.getByRole('dialog')
    },
  },
  {
    name: 'password popover',
    view: 'proxies',
    open: async (p) => {
      await p.getByRole('button', { name: 'Reveal password of 10.0.0.6:8006' }).click()
      return p.getByRole('group', { name: 'Password of 10.0.0.6:8006' })
    },
    scope: '.mantine-Popover-dropdown',
  },
  {
    name: 'test menu',
    view: 'proxies',
    open: async (p) => {
      await p.getByRole('button', { name: 'Test', exact: true }).click()
      return p.getByRole('menu')
    },
    scope: '[role="menu"]',
  },
  {
    name: 'import',
    view: 'proxies',
    open: async (p) => {
      await p.getByRole('button', { name: 'Import', exact: true }).click()
      return dialog(p, 'Import proxies')
    },
  },
  {
    name: 'export',
    view: 'proxies',
    open: async (p) => {
      await p.getByRole('button', { name: 'Export', exact: true }).click()
      return dialog(p, 'Export proxies')
    },
  },
  {
    name: 'delete proxy confirm',
    view: 'proxies',
    open: async (p) => {
      await p.getByRole('button', { name: 'Delete 10.0.0.3:8003' }).click()
      return dialog(p, 'Delete proxy 10.0.0.3:8003?')
    },
  },
  {
    name: 'provider form',
    view: 'providers',
    open: async (p) => {
      await p.getByRole('button', { name: 'Edit Acme Residential' }).click()
      return p.getByRole('form', { name: 'Edit provider' })
    },
  },
  {
    name: 'delete provider confirm',
    view: 'providers',
    open: async (p) => {
      await p.getByRole('button', { name: 'Delete Byte DC' }).click()
      return dialog(p, 'Delete provider Byte DC?')
    },
  },
  {
    name: 'model form',
    view: 'accounts',
    open: async (p) => {
      await p.getByRole('tab', { name: /Models/ }).click()
      await p.getByRole('button', { name: 'New model', exact: true }).click()
      return dialog(p, 'New model')
    },
  },
  {
    name: 'delete model confirm',
    view: 'accounts',
    open: async (p) => {
      await p.getByRole('tab', { name: /Models/ }).click()
      await p.getByRole('button', { name: 'Delete Bella', exact: true }).click()
      return dialog(p, /Delete model/)
    },
  },
  {
    name: 'account form',
    view: 'accounts',
    open: async (p) => {
      await p.getByRole('tab', { name: /Accounts/ }).click()
      await p.getByRole('button', { name: 'New account' }).click()
      return dialog(p, 'New account')
    },
  },
  {
    name: 'account invalidate',
    view: 'accounts',
    open: async (p) => {
      await p.getByRole('tab', { name: /Accounts/ }).click()
      await p.getByRole('button', { name: 'Mark alicia_instagram invalid' }).click()
      return dialog(p, /alicia_instagram/)
    },
  },
  {
    name: 'reassign',
    view: 'assignments',
    open: async (p) => {
      await p.getByRole('button', { name: 'Move alicia_instagram' }).click()
      return dialog(p, /alicia_instagram/)
    },
  },
  {
    name: 'release',
    view: 'assignments',
    open: async (p) => {
      await p.getByRole('button', { name: 'Release alicia_instagram' }).click()
      return dialog(p, /alicia_instagram/)
    },
  },
  {
    name: 'history dates',
    view: 'history',
    open: async (p) => {
      await p.getByRole('button', { name: 'Dates' }).click()
      return p.locator('[data-dates-dropdown]')
    },
    scope: '[data-dates-dropdown]',
  },
  {
    name: 'export key',
    view: 'settings',
    open: async (p) => {
      await p.getByRole('button', { name: 'Export key…' }).click()
      return dialog(p, 'Export the key')
    },
  },
  {
    name: 'import key',
    view: 'settings',
    open: async (p) => {
      await p.getByRole('button', { name: /^Import key/ }).click()
      return p.getByRole('dialog')
    },
  },
  {
    name: 'restore backup confirm',
    view: 'settings',
    open: async (p) => {
      await p
        .getByRole('button', { name: /^Restore the backup of / })
        .first()
        .click()
      return dialog(p, 'Restore this backup?')
    },
  },
]

type Impact = 'minor' | 'moderate' | 'serious' | 'critical'
interface Found {
  id: string
  impact: Impact
  targets: string[]
  summary: string
}
/** Every violation of any impact, by theme and scan: printed at the end as counts. */
const seen: Record<string, Found[]> = {}

async function scan(label: string, scope?: string): Promise<Found[]> {
  appendFileSync('/tmp/a11y-progress.log', `${new Date().toISOString()} scan ${label}\n`)
  // Let Mantine's enter transitions finish: a half-faded dialog has half-contrast text.
  await page().waitForTimeout(250)
  const builder = new AxeBuilder({ page: page() })
  if (scope) builder.include(scope)
  const result = await builder.analyze()
  const found = result.violations.flatMap((violation) =>
    violation.nodes.map((node) => ({
      id: violation.id,
      impact: (node.impact ?? violation.impact ?? 'minor') as Impact,
      targets: node.target.map(String),
      summary: node.failureSummary?.split('\n').slice(0, 2).join(' ') ?? '',
    })),
  )
  seen[label] = found
  appendFileSync(
    '/tmp/a11y-progress.log',
    `${new Date().toISOString()} done ${found.length}\n${blocking(found).join('\n')}\n`,
  )
  return found
}

const blocking = (found: Found[]) =>
  found
    .filter((f) => f.impact === 'serious' || f.impact === 'critical')
    .map((f) => `${f.impact} ${f.id} at ${f.targets.join(' ')}: ${f.summary}`)

beforeAll(async () => {
  app = await openApp({ colorScheme: 'light' })
  await seed()
  // A backup to restore, and a history entry or two from the seeding above.
  await app.call('app:backup', { target: 'folder' })
  await page().reload()
}, 90_000)

afterAll(async () => {
  const counts: Record<string, Record<string, number>> = {}
  for (const [label, found] of Object.entries(seen)) {
    const theme = label.split(' ')[0] as string
    for (const f of found) {
      const key = `${f.impact} ${f.id}`
      counts[theme] ??= {}
      ;(counts[theme] as Record<string, number>)[key] =
        ((counts[theme] as Record<string, number>)[key] ?? 0) + 1
    }
  }
  console.log(`axe scans: ${Object.keys(seen).length}; violations by theme:`, counts)
  await app?.close()
})

for (const theme of ['light', 'dark'] as const) {
  describe(`${theme} theme`, () => {
    beforeAll(async () => {
      await page().emulateMedia({ colorScheme: theme })
      await app.call('settings:set', { theme })
      await page().reload()
      await colorSchemeApplied(page(), theme)
    })

    for (const path of Object.keys(views) as ViewPath[]) {
      it(
        `view ${path} has no serious or critical violation and one h1`,
        async () => {
          await go(path)
          const found = await scan(`${theme} view ${path}`)
          expect(await page().locator('h1').count()).toBe(1)
          expect(blocking(found)).toEqual([])
        },
        SCAN_TEST_MS,
      )
    }

    for (const opener of openers) {
      it(
        `${opener.name} (${opener.view}) has no serious or critical violation`,
        async () => {
          await go(opener.view)
          appendFileSync('/tmp/a11y-progress.log', `open ${opener.name}\n`)
          const opened = await opener.open(page())
          await opened.waitFor()
          const found = await scan(`${theme} ${opener.name}`, opener.scope ?? '[role="dialog"]')
          expect(blocking(found)).toEqual([])
        },
        SCAN_TEST_MS,
      )
    }
  })
}

/** `rgb(r, g, b)` / `rgba(…)` as computed styles give them, as `#rrggbb`. */
function cssHex(value: string): string {
  const [r, g, b] = (value.match(/\d+(\.\d+)?/g) ?? []).map(Number)
  return `#${[r, g, b]
    .map((c) =>
      Math.round(c ?? 0)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`
}

describe('keyboard and focus', { timeout: SCAN_TEST_MS }, () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`a focused input shows a 2px ring at 3:1 or more against the page (${theme})`, async () => {
      await app.call('settings:set', { theme })
      await colorSchemeApplied(page(), theme)
      await go('proxies')
      const search = page().getByRole('textbox').first()
      await search.focus()
      // Strings, not functions, in the page: this file compiles without the DOM library.
      const style = (await page().evaluate(`(() => {
        const computed = getComputedStyle(document.activeElement)
        return {
          color: computed.outlineColor,
          width: computed.outlineWidth,
          style: computed.outlineStyle,
          page: getComputedStyle(document.body).backgroundColor,
        }
      })()`)) as { color: string; width: string; style: string; page: string }

      expect(style.style).toBe('solid')
      expect(parseFloat(style.width)).toBeGreaterThanOrEqual(2)
      expect(contrastRatio(cssHex(style.color), cssHex(style.page))).toBeGreaterThanOrEqual(3)
    })
  }

  it('Tab first reaches "Skip to content", which moves focus to the view', async () => {
    await go('proxies')
    await page().reload()
    await page().getByRole('heading', { level: 1, name: 'Proxies' }).waitFor()
    const hash = await page().evaluate('location.hash')
    await page().keyboard.press('Tab')
    const skip = page().getByRole('link', { name: 'Skip to content' })
    await expect
      .poll(() => page().evaluate('document.activeElement?.textContent'))
      .toBe('Skip to content')
    expect(await skip.isVisible()).toBe(true)
    await page().keyboard.press('Enter')
    await expect.poll(() => page().evaluate('document.activeElement?.id')).toBe('main-content')
    expect(await page().evaluate('location.hash')).toBe(hash)
  })

  it('the password popover takes Tab into it and closes on Escape, focus back on its button', async () => {
    await go('proxies')
    const key = page().getByRole('button', { name: 'Reveal password of 10.0.0.6:8006' })
    await key.click()
    const popover = page().getByRole('group', { name: 'Password of 10.0.0.6:8006' })
    await popover.getByTestId('revealed-password').waitFor()
    const focusedName = () =>
      page().evaluate("document.activeElement?.getAttribute('aria-label') ?? ''")
    await expect.poll(focusedName).toBe('Copy password')
    await page().keyboard.press('Tab')
    expect(await focusedName()).toBe('Hide password')
    await page().keyboard.press('Tab')
    expect(await focusedName()).toBe('Copy password')
    await page().keyboard.press('Escape')
    await popover.waitFor({ state: 'detached' })
    await expect.poll(focusedName).toBe('Reveal password of 10.0.0.6:8006')
  })
})
