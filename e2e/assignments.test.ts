import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { capture } from './support/capture'
import { colorSchemeApplied, openApp, type OpenedApp } from './support/open-app'

let app: OpenedApp
const ids: Record<string, number> = {}

/** Three proxies (9 slots) for eight waiting accounts of three models. */
async function seed(): Promise<void> {
  const acme = await app.call('providers:create', { name: 'Acme', monthlyCostPerProxyCents: 500 })
  const globex = await app.call('providers:create', {
    name: 'Globex',
    monthlyCostPerProxyCents: 800,
  })
  for (const [key, providerId, protocol, host, port] of [
    ['p1', acme.id, 'http', '10.0.0.1', 8001],
    ['p2', acme.id, 'http', '10.0.0.2', 8002],
    ['p3', globex.id, 'socks5', '10.0.1.1', 1080],
  ] as const) {
    ids[key] = (await app.call('proxies:create', { providerId, protocol, host, port })).id
  }
  for (const name of ['Alice', 'Bella', 'Carla']) {
    ids[name] = (await app.call('models:create', { name })).id
  }
  const accounts = [
    ...[1, 2, 3, 4].map((n) => ['Alice', 'instagram', `alice_${n}`] as const),
    ...[1, 2, 3].map((n) => ['Bella', 'tiktok', `bella_${n}`] as const),
    ['Carla', 'reddit', 'carla_1'] as const,
  ]
  for (const [model, platform, username] of accounts) {
    const modelId = ids[model] as number
    ids[username] = (await app.call('accounts:create', { modelId, platform, username })).id
  }
}

function db<T>(sql: string, ...params: unknown[]): T[] {
  return app.test.ctx.sqlite.prepare(sql).all(...params) as T[]
}

async function pick(page: Page, label: string, typed: string, option: RegExp): Promise<void> {
  const input = page.getByRole('textbox', { name: label, exact: true })
  await input.click()
  await input.fill(typed)
  await page.getByRole('option', { name: option }).first().click()
}

const assignmentsTable = () => app.page.getByRole('table', { name: 'Current assignments' })

/** In "By proxy" mode only a group's head row links to its proxy. */
function groupRow(label: string) {
  return assignmentsTable()
    .getByRole('row')
    .filter({ has: app.page.getByRole('link', { name: `Proxy ${label}` }) })
}

const summaryAlert = () => app.page.getByRole('alert', { name: /^Assigned \d+ accounts? onto/ })

/** Mantine hides the real radio and switch inputs behind their labels: click what a user sees. */
function clickLabel(page: Page, text: string | RegExp) {
  return page.locator('label').filter({ hasText: text }).first().click()
}

async function setAnyProxy(page: Page, on: boolean): Promise<void> {
  const input = page.getByRole('switch', { name: /Any proxy/ })
  if ((await input.isChecked()) !== on) await clickLabel(page, /^Any proxy/)
  await expect.poll(() => input.isChecked()).toBe(on)
}

/** Lets Mantine's transitions finish (looping ones, like a loader, never do) before a screenshot. */
const settle = () =>
  app.page.evaluate(
    `Promise.all(document.getAnimations()
      .filter((a) => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
      .map((a) => a.finished.catch(() => null)))`,
  )

beforeAll(async () => {
  app = await openApp({ colorScheme: 'light' })
  await seed()
})

afterAll(async () => {
  await app?.close()
})

