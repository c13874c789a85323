import type { Locator, Response } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { capture } from './support/capture'
import { colorSchemeApplied, openApp, type OpenedApp } from './support/open-app'

let app: OpenedApp
const listBodies: string[] = []
const listRequests: Record<string, unknown>[] = []
const lastListRequest = () => listRequests.at(-1)
const day = 86_400_000

const protocols = ['http', 'https', 'socks4', 'socks5'] as const
const countries = ['DE', 'GB', 'US'] as const

/** 120 proxies: 80 from Acme, 40 from Byte; every 10th inactive, every 15th error; 6 accounts on 1–2. */
async function seed() {
  const acme = await app.call('providers:create', {
    name: 'Acme Residential',
    monthlyCostPerProxyCents: 450,
  })
  const byte = await app.call('providers:create', {
    name: 'Byte Datacenter',
    monthlyCostPerProxyCents: 200,
  })
  for (let i = 1; i <= 120; i++) {
    const withUser = i % 2 === 0
    await app.call('proxies:create', {
      providerId: i <= 80 ? acme.id : byte.id,
      protocol: protocols[i % 4] as (typeof protocols)[number],
      remoteDns: i % 8 === 3,
      host: `10.0.0.${i}`,
      port: 8000 + i,
      username: withUser ? `user${i}` : null,
      password: withUser ? `secret-${i}` : undefined,
      country: countries[i % 3],
      location: `City ${i % 5}`,
      status: i % 15 === 0 ? 'error' : i % 10 === 0 ? 'inactive' : 'active',
      tags: i % 4 === 0 ? ['gold'] : [],
      expiresAt: i === 5 ? Date.now() + 3 * day : i === 6 ? Date.now() + 40 * day : null,
    })
  }
  const model = await app.call('models:create', { name: 'Model A' })
  for (let n = 1; n <= 6; n++) {
    await app.call('accounts:create', {
      modelId: model.id,
      platform: 'instagram',
      username: `acc${n}`,
    })
  }
  await app.call('assignments:auto', {})
  return { acme, byte }
}

let providers: Awaited<ReturnType<typeof seed>>

beforeAll(async () => {
  app = await openApp({ colorScheme: 'light' })
  providers = await seed()
  app.page.on('request', (request) => {
    if (request.url().includes('/api/proxies:list')) listRequests.push(request.postDataJSON())
  })
  app.page.on('response', (response: Response) => {
    if (!response.url().includes('/api/proxies:list')) return
    void response.text().then(
      (body) => listBodies.push(body),
      () => {},
    )
  })
  await app.page.goto(`${app.bridge.url.split('?')[0]}#/proxies`)
  await app.page.getByRole('heading', { name: 'Proxies', level: 1 }).waitFor()
}, 60_000)

afterAll(async () => {
  await app?.close()
})

const count = () => app.page.getByLabel('Proxy count')
const table = () => app.page.getByRole('table', { name: 'Proxies' })
const row = (label: string) =>
  table()
    .getByRole('row')
    .filter({ hasText: `${label}` })
const bodyRows = () => table().locator('tbody tr')

/** A form input by its label, with or without the required asterisk Mantine appends. */
function field(scope: Locator, label: string): Locator {
  return scope.getByLabel(new RegExp(`^${label.replace(/[()]/g, '\\$&')}( \\*)?$`))
}

async function waitForCount(text: string) {
  await expect.poll(() => count().textContent(), { timeout: 20_000 }).toBe(text)
}

