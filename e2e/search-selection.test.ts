// Issue 13, item 4: search by the endpoint as shown, "select all N matching" acting on the
// server-side selection, and a test run's failures grouped by error class with group actions.
// Real bridge, real Chromium, a real tinyproxy and judge on loopback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort, startJudge, startTinyproxy, type RunningJudge } from '../test/fixtures'
import type { RunningServer } from '../test/fixtures'
import { loopbackOnlySettings } from '../test/support/checks'
import { openApp, type OpenedApp } from './support/open-app'

let app: OpenedApp
let judge: RunningJudge
let tinyproxy: RunningServer
const bulkRequests: { channel: string; body: unknown }[] = []
let checksProvider = 0
let refusedPorts: number[] = []
const v6Port = 18_090

const BULK = 150
const OTHERS = 20

beforeAll(async () => {
  judge = await startJudge()
  tinyproxy = await startTinyproxy({ user: 'tester', pass: 'right-pass' })
  app = await openApp({ colorScheme: 'light' })
  await app.call('settings:set', { judges: [judge.url('/')], ...loopbackOnlySettings() })
  const bulk = await app.call('providers:create', { name: 'Bulk Co', monthlyCostPerProxyCents: 1 })
  const other = await app.call('providers:create', {
    name: 'Other Co',
    monthlyCostPerProxyCents: 1,
  })
  const checks = await app.call('providers:create', {
    name: 'Loopback',
    monthlyCostPerProxyCents: 0,
  })
  checksProvider = checks.id
  for (let i = 0; i < BULK; i++) {
    await app.call('proxies:create', {
      providerId: bulk.id,
      protocol: 'http',
      host: `10.20.${Math.floor(i / 200)}.${(i % 200) + 1}`,
      port: 9000,
      tags: ['cleanup'],
    })
  }
  for (let i = 0; i < OTHERS; i++) {
    await app.call('proxies:create', {
      providerId: other.id,
      protocol: 'http',
      host: `10.30.0.${i + 1}`,
      port: 9000,
      // Half the others carry the tag too: the provider filter keeps them out of the selection.
      tags: i % 2 ? ['cleanup'] : [],
    })
  }
  await app.call('proxies:create', {
    providerId: other.id,
    protocol: 'socks5',
    host: '::1',
    port: v6Port,
    username: 'six',
  })
  // The test run's proxies: two with a wrong password, three on ports nothing listens on.
  const base = { providerId: checks.id, protocol: 'http' as const, host: '127.0.0.1' }
  for (const user of ['intruder-1', 'intruder-2']) {
    await app.call('proxies:create', {
      ...base,
      port: tinyproxy.port,
      username: user,
      password: 'nope',
    })
  }
  refusedPorts = [await freePort(), await freePort(), await freePort()]
  for (const port of refusedPorts) await app.call('proxies:create', { ...base, port })
  app.page.on('request', (request) => {
    const match = /\/api\/(proxies:remove|proxies:setStatus|proxies:test)/.exec(request.url())
    if (match) bulkRequests.push({ channel: match[1] as string, body: request.postDataJSON() })
  })
  await app.page.goto(`${app.bridge.url.split('?')[0]}#/proxies`)
  // A loaded two-core machine: the first paint may take a while.
  await app.page.getByRole('heading', { name: 'Proxies', level: 1 }).waitFor({ timeout: 60_000 })
}, 120_000)

afterAll(async () => {
  await app?.close()
  await tinyproxy?.stop()
  await judge?.stop()
})

const TOTAL = BULK + OTHERS + 1 + 5
const count = () => app.page.getByLabel('Proxy count')
const table = () => app.page.getByRole('table', { name: 'Proxies' })
const bodyRows = () => table().locator('tbody tr')
const search = () => app.page.getByRole('search').getByLabel('Search')

async function waitForCount(text: string) {
  await expect.poll(() => count().textContent(), { timeout: 60_000 }).toBe(text)
}

