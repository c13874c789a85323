import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startJudge, startTarpit, startTinyproxy, type RunningJudge } from '../test/fixtures'
import type { RunningServer } from '../test/fixtures'
import { openApp, type OpenedApp } from './support/open-app'
import { loopbackOnlySettings } from '../test/support/checks'

let app: OpenedApp
let judge: RunningJudge
let tinyproxy: RunningServer
let tarpit: RunningServer
const ids: { good: number; bad: number } = { good: 0, bad: 0 }

beforeAll(async () => {
  judge = await startJudge()
  tinyproxy = await startTinyproxy({ user: 'tester', pass: 'right-pass' })
  tarpit = await startTarpit('silent')
  app = await openApp({ colorScheme: 'dark' })
  await app.call('settings:set', { judges: [judge.url('/')], ...loopbackOnlySettings() })
  const provider = await app.call('providers:create', {
    name: 'Loopback',
    monthlyCostPerProxyCents: 0,
  })
  const base = { providerId: provider.id, protocol: 'http' as const, host: '127.0.0.1' }
  const good = await app.call('proxies:create', {
    ...base,
    port: tinyproxy.port,
    username: 'tester',
    password: 'right-pass',
  })
  const bad = await app.call('proxies:create', {
    ...base,
    port: tinyproxy.port,
    username: 'intruder',
    password: 'wrong-pass',
  })
  ids.good = good.id
  ids.bad = bad.id
  await app.page.goto(`${app.bridge.url.split('?')[0]}#/proxies`)
  await app.page.getByRole('heading', { name: 'Proxies', level: 1 }).waitFor()
}, 60_000)

afterAll(async () => {
  await app?.close()
  await tinyproxy?.stop()
  await judge?.stop()
  await tarpit?.stop()
})

describe('proxy tests from the Proxies view', () => {
  it('tests every proxy through a real tinyproxy and shows ok / wrong password', async () => {
    const page = app.page
    await page.getByRole('button', { name: 'Test', exact: true }).click()
    await page.getByRole('menuitem', { name: 'All proxies' }).click()
    const panel = page.getByRole('region', { name: 'Test progress' })
    await panel.getByText('Test finished').waitFor()
    await panel.getByLabel('OK: 1').waitFor()
    await panel.getByLabel('Failed: 1').waitFor()
    const failures = panel.getByRole('table', { name: 'Failed checks' })
    await expect(failures.innerText()).resolves.toContain('Wrong user name or password')
    await expect(failures.innerText()).resolves.toContain(`127.0.0.1:${tinyproxy.port}`)
    await page.screenshot({ path: '/tmp/checks-finished.png' })

    const checks = await app.call('proxies:checks', { id: ids.bad, limit: 5 })
    expect(checks[0]?.errorCode).toBe('auth_failed')
    expect(judge.requests.length).toBeGreaterThan(0)
  })

  it('shows the check history of a proxy in its details', async () => {
    const page = app.page
    await page
      .getByRole('button', { name: `Details of 127.0.0.1:${tinyproxy.port}` })
      .first()
      .click()
    const drawer = page.getByRole('dialog')
    const history = drawer.getByRole('table', { name: 'Check history' })
    await history.getByText('OK', { exact: true }).waitFor()
    await page.screenshot({ path: '/tmp/checks-history.png' })
    await drawer.getByRole('button', { name: 'Close proxy details' }).click()
  })

  it('dismisses the finished run', async () => {
    const page = app.page
    await page.getByRole('button', { name: 'Dismiss test results' }).click()
    await page.getByRole('region', { name: 'Test progress' }).waitFor({ state: 'detached' })
  })

  it('notifies a monitor alert and lists the failing proxies from ?status=error', async () => {
    const page = app.page
    await app.call('settings:set', { failureThreshold: 1 })
    await app.call('monitor:runNow', {})
    const alert = page.getByRole('alert').filter({ hasText: /failing/ })
    await alert.first().waitFor()
    await expect(alert.first().innerText()).resolves.toContain(`127.0.0.1:${tinyproxy.port}`)

    await page.goto(`${app.bridge.url.split('?')[0]}#/proxies?status=error`)
    const table = page.getByRole('table', { name: 'Proxies' })
    // The filter applies a moment after the address changes: wait for the passing proxy to go.
    await table.getByText('tester', { exact: true }).waitFor({ state: 'detached' })
    await table.getByText('intruder').waitFor()
    await page.screenshot({ path: '/tmp/checks-status-filter.png' })
  })

  it('picks up a run already going when the view opens, and cancels it', async () => {
    const page = app.page
    // A proxy that never answers keeps the run going until it is cancelled.
    await app.call('settings:set', { checkTimeoutMs: 120_000 })
    const providerId = (await app.call('providers:list', {}))[0]!.id
    const silent = await app.call('proxies:create', {
      providerId,
      protocol: 'http',
      host: '127.0.0.1',
      port: tarpit.port,
    })
    const started = await app.call('proxies:test', { ids: [silent.id] })
    expect(started.total).toBe(1)
    await page.reload()
    const panel = page.getByRole('region', { name: 'Test progress' })
    await panel.getByText('Testing proxies').waitFor()
    await panel.getByLabel('Remaining: 1').waitFor()
    await page.screenshot({ path: '/tmp/checks-running.png' })
    await panel.getByRole('button', { name: 'Cancel test' }).click()
    await panel.getByText('Test cancelled').waitFor()
    const status = await app.call('checks:status', {})
    expect(status.run).toBeNull()
  })

  it('logged no console errors', () => {
    expect(app.problems).toEqual([])
  })
})
