/* eslint-disable @typescript-eslint/no-explicit-any -- the e2e tsconfig has no DOM types */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type OpenedApp } from './support/open-app'

// Issue 13, item 5: at 1280x720 the proxies table fills the window below its toolbar with one
// scroll area (the page itself never scrolls), keeps its header and endpoint column in view, and
// its column presets (remembered across a reload) reach the columns one screen cannot show.

let app: OpenedApp

beforeAll(async () => {
  app = await openApp()
  const provider = await app.call('providers:create', {
    name: 'Layout Provider',
    monthlyCostPerProxyCents: 150,
  })
  for (let i = 1; i <= 60; i++) {
    await app.call('proxies:create', {
      providerId: provider.id,
      protocol: 'http',
      host: `10.1.0.${i}`,
      port: 9000 + i,
      username: `layout-user-${i}`,
      tags: ['layout'],
    })
  }
  await app.page.setViewportSize({ width: 1280, height: 720 })
  await app.page.goto(`${app.bridge.url.split('?')[0]}#/proxies`)
  // A cold page on a loaded two-core machine has taken over 20 s to draw its first view.
  await app.page.getByRole('heading', { name: 'Proxies', level: 1 }).waitFor({ timeout: 60_000 })
  await table().locator('tbody tr').nth(20).waitFor({ state: 'attached', timeout: 60_000 })
}, 150_000)

afterAll(async () => {
  await app?.close()
})

const table = () => app.page.getByRole('table', { name: 'Proxies' })
const headers = async () =>
  (await table().getByRole('columnheader').allTextContents()).map((t) => t.trim())

/** The table's scroll area: the nearest scrolling ancestor of the table. */
async function scrollArea() {
  return table().evaluateHandle((el) => {
    let node = el.parentElement
    while (node && (globalThis as any).getComputedStyle(node).overflowY !== 'auto')
      node = node.parentElement
    return node as any
  })
}

describe('proxies layout at 1280x720', { timeout: 90_000 }, () => {
  it('shows at least ten rows inside one scroll area, the page itself not scrolling', async () => {
    const page = app.page
    const pageScroll = await page.evaluate(() => {
      const root = (globalThis as any).document.scrollingElement
      return { scroll: root.scrollHeight, client: root.clientHeight }
    })
    expect(pageScroll.scroll).toBeLessThanOrEqual(pageScroll.client)
    const area = await scrollArea()
    const visibleRows = await area.evaluate((node) => {
      const box = node.getBoundingClientRect()
      const head = node.querySelector('thead')?.getBoundingClientRect().bottom ?? box.top
      return [...node.querySelectorAll('tbody tr')].filter((row) => {
        const r = row.getBoundingClientRect()
        return r.top >= head - 1 && r.bottom <= box.bottom + 1
      }).length
    })
    expect(visibleRows).toBeGreaterThanOrEqual(10)
    // The table's own area scrolls: 50 rows do not fit.
    expect(await area.evaluate((node) => node.scrollHeight > node.clientHeight)).toBe(true)
  })

  it('keeps the header and the endpoint column in view while scrolling', async () => {
    const area = await scrollArea()
    const before = await area.evaluate((node) => ({
      head: node.querySelector('thead th')?.getBoundingClientRect().top ?? NaN,
      endpoint: node.querySelector('tbody tr td:nth-child(2)')?.getBoundingClientRect().left ?? NaN,
    }))
    const after = await area.evaluate(async (node) => {
      node.scrollTop = 600
      node.scrollLeft = 600
      await new Promise((resolve) => setTimeout(resolve, 100))
      const firstVisible = [...node.querySelectorAll('tbody tr')].find(
        (row) => row.getBoundingClientRect().bottom > node.getBoundingClientRect().top + 60,
      )
      return {
        scrolled: node.scrollTop > 0 && node.scrollLeft > 0,
        head: node.querySelector('thead th')?.getBoundingClientRect().top ?? NaN,
        endpoint: firstVisible?.querySelector('td:nth-child(2)')?.getBoundingClientRect().left,
      }
    })
    expect(after.scrolled).toBe(true)
    expect({
      head: Math.round(after.head - before.head),
      endpoint: Math.round((after.endpoint ?? NaN) - before.endpoint),
    }).toEqual({ head: 0, endpoint: 0 })
    await area.evaluate((node) => {
      node.scrollTop = 0
      node.scrollLeft = 0
    })
  })

  it('reaches Latency, Last tested, Expires and Tags through the presets, remembered on reload', async () => {
    const page = app.page
    const presets = page.getByRole('radiogroup', { name: 'Column preset' })
    await presets.getByText('Health', { exact: true }).click()
    await expect.poll(headers).toContain('Last tested')
    expect(await headers()).toEqual(expect.arrayContaining(['Latency', 'Tags']))
    await presets.getByText('Costs', { exact: true }).click()
    await expect.poll(headers).toContain('Expires')
    expect(await headers()).toContain('Monthly')
    expect(await headers()).not.toContain('Last tested')

    await page.reload()
    await table().locator('tbody tr').first().waitFor()
    expect(await headers()).toEqual(expect.arrayContaining(['Expires', 'Monthly', 'Tags']))
    await page.screenshot({ path: '/tmp/proxies-1280x720-costs.png', animations: 'disabled' })

    await presets.getByText('Essentials', { exact: true }).click()
    await expect.poll(headers).toContain('Latency')
    expect(await headers()).not.toContain('Expires')
    await page.screenshot({ path: '/tmp/proxies-1280x720.png', animations: 'disabled' })
  })

  // The rows are plain elements (components/FastTableBody.tsx, cell-kit.tsx): their hover texts
  // come from one document-wide tooltip (HoverTips), by pointer and by keyboard focus.
  it('shows a row button’s hover text in the one tooltip, and takes it away again', async () => {
    const page = app.page
    const edit = table().getByRole('button', { name: 'Edit 10.1.0.1:9001' })
    await edit.hover()
    const tip = page.getByRole('tooltip')
    await expect.poll(() => tip.textContent()).toBe('Edit')
    expect(await edit.getAttribute('aria-describedby')).toBe(await tip.getAttribute('id'))
    await page.mouse.move(5, 5)
    await expect.poll(() => tip.count()).toBe(0)
    // Keyboard focus shows it at once; Escape closes it and leaves the focus where it was.
    await table().getByRole('button', { name: 'Delete 10.1.0.1:9001' }).focus()
    await expect.poll(() => tip.textContent()).toBe('Delete')
    await page.keyboard.press('Escape')
    await expect.poll(() => tip.count()).toBe(0)
    expect(
      await page.evaluate(() =>
        (globalThis as any).document.activeElement?.getAttribute('aria-label'),
      ),
    ).toBe('Delete 10.1.0.1:9001')
  })

  it('logged no console errors or page errors', () => {
    expect(app.problems).toEqual([])
  })
})
