// Views follow changes made behind them (the health monitor, a check run, another window): main
// announces `data:changed`, the open view refreshes on its own. Here the changes come straight
// through dispatch in the test process, as any other writer's would; nobody touches the page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort } from '../test/fixtures'
import { openApp, type OpenedApp } from './support/open-app'

let app: OpenedApp
let providerId: number

beforeAll(async () => {
  app = await openApp()
  providerId = (await app.call('providers:create', { name: 'Live', monthlyCostPerProxyCents: 300 }))
    .id
}, 60_000)

afterAll(async () => {
  await app?.close()
})

describe('live updates', () => {
  it('the Proxies table shows a proxy stored elsewhere, then its status changing', async () => {
    const page = app.page
    await page.goto(`${app.bridge.url.split('?')[0]}#/proxies`)
    await page.getByText('No proxies yet').waitFor()

    const created = await app.call('proxies:create', {
      providerId,
      protocol: 'http',
      host: '203.0.113.50',
      port: 3128,
    })
    const row = page.getByRole('row').filter({ hasText: '203.0.113.50' })
    await row.getByText('Active').waitFor()

    await app.call('proxies:setStatus', { ids: [created.id], status: 'inactive' })
    await row.getByText('Inactive').waitFor()
    expect(app.problems).toEqual([])
  })

  it('a check run started elsewhere updates the row when its result is recorded', async () => {
    const page = app.page
    const dead = await app.call('proxies:create', {
      providerId,
      protocol: 'http',
      host: '127.0.0.1',
      port: await freePort(),
    })
    const row = page.getByRole('row').filter({ hasText: `127.0.0.1:` })
    await row.waitFor()
    await expect(row.innerText()).resolves.not.toMatch(/refused/i)
    // Two failed checks (the default threshold) turn an active proxy to error.
    for (let round = 0; round < 2; round++) {
      const finished = new Promise<void>((resolve) => {
        const stop = app.test.ctx.events.subscribe((event, payload) => {
          if (event === 'checks:progress' && (payload as { finished: boolean }).finished) {
            stop()
            resolve()
          }
        })
      })
      await app.test.ctx.checks.test({ ids: [dead.id] })
      await finished
    }
    await row.getByText('Error').waitFor()
  })

  it('the Dashboard follows an import committed elsewhere', async () => {
    const page = app.page
    await page.goto(`${app.bridge.url.split('?')[0]}#/`)
    const idle = (await app.call('analytics:summary', {})).cost.idleProxies
    await page
      .getByText(`${idle} ${idle === 1 ? 'proxy holds' : 'proxies hold'} no account`)
      .waitFor()
    const preview = await app.call('import:preview', {
      source: 'text',
      text: ['198.51.100.1:8080', '198.51.100.2:8080', '198.51.100.3:8080'].join('\n'),
    })
    await app.call('import:commit', { importId: preview.importId, providerId })
    expect((await app.call('analytics:summary', {})).cost.idleProxies).toBe(idle + 3)
    await page.getByText(`${idle + 3} proxies hold no account`).waitFor()
  })
})