// Generous bounds: a busy two-core machine runs Chromium, the bridge and other suites at once.
describe('proxies view', { timeout: 90_000 }, () => {
  it('pages through 120 proxies, 50 at a time', async () => {
    await waitForCount('120')
    expect(await bodyRows().count()).toBe(50)
    await app.page.getByRole('button', { name: 'Page 3' }).click()
    await expect.poll(() => bodyRows().count()).toBe(20)
    expect(await bodyRows().first().textContent()).toContain('10.0.0.101:8101')
    await app.page.getByRole('button', { name: 'Page 1' }).click()
    await expect.poll(() => bodyRows().first().textContent()).toContain('10.0.0.1:8001')
  })

  it('sorts on the server by a clicked column: ascending, descending, then back to id', async () => {
    const clickHeader = (name: string) =>
      table()
        .getByRole('columnheader', { name: new RegExp(name) })
        .getByText(name)
        .click()
    await clickHeader('Endpoint')
    await expect.poll(() => lastListRequest()?.sortBy).toBe('host')
    expect(lastListRequest()?.sortDir).toBe('asc')
    await clickHeader('Endpoint')
    // Host text sorts descending: 10.0.0.99 comes before 10.0.0.120.
    await expect.poll(() => bodyRows().first().textContent()).toContain('10.0.0.99:8099')
    expect(lastListRequest()).toMatchObject({ sortBy: 'host', sortDir: 'desc' })

    await clickHeader('Accounts')
    await expect.poll(() => lastListRequest()?.sortBy).toBe('accountCount')
    await expect.poll(() => bodyRows().first().textContent()).toContain('0/3')
    await clickHeader('Accounts')
    await expect.poll(() => bodyRows().first().textContent()).toContain('3/3')
    expect(lastListRequest()).toMatchObject({ sortBy: 'accountCount', sortDir: 'desc' })
    await clickHeader('Accounts')
    await expect.poll(() => lastListRequest()?.sortBy).toBe('id')
    await expect.poll(() => bodyRows().first().textContent()).toContain('10.0.0.1:8001')
  })

  it('filters by provider from the address, then by status, country and text', async () => {
    const { page } = app
    await page.goto(`${page.url().split('#')[0]}#/proxies?provider=${providers.byte.id}`)
    await waitForCount('40 of 120')
    expect(await bodyRows().first().textContent()).toContain('Byte Datacenter')

    await page.getByLabel('Provider', { exact: true }).first().click()
    await page.getByRole('option', { name: 'Acme Residential' }).click()
    await waitForCount('80 of 120')
    expect(new URL(page.url()).hash).toBe(`#/proxies?provider=${providers.acme.id}`)

    await page.getByRole('search').getByLabel('Status').click()
    await page.getByRole('option', { name: 'Inactive' }).click()
    await page.keyboard.press('Escape')
    // Inactive among Acme's 1–80: 10, 20, 40, 50, 70, 80 (30 and 60 are errors).
    await waitForCount('6 of 120')
    await page.getByRole('search').getByLabel('Country').fill('gb')
    // Of those, 10, 40 and 70 are in GB.
    await waitForCount('3 of 120')

    await page
      .getByRole('button', { name: /Clear filters/ })
      .first()
      .click()
    await waitForCount('120')
    await page.getByRole('search').getByLabel('Search').fill('user11')
    // user110, user112, … user118 and user11 does not exist (odd): 110–118 even → 5.
    await waitForCount('5 of 120')
    await page.getByRole('search').getByLabel('Search').fill('')
    await page.getByRole('search').getByLabel('Tag').fill('gold')
    await waitForCount('30 of 120')
    await page
      .getByRole('button', { name: /Clear filters/ })
      .first()
      .click()
    await waitForCount('120')
  })
})

