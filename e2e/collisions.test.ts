import { existsSync, statSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startJudge, type RunningJudge, type RunningServer } from '../test/fixtures'
import { startDanteLeavingFrom, startTinyproxyLeavingFrom } from '../test/fixtures/bound-exits'
import { openApp, type OpenedApp } from './support/open-app'
import { loopbackOnlySettings } from '../test/support/checks'

/*
 * The isolation guard in the operator's view: a real tinyproxy (`Bind`) and a real dante
 * (`external:`) both leave through 127.0.0.12, a third tinyproxy through 127.0.0.11; the proxies
 * sharing the exit serve different models. After a real test run the dashboard lists the collision
 * with the accounts it links, and both proxies' rows carry the marker and pass the Collision filter.
 */

const SHARED = '127.0.0.12'

let app: OpenedApp
let judge: RunningJudge
const daemons: RunningServer[] = []
const ports = { tinyproxy: 0, dante: 0, alone: 0, spare: 0 }
const ids: number[] = []

beforeAll(async () => {
  judge = await startJudge()
  const [viaTinyproxy, viaDante, alone, spare] = await Promise.all([
    startTinyproxyLeavingFrom(SHARED),
    startDanteLeavingFrom(SHARED),
    startTinyproxyLeavingFrom('127.0.0.11'),
    // Serves no model yet, but leaves from the shared address too: a Bella account on it would
    // link Bella with Anna, whose proxy leaves from there.
    startTinyproxyLeavingFrom(SHARED),
  ])
  daemons.push(viaTinyproxy, viaDante, alone, spare)
  ports.spare = spare.port
  ports.tinyproxy = viaTinyproxy.port
  ports.dante = viaDante.port
  ports.alone = alone.port
  app = await openApp({ colorScheme: 'light' })
  await app.call('settings:set', { judges: [judge.url('/')], ...loopbackOnlySettings() })
  const provider = await app.call('providers:create', { name: 'Loop', monthlyCostPerProxyCents: 0 })
  const base = { providerId: provider.id, host: '127.0.0.1' }
  const a = await app.call('proxies:create', { ...base, protocol: 'http', port: ports.tinyproxy })
  const b = await app.call('proxies:create', { ...base, protocol: 'socks5', port: ports.dante })
  const c = await app.call('proxies:create', { ...base, protocol: 'http', port: ports.alone })
  const d = await app.call('proxies:create', { ...base, protocol: 'http', port: ports.spare })
  const anna = await app.call('models:create', { name: 'Anna' })
  const bella = await app.call('models:create', { name: 'Bella' })
  const annaAccount = await app.call('accounts:create', {
    modelId: anna.id,
    platform: 'instagram',
    username: 'anna_shared',
  })
  const bellaAccount = await app.call('accounts:create', {
    modelId: bella.id,
    platform: 'tiktok',
    username: 'bella_shared',
  })
  await app.call('assignments:assign', { accountId: annaAccount.id, proxyId: a.id })
  await app.call('assignments:assign', { accountId: bellaAccount.id, proxyId: b.id })
  await app.call('accounts:create', {
    modelId: bella.id,
    platform: 'reddit',
    username: 'bella_forced',
  })
  ids.push(a.id, b.id, c.id, d.id)
}, 120_000)

afterAll(async () => {
  await app?.close()
  for (const daemon of daemons) await daemon.stop()
  await judge?.stop()
})

