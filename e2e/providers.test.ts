import type { Locator } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { capture } from './support/capture'
import { colorSchemeApplied, openApp, type OpenedApp } from './support/open-app'

let app: OpenedApp

/** A form input by its label, with or without the required asterisk Mantine appends. */
function field(scope: Locator, label: string): Locator {
  return scope.getByLabel(new RegExp(`^${label}( \\*)?$`))
}

async function fieldError(input: Locator): Promise<string | null> {
  const describedBy = (await input.getAttribute('aria-describedby')) ?? ''
  const id = describedBy.split(' ').find((part) => part.endsWith('-error'))
  return id ? app.page.locator(`[id="${id}"]`).textContent() : null
}

const table = () => app.page.getByRole('table', { name: 'Providers' })
const row = (name: string) => table().locator('tbody tr').filter({ hasText: name })

beforeAll(async () => {
  app = await openApp({ colorScheme: 'light' })
  await app.page.goto(`${app.bridge.url.split('?')[0]}#/providers`)
  await app.page.getByRole('heading', { name: 'Providers', level: 1 }).waitFor()
})

afterAll(async () => {
  await app?.close()
})

// Generous bound: a busy two-core machine runs Chromium, the bridge and other suites at once.
describe('providers view', { timeout: 90_000 }, () => {
  it('says what to do when there are no providers', async () => {
    await app.page.getByText('No providers yet').waitFor()
    expect(await app.page.getByText('A provider is who you buy proxies from').count()).toBe(1)
  })

  it("creates a provider, showing main's field errors first", async () => {
    const { page } = app
    await page.getByRole('button', { name: 'Add provider' }).first().click()
    const form = page.getByRole('form', { name: 'Add provider' })
    await field(form, 'Name').fill('Northwind Mobile')
    await field(form, 'Monthly cost per proxy').fill('12,5')
    await field(form, 'Contact email').fill('not-an-email')
    await field(form, 'Website').fill('ftp://northwind.example')
    await form.getByRole('button', { name: 'Add provider' }).click()
    await expect.poll(() => fieldError(field(form, 'Contact email'))).toMatch(/valid email/)
    expect(await fieldError(field(form, 'Website'))).toMatch(/http:\/\/ or https:\/\//)
    expect((await app.call('providers:list', {})).length).toBe(0)

    await field(form, 'Contact email').fill('ops@northwind.example')
    await field(form, 'Website').fill('https://northwind.example')
    await field(form, 'Service type').click()
    await page.getByRole('option', { name: 'Mobile' }).click()
    await form.getByRole('button', { name: 'Add provider' }).click()
    await form.waitFor({ state: 'detached' })
    await row('Northwind Mobile').waitFor()
    const [created] = await app.call('providers:list', {})
    expect(created).toMatchObject({
      name: 'Northwind Mobile',
      monthlyCostPerProxyCents: 1250,
      contactEmail: 'ops@northwind.example',
      website: 'https://northwind.example',
      serviceType: 'mobile',
      status: 'active',
    })
    expect(await row('Northwind Mobile').textContent()).toContain('$12.50')
  })

  it('refuses a duplicate name next to the name field', async () => {
    const { page } = app
    await page.getByRole('button', { name: 'Add provider' }).first().click()
    const form = page.getByRole('form', { name: 'Add provider' })
    await field(form, 'Name').fill('Northwind Mobile')
    await field(form, 'Monthly cost per proxy').fill('1')
    await form.getByRole('button', { name: 'Add provider' }).click()
    await expect.poll(() => fieldError(field(form, 'Name'))).toMatch(/already exists/)
    await page.getByRole('button', { name: 'Close provider form' }).click()
    await form.waitFor({ state: 'detached' })
  })

  it('edits a provider', async () => {
    const { page } = app
    await page.getByRole('button', { name: 'Edit Northwind Mobile' }).click()
    const form = page.getByRole('form', { name: 'Edit provider' })
    expect(await field(form, 'Monthly cost per proxy').inputValue()).toBe('12.50')
    await field(form, 'Monthly cost per proxy').fill('$9.99')
    await field(form, 'Status').click()
    await page.getByRole('option', { name: 'Suspended' }).click()
    await form.getByRole('button', { name: 'Save provider' }).click()
    await form.waitFor({ state: 'detached' })
    await expect.poll(() => row('Northwind Mobile').textContent()).toContain('$9.99')
    expect(await row('Northwind Mobile').textContent()).toContain('Suspended')
    const [edited] = await app.call('providers:list', {})
    expect(edited).toMatchObject({ monthlyCostPerProxyCents: 999, status: 'suspended' })
  })

  it('shows proxy counts, capacity and spend, and links to the filtered proxies', async () => {
    const { page } = app
    const acme = await app.call('providers:create', { name: 'Acme', monthlyCostPerProxyCents: 450 })
    for (let i = 1; i <= 3; i++) {
      await app.call('proxies:create', {
        providerId: acme.id,
        protocol: 'http',
        host: `192.0.2.${i}`,
        port: 3128,
        status: i === 3 ? 'error' : 'active',
      })
    }
    const model = await app.call('models:create', { name: 'Model B' })
    for (const username of ['one', 'two']) {
      await app.call('accounts:create', { modelId: model.id, platform: 'tiktok', username })
    }
    await app.call('assignments:auto', {})
    await page.reload()
    await row('Acme').waitFor()
    const text = (await row('Acme').textContent()) ?? ''
    expect(text).toContain('2/9')
    expect(text).toContain('22%')
    expect(text).toContain('$13.50')
    expect(await page.getByLabel('Provider totals').textContent()).toContain('3 proxies')

    await page.getByRole('link', { name: '3 proxies of Acme' }).click()
    await page.getByRole('heading', { name: 'Proxies', level: 1 }).waitFor()
    expect(new URL(page.url()).hash).toBe(`#/proxies?provider=${acme.id}`)
    await expect.poll(() => page.getByLabel('Proxy count').textContent()).toBe('3 of 3')
    await page.goBack()
    await row('Acme').waitFor()
  })

  it('deletes a provider without proxies after a confirmation', async () => {
    const { page } = app
    await page.getByRole('button', { name: 'Delete Northwind Mobile' }).click()
    const dialog = page.getByRole('dialog', { name: 'Delete provider Northwind Mobile?' })
    expect(await dialog.textContent()).toContain('It has no proxies')
    await dialog.getByRole('button', { name: 'Delete provider' }).click()
    await dialog.waitFor({ state: 'detached' })
    await row('Northwind Mobile').waitFor({ state: 'detached' })
    expect((await app.call('providers:list', {})).map((p) => p.name)).toEqual(['Acme'])
  })

  it('is refused while it has proxies, then deletes them with it when asked', async () => {
    const { page } = app
    await page.getByRole('button', { name: 'Delete Acme' }).click()
    const dialog = page.getByRole('dialog', { name: 'Delete provider Acme?' })
    await dialog.getByRole('button', { name: 'Delete provider' }).click()
    const refusal = dialog.getByRole('alert')
    await refusal.waitFor()
    expect(await refusal.textContent()).toContain('still has 3 proxies')
    expect((await app.call('providers:list', {})).length).toBe(1)

    await page.screenshot({ path: '/tmp/providers-delete.png', animations: 'disabled' })
    await dialog
      .getByRole('button', { name: 'Delete with its 3 proxies, releasing 2 accounts' })
      .click()
    await dialog.waitFor({ state: 'detached' })
    await page.getByText('No providers yet').waitFor()
    expect((await app.call('proxies:list', {})).total).toBe(0)
    expect((await app.call('accounts:list', { assigned: false })).total).toBe(2)
  })

  it('captures the view in both color schemes', async () => {
    const { page } = app
    const acme = await app.call('providers:create', {
      name: 'Acme Residential',
      monthlyCostPerProxyCents: 450,
      serviceType: 'residential',
      website: 'https://acme.example',
    })
    await app.call('providers:create', { name: 'Byte DC', monthlyCostPerProxyCents: 200 })
    for (let i = 1; i <= 4; i++) {
      await app.call('proxies:create', {
        providerId: acme.id,
        protocol: 'socks5',
        host: `198.51.100.${i}`,
        port: 1080,
      })
    }
    await page.reload()
    await row('Acme Residential').waitFor()
    await capture(page, '/tmp/providers.png', row('Acme Residential'), { animations: 'disabled' })
    await page.getByRole('button', { name: 'Edit Acme Residential' }).click()
    await page.getByRole('form', { name: 'Edit provider' }).waitFor()
    await capture(
      page,
      '/tmp/provider-form.png',
      page.getByRole('form', { name: 'Edit provider' }),
      {
        animations: 'disabled',
      },
    )
    await page.getByRole('button', { name: 'Close provider form' }).click()
    await page.getByRole('button', { name: 'Switch to dark theme' }).click()
    await colorSchemeApplied(page, 'dark')
    await capture(page, '/tmp/providers-dark.png', row('Acme Residential'), {
      animations: 'disabled',
    })
    await page.getByRole('button', { name: 'Switch to light theme' }).click()
  })

  it('logged no console errors or page errors', () => {
    expect(app.problems).toEqual([])
  })
})