describe('proxy secrets, forms and bulk actions', { timeout: 90_000 }, () => {
  it('reveals a password only on click, and never through the list', async () => {
    const { page } = app
    await waitForCount('120')
    const group = page.getByRole('group', { name: 'Password of 10.0.0.2:8002' })
    expect(await group.count()).toBe(0)
    const revealed = page.waitForResponse((r) => r.url().includes('/api/proxies:revealPassword'))
    await page.getByRole('button', { name: 'Reveal password of 10.0.0.2:8002' }).click()
    expect((await revealed).ok()).toBe(true)
    await group.waitFor()
    expect(await group.getByTestId('revealed-password').textContent()).toBe('secret-2')
    await group.getByRole('button', { name: 'Hide password' }).click()
    await group.waitFor({ state: 'detached' })
    expect(await page.getByText('secret-2').count()).toBe(0)

    expect(listBodies.length).toBeGreaterThan(3)
    for (const body of listBodies) {
      expect(body).toContain('"hasPassword"')
      // Booleans, not matchers on the body: a failure must not print 50 rows.
      expect(/secret-\d/.test(body)).toBe(false)
      expect(/"password"\s*:/.test(body)).toBe(false)
    }
  })

  it("shows main's validation errors next to the fields", async () => {
    const { page } = app
    await page.getByRole('button', { name: 'Add proxy' }).first().click()
    const form = page.getByRole('form', { name: 'Add proxy' })
    await field(form, 'Provider').click()
    await page.getByRole('option', { name: 'Byte Datacenter' }).click()
    await field(form, 'Host').fill('bad host!')
    await field(form, 'Port').fill('70000')
    await form.getByRole('button', { name: 'Add proxy' }).click()
    const host = field(form, 'Host')
    await expect.poll(() => host.getAttribute('aria-invalid')).toBe('true')
    const hostError = (await host.getAttribute('aria-describedby'))
      ?.split(' ')
      .find((id) => id.endsWith('-error'))
    expect(await page.locator(`[id="${hostError}"]`).textContent()).toMatch(/IPv4 address/)
    const portError = (await field(form, 'Port').getAttribute('aria-describedby'))
      ?.split(' ')
      .find((id) => id.endsWith('-error'))
    expect(await page.locator(`[id="${portError}"]`).textContent()).toMatch(/between 1 and 65535/)
  })

  it('creates a proxy through the form', async () => {
    const { page } = app
    const form = page.getByRole('form', { name: 'Add proxy' })
    await field(form, 'Protocol').click()
    await page.getByRole('option', { name: 'SOCKS5' }).click()
    // Mantine draws the switch over a visually hidden input: click its label like a person would.
    await form.getByText('Resolve host names on the proxy (socks5h)').click()
    expect(await form.getByLabel('Resolve host names on the proxy (socks5h)').isChecked()).toBe(
      true,
    )
    await field(form, 'Host').fill('gate.example.net')
    await field(form, 'Port').fill('1080')
    await field(form, 'Username').fill('session-42')
    await field(form, 'Password').fill('hunter2')
    await field(form, 'Max accounts').fill('5')
    await form.getByLabel('Monthly cost override').fill('3.25')
    await form.getByLabel('Tags').fill('new')
    await form.getByLabel('Tags').press('Enter')
    await field(form, 'Country').fill('nl')
    // The notice lives 6 s from when the save answers; under load the drawer's closing transition
    // can outlast that, so watch for it from the click on, not after the form is gone.
    const added = page.getByRole('status').filter({ hasText: 'Proxy added' }).waitFor()
    await form.getByRole('button', { name: 'Add proxy' }).click()
    await Promise.all([added, form.waitFor({ state: 'detached' })])
    await waitForCount('121')

    const found = await app.call('proxies:list', { search: 'gate.example.net' })
    expect(found.total).toBe(1)
    const created = found.items[0]!
    expect(created).toMatchObject({
      protocol: 'socks5',
      remoteDns: true,
      port: 1080,
      username: 'session-42',
      hasPassword: true,
      maxAccounts: 5,
      monthlyCostOverrideCents: 325,
      tags: ['new'],
      country: 'NL',
      providerId: providers.byte.id,
    })
    expect((await app.call('proxies:revealPassword', { id: created.id })).password).toBe('hunter2')
  })

  it('edits a proxy and clears its password', async () => {
    const { page } = app
    await page.getByRole('search').getByLabel('Search').fill('gate.example')
    await waitForCount('1 of 121')
    expect(await row('gate.example.net:1080').getByText('socks5h').count()).toBe(1)
    await page.getByRole('button', { name: 'Edit gate.example.net:1080' }).click()
    const form = page.getByRole('form', { name: 'Edit proxy' })
    expect(await form.getByLabel('New password').inputValue()).toBe('')
    await form.getByLabel('Clear the stored password').check()
    await form.getByLabel('Notes').fill('Moved to the new rack')
    await field(form, 'Max accounts').fill('4')
    await form.getByRole('button', { name: 'Save proxy' }).click()
    await form.waitFor({ state: 'detached' })
    const [edited] = (await app.call('proxies:list', { search: 'gate.example.net' })).items
    expect(edited).toMatchObject({
      hasPassword: false,
      notes: 'Moved to the new rack',
      maxAccounts: 4,
    })
    await expect
      .poll(() =>
        page.getByRole('button', { name: 'Reveal password of gate.example.net:1080' }).isDisabled(),
      )
      .toBe(true)
    await page
      .getByRole('button', { name: /Clear filters/ })
      .first()
      .click()
    await waitForCount('121')
  })

  it('shows a proxy’s accounts and history in its detail drawer', async () => {
    const { page } = app
    await page.getByRole('button', { name: 'Details of 10.0.0.1:8001' }).click()
    const accounts = page.getByRole('table', { name: 'Accounts on this proxy' })
    await accounts.waitFor()
    expect(await accounts.locator('tbody tr').count()).toBe(3)
    expect(await page.getByLabel('Recent history').textContent()).toContain('assigned')
    await page.getByRole('button', { name: 'Close proxy details' }).click()
  })

  it('sets the status of selected proxies in bulk', async () => {
    const { page } = app
    for (const host of ['10.0.0.11:8011', '10.0.0.12:8012', '10.0.0.13:8013']) {
      await row(host).getByRole('checkbox').check()
    }
    const toolbar = page.getByRole('toolbar', { name: 'Selected proxies' })
    expect(await toolbar.textContent()).toContain('3 selected')
    await toolbar.getByRole('button', { name: 'Set status' }).click()
    await page.getByRole('menuitem', { name: 'Set status inactive' }).click()
    await page.getByRole('status').filter({ hasText: 'Status changed' }).waitFor()
    const inactive = await app.call('proxies:list', { status: 'inactive', search: '10.0.0.1' })
    const hosts = inactive.items.map((p) => p.host)
    expect(hosts).toEqual(expect.arrayContaining(['10.0.0.11', '10.0.0.12', '10.0.0.13']))
    await expect.poll(() => row('10.0.0.12:8012').textContent()).toContain('Inactive')
  })

  it('deletes a proxy after a confirmation that counts its accounts', async () => {
    const { page } = app
    await page.getByRole('button', { name: 'Delete 10.0.0.1:8001' }).click()
    const dialog = page.getByRole('dialog', { name: 'Delete proxy 10.0.0.1:8001?' })
    await dialog.waitFor()
    expect(await dialog.textContent()).toContain('3 accounts will be released')
    await dialog.getByRole('button', { name: 'Delete proxy' }).click()
    await dialog.waitFor({ state: 'detached' })
    await waitForCount('120')
    const waiting = await app.call('accounts:list', { assigned: false })
    expect(waiting.total).toBe(3)
  })

  it('deletes selected proxies in bulk with counts in the confirmation', async () => {
    const { page } = app
    for (const host of ['10.0.0.2:8002', '10.0.0.3:8003']) {
      await row(host).getByRole('checkbox').check()
    }
    await page
      .getByRole('toolbar', { name: 'Selected proxies' })
      .getByRole('button', { name: 'Delete selected' })
      .click()
    const dialog = page.getByRole('dialog', { name: 'Delete 2 proxies?' })
    await dialog.waitFor()
    expect(await dialog.textContent()).toContain('3 accounts will be released')
    await dialog.getByRole('button', { name: 'Delete 2 proxies' }).click()
    await dialog.waitFor({ state: 'detached' })
    await waitForCount('118')
    expect((await app.call('accounts:list', { assigned: false })).total).toBe(6)
  })

  it('captures the view in both color schemes', async () => {
    const { page } = app
    await capture(page, '/tmp/proxies.png', row('10.0.0.5:8005'), { animations: 'disabled' })
    await page.getByRole('button', { name: 'Switch to dark theme' }).click()
    await colorSchemeApplied(page, 'dark')
    await page.getByRole('button', { name: 'Details of 10.0.0.5:8005' }).click()
    await page.getByRole('table', { name: 'Proxy facts' }).waitFor()
    await capture(page, '/tmp/proxies-dark.png', page.getByRole('table', { name: 'Proxy facts' }), {
      animations: 'disabled',
    })
    await page.getByRole('button', { name: 'Close proxy details' }).click()
    await page.getByRole('button', { name: 'Switch to light theme' }).click()
  })

  it('logged no console errors or page errors', () => {
    expect(app.problems).toEqual([])
  })
})