describe('search and selection', { timeout: 90_000 }, () => {
  it('finds 127.0.0.1:PORT and [::1]:PORT as the table writes them', async () => {
    await waitForCount(String(TOTAL))
    await search().fill(`127.0.0.1:${refusedPorts[0]}`)
    await waitForCount(`1 of ${TOTAL}`)
    await expect
      .poll(() => bodyRows().first().textContent())
      .toContain(`127.0.0.1:${refusedPorts[0]}`)

    await search().fill(`[::1]:${v6Port}`)
    await waitForCount(`1 of ${TOTAL}`)
    await expect.poll(() => bodyRows().first().textContent()).toContain(`[::1]:${v6Port}`)
    await search().fill(`six@[::1]`)
    await waitForCount(`1 of ${TOTAL}`)
    await app.page.screenshot({ path: '/tmp/select-search-v6.png' })
    await search().fill('')
    await waitForCount(String(TOTAL))
  })

  it('"select all matching" deletes the 150 filtered proxies in one action', async () => {
    const { page } = app
    await page.goto(
      `${page.url().split('#')[0]}#/proxies?provider=${(await app.call('providers:list', {})).find((p) => p.name === 'Bulk Co')!.id}`,
    )
    await page.getByRole('search').getByLabel('Tag').fill('cleanup')
    await waitForCount(`${BULK} of ${TOTAL}`)
    // One page holds 50: the page selection alone is not the 150.
    await page.getByRole('button', { name: `Select all ${BULK} matching` }).click()
    const toolbar = page.getByRole('toolbar', { name: 'Selected proxies' })
    await toolbar.getByText(`All ${BULK} matching selected`).waitFor()
    expect(await bodyRows().count()).toBe(50)
    await page.screenshot({ path: '/tmp/select-all-matching.png' })
    await toolbar.getByRole('button', { name: 'Delete selected' }).click()
    const dialog = page.getByRole('dialog', { name: `Delete ${BULK} proxies?` })
    const before = bulkRequests.length
    await dialog.getByRole('button', { name: `Delete ${BULK} proxies` }).click()
    await dialog.waitFor({ state: 'detached' })
    const sent = bulkRequests.slice(before).filter((r) => r.channel === 'proxies:remove')
    expect(sent).toHaveLength(1)
    expect(sent[0]?.body).toMatchObject({ filter: { tag: 'cleanup' }, exceptIds: [] })
    expect((await app.call('proxies:list', { tag: 'cleanup' })).total).toBe(OTHERS / 2)
    expect((await app.call('proxies:list', {})).total).toBe(TOTAL - BULK)
    await waitForCount(`0 of ${TOTAL - BULK}`)
  })

  it("groups a test run's failures by error class with counts; deactivating a group works", async () => {
    const { page } = app
    await page
      .getByRole('button', { name: /Clear filters/ })
      .first()
      .click()
    await waitForCount(String(TOTAL - BULK))
    await page.goto(`${page.url().split('#')[0]}#/proxies?provider=${checksProvider}`)
    await waitForCount(`5 of ${TOTAL - BULK}`)
    await page.getByRole('button', { name: 'Select all 5 matching' }).click()
    await page
      .getByRole('toolbar', { name: 'Selected proxies' })
      .getByRole('button', { name: 'Test selected' })
      .click()
    const panel = page.getByRole('region', { name: 'Test progress' })
    await panel.getByText('Test finished').waitFor({ timeout: 60_000 })
    const failures = panel.getByRole('table', { name: 'Failed checks' })
    const refused = failures.getByRole('rowgroup', { name: 'Connection refused: 3' })
    const auth = failures.getByRole('rowgroup', { name: 'Wrong user name or password: 2' })
    await refused.waitFor()
    await auth.waitFor()
    // Named fully: protocol, user, endpoint, provider.
    await expect(auth.innerText()).resolves.toContain(
      `http://intruder-1@127.0.0.1:${tinyproxy.port}`,
    )
    await expect(auth.innerText()).resolves.toContain('Loopback')
    await page.screenshot({ path: '/tmp/select-failure-groups.png' })

    await refused.getByRole('button', { name: 'Deactivate 3 proxies (Connection refused)' }).click()
    await expect
      .poll(async () =>
        (await app.call('proxies:list', { providerId: checksProvider, status: 'inactive' })).items
          .map((p) => p.port)
          .sort(),
      )
      .toEqual([...refusedPorts].sort())
    const active = await app.call('proxies:list', { providerId: checksProvider, status: 'active' })
    expect(active.items.map((p) => p.username)).toEqual(['intruder-1', 'intruder-2'])
  })

  it('logged no console errors', () => {
    expect(app.problems).toEqual([])
  })
})
