import { readFileSync } from 'node:fs'
import type { Download, Locator } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type OpenedApp } from './support/open-app'

let app: OpenedApp
let acmeId: number

// Good, bad and duplicate lines: 10.0.0.1 is stored already, 10.0.0.2 repeats, two errors.
const pasted = [
  '10.0.0.1:8001:alice:pw-one',
  '10.0.0.2:8002:bob:pw-two',
  '# a comment',
  '10.0.0.3:8003',
  '10.0.0.2:8002:bob:pw-two',
  '10.0.0.4',
  '10.0.0.5:99999:carol:pw-five',
].join('\n')

beforeAll(async () => {
  app = await openApp({ colorScheme: 'light' })
  const acme = await app.call('providers:create', { name: 'Acme', monthlyCostPerProxyCents: 300 })
  acmeId = acme.id
  await app.call('proxies:create', {
    providerId: acme.id,
    protocol: 'http',
    host: '10.0.0.1',
    port: 8001,
    username: 'alice',
    password: 'stored-pw',
  })
  await app.page.goto(`${app.bridge.url.split('?')[0]}#/proxies`)
  await app.page.getByRole('heading', { name: 'Proxies', level: 1 }).waitFor()
}, 60_000)

afterAll(async () => {
  await app?.close()
})

function dialog(name: string): Locator {
  return app.page.getByRole('dialog', { name })
}

async function downloadText(download: Download): Promise<string> {
  const path = await download.path()
  return readFileSync(path, 'utf8')
}

describe('import', () => {
  it('previews a pasted mixed list in plain words, then stores the new rows', async () => {
    const page = app.page
    await page.getByRole('button', { name: 'Import', exact: true }).click()
    const modal = dialog('Import proxies')
    await modal.getByLabel('Proxy list').fill(pasted)
    await modal.getByRole('textbox', { name: 'Provider' }).click()
    await page.getByRole('option', { name: 'Acme' }).click()
    await page.screenshot({ path: '/tmp/import-source.png' })
    await modal.getByRole('button', { name: 'Preview' }).click()

    await modal.getByLabel('New: 2').waitFor()
    await expect(modal.getByLabel('Already stored: 1').count()).resolves.toBe(1)
    await expect(modal.getByLabel('Repeated in the list: 1').count()).resolves.toBe(1)
    await expect(modal.getByLabel('Errors: 2').count()).resolves.toBe(1)
    const reasons = modal.getByLabel('Errors by reason')
    await expect(reasons.innerText()).resolves.toContain('No port: 1')
    await expect(reasons.innerText()).resolves.toContain('Port outside 1–65535: 1')

    const rows = modal.getByRole('table', { name: 'Preview rows' })
    await rows.getByText('Repeats line 2').waitFor()
    const tableText = await rows.innerText()
    expect(tableText).toContain('Same as stored proxy #1')
    expect(tableText).toContain('bob:')
    // Passwords never reach the renderer: only the fixed mask.
    expect(tableText).not.toContain('pw-two')
    expect(await page.content()).not.toContain('pw-two')

    await modal.getByText('Errors (2)', { exact: true }).click()
    // The filter answers from main: wait for the New rows to leave, not for an Error row (the
    // unfiltered page shows those too, so that wait could pass before the filter applied).
    await rows.getByText('New', { exact: true }).first().waitFor({ state: 'detached' })
    await rows.getByText('Error', { exact: true }).first().waitFor()

    await page.screenshot({ path: '/tmp/import-preview.png' })
    await modal.getByRole('button', { name: 'Import 2 proxies' }).click()
    await modal.getByText('Import finished').waitFor()
    await expect(modal.innerText()).resolves.toContain('2 added')
    await modal.getByRole('button', { name: 'Done' }).click()

    const table = page.getByRole('table', { name: 'Proxies' })
    await table.getByText('10.0.0.3').first().waitFor()
    await table.getByText('10.0.0.2').first().waitFor()
    const stored = await app.call('proxies:list', { page: 1, pageSize: 50 })
    expect(stored.items.map((p) => p.host).sort()).toEqual(['10.0.0.1', '10.0.0.2', '10.0.0.3'])
  })
})