describe('Assignments view', () => {
  it('shows the waiting accounts and an empty assignment table', async () => {
    const { page } = app
    await page.goto(`${new URL(page.url()).origin}/#/assignments`)
    await page.getByRole('heading', { name: 'Assignments', level: 1 }).waitFor()
    await page.getByText('8 accounts wait for a proxy.').waitFor()
    await page.getByText('No account is on a proxy yet').waitFor()
  })

  it('auto-assigns and summarises: assigned per model, the rest left unassigned with the reason', async () => {
    const { page } = app
    await page.getByRole('button', { name: 'Auto-assign', exact: true }).click()
    const summary = summaryAlert()
    await summary.waitFor()
    const text = (await summary.textContent()) ?? ''
    expect(text).toContain('Assigned 7 accounts onto 3 proxies; 1 left unassigned')
    expect(text).toMatch(/1 account of Carla: no proxy has room for this model/)
    const perModel = summary.getByRole('table', { name: 'Auto-assign result per model' })
    expect(await perModel.getByRole('row', { name: /Alice/ }).textContent()).toMatch(/Alice420/)
    expect(await perModel.getByRole('row', { name: /Carla/ }).textContent()).toMatch(/Carla001/)
    await page.getByText('1 account waits for a proxy.').waitFor()
  })

  it('keeps at most three accounts and one model per proxy, in the database and on screen', async () => {
    const perProxy = db<{ proxy_id: number; n: number; models: number; model: number }>(
      `SELECT proxy_id, count(*) AS n, count(DISTINCT model_id) AS models, min(model_id) AS model
         FROM accounts WHERE proxy_id IS NOT NULL GROUP BY proxy_id ORDER BY proxy_id`,
    )
    expect(perProxy).toEqual([
      { proxy_id: ids.p1, n: 3, models: 1, model: ids.Alice },
      { proxy_id: ids.p2, n: 1, models: 1, model: ids.Alice },
      { proxy_id: ids.p3, n: 3, models: 1, model: ids.Bella },
    ])
    const stored = db<{ id: number; assigned_model_id: number; account_count: number }>(
      'SELECT id, assigned_model_id, account_count FROM proxies ORDER BY id',
    )
    expect(stored.map((p) => p.account_count)).toEqual([3, 1, 3])

    await groupRow('10.0.0.1:8001').waitFor()
    expect(await groupRow('10.0.0.1:8001').textContent()).toMatch(/3 accounts.*Alice.*Acme/)
    expect(await groupRow('10.0.0.2:8002').textContent()).toMatch(/1 account.*Alice/)
    expect(await groupRow('10.0.1.1:1080').textContent()).toMatch(/3 accounts.*Bella.*Globex/)
    const leafRows = assignmentsTable()
      .getByRole('row')
      .filter({ hasText: /alice_|bella_/ })
    expect(await leafRows.count()).toBe(7)
  })

  it('groups the same assignments by model', async () => {
    const { page } = app
    await clickLabel(page, 'By model')
    const aliceGroup = assignmentsTable()
      .getByRole('row')
      .filter({ hasText: /^Alice\s*4/ })
    await aliceGroup.waitFor()
    expect(await aliceGroup.textContent()).toContain('2 proxies')
    const bellaGroup = assignmentsTable()
      .getByRole('row')
      .filter({ hasText: /^Bella\s*3/ })
    expect(await bellaGroup.textContent()).toContain('1 proxy')
    await clickLabel(page, 'By proxy')
    await groupRow('10.0.0.1:8001').waitFor()
  })

  it('refuses a manual assignment to a full proxy, in plain words', async () => {
    const { page } = app
    ids.alice_5 = (
      await app.call('accounts:create', {
        modelId: ids.Alice as number,
        platform: 'instagram',
        username: 'alice_5',
      })
    ).id
    // Another client added the account: a refresh of the view picks it up.
    await page.reload()
    await page.getByText('2 accounts wait for a proxy.').waitFor()
    const form = page.getByRole('form', { name: 'Manual assignment' })
    await pick(page, 'Account', 'alice_5', /alice_5/)
    await setAnyProxy(page, true)
    await pick(page, 'Proxy', '10.0.0.1', /10\.0\.0\.1:8001/)
    await form.getByRole('button', { name: 'Assign' }).click()
    const refusal = form.getByRole('alert')
    await refusal.waitFor()
    expect(await refusal.textContent()).toContain(
      'That proxy is full: it already holds its maximum of 3 accounts.',
    )
    const aliceFive = db<{ proxy_id: number | null }>(
      'SELECT proxy_id FROM accounts WHERE id = ?',
      ids.alice_5,
    )
    expect(aliceFive).toEqual([{ proxy_id: null }])
  })

  it('refuses a proxy serving another model, then assigns from the first-available list', async () => {
    const { page } = app
    const form = page.getByRole('form', { name: 'Manual assignment' })
    await pick(page, 'Account', 'carla', /carla_1/)
    await setAnyProxy(page, true)
    await pick(page, 'Proxy', '10.0.0.2', /10\.0\.0\.2:8002/)
    await form.getByRole('button', { name: 'Assign' }).click()
    await form
      .getByRole('alert')
      .filter({ hasText: 'That proxy already serves another model' })
      .waitFor()

    await pick(page, 'Account', 'alice_5', /alice_5/)
    await setAnyProxy(page, false)
    const proxyInput = page.getByRole('textbox', { name: 'Proxy', exact: true })
    await proxyInput.click()
    const first = page.getByRole('option').first()
    expect(await first.textContent()).toMatch(/#\d+ 10\.0\.0\.2:8002.*first available/)
    await first.click()
    await form.getByRole('button', { name: 'Assign' }).click()
    await page
      .getByRole('status')
      .filter({ hasText: 'alice_5 now goes out through 10.0.0.2:8002' })
      .waitFor()
    expect(db('SELECT proxy_id FROM accounts WHERE id = ?', ids.alice_5)).toEqual([
      { proxy_id: ids.p2 },
    ])
    await expect.poll(async () => groupRow('10.0.0.2:8002').textContent()).toMatch(/2 accounts/)
  })

  it('releases an account after confirming, and records it', async () => {
    const { page } = app
    await assignmentsTable().getByRole('button', { name: 'Release bella_2' }).click()
    const dialog = page.getByRole('dialog', { name: /Release bella_2's proxy/ })
    await dialog.getByText('10.0.1.1:1080').waitFor()
    await dialog.getByRole('button', { name: 'Release' }).click()
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(async () => groupRow('10.0.1.1:1080').textContent()).toMatch(/2 accounts/)
    expect(db('SELECT proxy_id FROM accounts WHERE id = ?', ids.bella_2)).toEqual([
      { proxy_id: null },
    ])
    const rows = db<{ action: string; reason: string; assigned_by: string }>(
      'SELECT action, reason, assigned_by FROM proxy_assignment_history WHERE account_id = ? ORDER BY id',
      ids.bella_2,
    )
    expect(rows.at(-1)).toEqual({ action: 'released', reason: 'manual', assigned_by: 'operator' })
  })

  it('moves an account to the first available proxy of its model', async () => {
    const { page } = app
    await assignmentsTable().getByRole('button', { name: 'Move alice_1' }).click()
    const dialog = page.getByRole('dialog', { name: /Move alice_1/ })
    await dialog.getByRole('button', { name: 'Move account' }).click()
    await page
      .getByRole('status')
      .filter({ hasText: 'alice_1 moved from 10.0.0.1:8001 to 10.0.0.2:8002' })
      .waitFor()
    expect(db('SELECT proxy_id FROM accounts WHERE id = ?', ids.alice_1)).toEqual([
      { proxy_id: ids.p2 },
    ])
  })

  it('captures the view in light and dark schemes', async () => {
    const { page } = app
    await page.getByRole('button', { name: 'Auto-assign', exact: true }).click()
    await summaryAlert().waitFor()
    await settle()
    await capture(page, '/tmp/assignments.png', summaryAlert(), { fullPage: true })
    await page.getByRole('button', { name: 'Switch to dark theme' }).click()
    await colorSchemeApplied(page, 'dark')
    await settle()
    await capture(page, '/tmp/assignments-dark.png', assignmentsTable(), { fullPage: true })
    await page.getByRole('button', { name: 'Switch to light theme' }).click()
  })

  it('logged no console errors, page errors or CSP violations', () => {
    expect(app.problems).toEqual([])
  })
})