describe('exit collisions in the renderer', () => {
  it('a real test run records the shared exit', async () => {
    const [a, b] = ids as [number, number, number]
    const started = await app.call('proxies:test', { ids })
    expect(started.total).toBe(4)
    // The run works in the background; it is over when no run is reported any more.
    await expect
      .poll(async () => (await app.call('checks:status', {})).run, { timeout: 60_000 })
      .toBeNull()
    expect((await app.call('proxies:get', { id: a })).exitIp).toBe(SHARED)
    expect((await app.call('proxies:get', { id: b })).exitIp).toBe(SHARED)
  }, 90_000)

  it('lists the collision on the dashboard with the accounts it links', async () => {
    const page = app.page
    await page.goto(`${app.bridge.url.split('?')[0]}#/`)
    const card = page.getByTestId('exit-collisions-card')
    const item = card.getByRole('group', { name: `Exit collision on ${SHARED}` })
    await item.waitFor()
    const text = await item.innerText()
    expect(text).toContain(`127.0.0.1:${ports.tinyproxy}`)
    expect(text).toContain(`127.0.0.1:${ports.dante}`)
    expect(text).toContain('(Anna)')
    expect(text).toContain('(Bella)')
    expect(text).toContain('anna_shared')
    expect(text).toContain('bella_shared')
    await item.scrollIntoViewIfNeeded()
    await page.screenshot({ path: '/tmp/collision-dashboard.png', fullPage: true })
    expect(statSync('/tmp/collision-dashboard.png').size).toBeGreaterThan(0)
    // The screenshot shows the card: it is on screen and visible when the picture is taken.
    expect(await item.isVisible()).toBe(true)
  })

  it('marks both proxies in the table, and the Collision filter finds exactly them', async () => {
    const page = app.page
    await page.goto(`${app.bridge.url.split('?')[0]}#/proxies`)
    const table = page.getByRole('table', { name: 'Proxies' })
    const row = (port: number) => table.getByRole('row').filter({ hasText: `127.0.0.1:${port}` })
    const marker = (port: number) => row(port).getByTestId('exit-collision-marker')
    await marker(ports.tinyproxy).waitFor()
    await marker(ports.dante).waitFor()
    expect(await marker(ports.alone).count()).toBe(0)
    await page.getByRole('checkbox', { name: 'Only proxies with an exit collision' }).check()
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 20_000 }).toBe(2)
    expect(await row(ports.alone).count()).toBe(0)
    await marker(ports.tinyproxy).scrollIntoViewIfNeeded()
    await page.screenshot({ path: '/tmp/collision-proxies.png', fullPage: true })
    expect(existsSync('/tmp/collision-proxies.png')).toBe(true)
    expect(await marker(ports.tinyproxy).isVisible()).toBe(true)
    expect(await marker(ports.dante).isVisible()).toBe(true)
  })

  it('refuses a manual assign that would link the models, then assigns anyway on request', async () => {
    const page = app.page
    await page.goto(`${app.bridge.url.split('?')[0]}#/assignments`)
    const form = page.getByRole('form', { name: 'Manual assignment' })
    const account = page.getByRole('textbox', { name: 'Account', exact: true })
    await account.click()
    await account.fill('bella_forced')
    await page
      .getByRole('option', { name: /bella_forced/ })
      .first()
      .click()
    const any = page.getByRole('switch', { name: /Any proxy/ })
    if (!(await any.isChecked())) await page.getByText(/^Any proxy/).click()
    await expect.poll(() => any.isChecked()).toBe(true)
    const proxy = page.getByRole('textbox', { name: 'Proxy', exact: true })
    await proxy.click()
    await proxy.fill('127.0.0.1')
    await page.getByRole('option', { name: new RegExp(`127\\.0\\.0\\.1:${ports.spare}`) }).click()
    await form.getByRole('button', { name: 'Assign', exact: true }).click()
    const refusal = form.getByRole('alert').filter({ hasText: 'Exit collision' })
    await refusal.waitFor()
    const words = await refusal.innerText()
    expect(words).toContain(SHARED)
    expect(words).toContain('Anna')
    expect(words).toContain(`127.0.0.1:${ports.spare}`)
    const force = form.getByRole('button', { name: 'Assign anyway' })
    await force.scrollIntoViewIfNeeded()
    await page.screenshot({ path: '/tmp/collision-force.png' })
    expect(await force.isVisible()).toBe(true)
    await force.click()
    await page.getByText('Account assigned').waitFor()
    const rows = app.test.ctx.sqlite
      .prepare(
        `SELECT h.action, h.assigned_by, h.detail FROM proxy_assignment_history h
           JOIN accounts a ON a.id = h.account_id WHERE a.username = 'bella_forced'`,
      )
      .all() as { action: string; assigned_by: string; detail: string | null }[]
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ action: 'assigned', assigned_by: 'operator' })
    expect(rows[0]?.detail).toContain(SHARED)
  })

  it('logged no console errors', () => {
    expect(app.problems).toEqual([])
  })
})