describe('import from a file', () => {
  it('reads an uploaded CSV in the page and previews it under its name', async () => {
    const page = app.page
    await page.getByRole('button', { name: 'Import', exact: true }).click()
    const modal = dialog('Import proxies')
    const csv =
      'protocol,host,port,username,password,provider\nsocks5,10.0.1.1,1080,dave,pw-six,Acme\n'
    await modal.locator('input[type=file]').setInputFiles({
      name: 'proxies.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    })
    await modal.getByText('proxies.csv ·', { exact: false }).waitFor()
    await modal.getByRole('button', { name: 'Preview' }).click()
    await modal.getByLabel('New: 1').waitFor()
    await expect(modal.innerText()).resolves.toContain('1 proxy read from proxies.csv as CSV')
    expect(await page.content()).not.toContain('pw-six')
    await modal.getByRole('button', { name: 'Cancel' }).click()
    await modal.waitFor({ state: 'hidden' })
  })

  it('refuses an uploaded file that is not UTF-8 instead of reading it with U+FFFD', async () => {
    const page = app.page
    await page.getByRole('button', { name: 'Import', exact: true }).click()
    const modal = dialog('Import proxies')
    await modal.locator('input[type=file]').setInputFiles({
      name: 'latin1.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('10.0.1.2:8080:user:p\xe4ss\n', 'latin1'),
    })
    await modal.getByText('latin1.txt is not UTF-8 text', { exact: false }).waitFor()
    expect(await modal.getByLabel('Proxy list').inputValue()).toBe('')
    await modal.getByRole('button', { name: 'Cancel' }).click()
    await modal.waitFor({ state: 'hidden' })
  })
})

describe("the desktop File menu's requests", () => {
  // Main asks by setting the hash (a same-document navigation), as here.
  const ask = (hash: string) => app.page.evaluate(`location.hash = ${JSON.stringify(hash)}`)
  const currentHash = () => new URL(app.page.url()).hash

  it('Import… opens the dialog from another view, and again from the Proxies view', async () => {
    const page = app.page
    await page.goto(`${app.bridge.url.split('?')[0]}#/dashboard`)
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor()
    const modal = dialog('Import proxies')
    await ask('#/proxies?open=import')
    await modal.waitFor()
    expect(currentHash()).toBe('#/proxies')
    await page.keyboard.press('Escape')
    await modal.waitFor({ state: 'hidden' })
    await ask('#/proxies?open=import')
    await modal.waitFor()
    await page.keyboard.press('Escape')
    await modal.waitFor({ state: 'hidden' })
  })

  it('Export… keeps the filter the view shows', async () => {
    const modal = dialog('Export proxies')
    await ask(`#/proxies?provider=${acmeId}&open=export`)
    await modal.waitFor()
    expect(currentHash()).toBe(`#/proxies?provider=${acmeId}`)
    await app.page.keyboard.press('Escape')
    await modal.waitFor({ state: 'hidden' })
    await ask('#/proxies')
  })
})

describe('export', () => {
  it('downloads a txt file without passwords', async () => {
    const page = app.page
    await page.getByRole('button', { name: 'Export', exact: true }).click()
    const modal = dialog('Export proxies')
    await modal.getByRole('radio', { name: 'Every proxy' }).check()
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      modal.getByRole('button', { name: 'Export', exact: true }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/\.txt$/)
    const text = await downloadText(download)
    const lines = text.trim().split('\n')
    expect(lines).toHaveLength(3)
    expect(text).toContain('10.0.0.2:8002:bob')
    expect(text).toContain('10.0.0.3:8003')
    expect(text).not.toContain('pw-two')
    expect(text).not.toContain('stored-pw')
    await modal.waitFor({ state: 'hidden' })
  })

  it('writes passwords only after the plain-text confirmation', async () => {
    const page = app.page
    await page.getByRole('button', { name: 'Export', exact: true }).click()
    const modal = dialog('Export proxies')
    await modal.getByRole('radio', { name: /^CSV/ }).check()
    await modal.getByText('Include passwords', { exact: true }).click()
    await expect(
      modal.getByRole('switch', { name: 'Include passwords' }).isChecked(),
    ).resolves.toBe(true)
    const exportButton = modal.getByRole('button', { name: 'Export', exact: true })
    await expect(exportButton.isDisabled()).resolves.toBe(true)
    await page.screenshot({ path: '/tmp/export-confirm.png' })
    await modal
      .getByRole('checkbox', {
        name: 'I understand the file will contain passwords in plain text',
      })
      .check()
    await expect(exportButton.isEnabled()).resolves.toBe(true)
    const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()])
    expect(download.suggestedFilename()).toMatch(/\.csv$/)
    const text = await downloadText(download)
    expect(text).toContain('pw-two')
    expect(text).toContain('stored-pw')
  })

  it('exports the history as CSV from the History view', async () => {
    const page = app.page
    await page.goto(`${app.bridge.url.split('?')[0]}#/history`)
    await page.getByRole('heading', { name: 'History', level: 1 }).waitFor()
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/\.csv$/)
    const text = await downloadText(download)
    expect(text.split('\n')[0]).toMatch(/,/)
  })

  it('logged no console errors', () => {
    expect(app.problems).toEqual([])
  })
})
