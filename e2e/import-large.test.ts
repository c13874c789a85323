import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type OpenedApp } from './support/open-app'

// Large inputs: held outside the textarea, sent to main in pieces (import:upload), then previewed
// and stored like any other list.
let app: OpenedApp

const LINES = 20_000

function lines(count: number, prefix: string): string {
  return Array.from(
    { length: count },
    (_, i) => `${prefix}.${i >> 8}.${i & 255}:${1024 + (i % 50_000)}:user-${i}:secret-${i}`,
  ).join('\n')
}

beforeAll(async () => {
  app = await openApp({ colorScheme: 'light' })
  await app.call('providers:create', { name: 'Bulk', monthlyCostPerProxyCents: 100 })
  // A real paste (Ctrl+V) reads the page's clipboard: the page may write it.
  await app.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(app.bridge.url).origin,
  })
  await app.page.goto(`${app.bridge.url.split('?')[0]}#/proxies`)
  await app.page.getByRole('heading', { name: 'Proxies', level: 1 }).waitFor()
}, 60_000)

afterAll(async () => {
  await app?.close()
})

describe('a large import', () => {
  it('pastes 20,000 lines as a summary, previews them and stores every row', async () => {
    const page = app.page
    await page.getByRole('button', { name: 'Import', exact: true }).click()
    const modal = page.getByRole('dialog', { name: 'Import proxies' })
    const text = lines(LINES, '10.20')
    type Clipboard = { clipboard: { writeText(value: string): Promise<void> } }
    await page.evaluate(
      (value) =>
        (globalThis as unknown as { navigator: Clipboard }).navigator.clipboard.writeText(value),
      text,
    )
    await modal.getByLabel('Proxy list').focus()
    await page.keyboard.press('ControlOrMeta+V')

    // The textarea gives way to a summary: the list is not its value.
    const summary = modal.getByRole('group', { name: 'Proxy list' })
    await summary.getByText('20,000 lines ·', { exact: false }).waitFor()
    await expect(summary.innerText()).resolves.toMatch(/20,000 lines · [\d.]+ (KB|MB) pasted/)
    await expect(modal.locator('textarea').count()).resolves.toBe(0)
    await modal.getByRole('textbox', { name: 'Provider' }).click()
    await page.getByRole('option', { name: 'Bulk' }).click()
    await page.screenshot({ path: '/tmp/import-large-summary.png' })

    await modal.getByRole('button', { name: 'Preview' }).click()
    await modal.getByLabel(`New: ${LINES}`).waitFor()
    await expect(modal.getByLabel('Errors: 0').count()).resolves.toBe(1)
    await expect(modal.innerText()).resolves.toContain('20,000')
    // Passwords stay in main, large list or not.
    expect(await page.content()).not.toContain('secret-1')
    await page.screenshot({ path: '/tmp/import-large-preview.png' })

    await modal.getByRole('button', { name: 'Import 20,000 proxies' }).click()
    await modal.getByText('Import finished').waitFor()
    await expect(modal.innerText()).resolves.toContain('20,000 added')
    await modal.getByRole('button', { name: 'Done' }).click()
    await modal.waitFor({ state: 'hidden' })

    const stored = await app.call('proxies:list', { page: 1, pageSize: 10 })
    expect(stored.total).toBe(LINES)
    // 20,000 rows parsed, sealed and stored: ~25 s on a loaded 2-core machine, over vitest's 30 s.
  }, 90_000)

  it('reads a large chosen file in pieces, and Clear brings the empty textarea back', async () => {
    const page = app.page
    await page.getByRole('button', { name: 'Import', exact: true }).click()
    const modal = page.getByRole('dialog', { name: 'Import proxies' })
    // Multi-byte characters in the notes column straddle the 256 KB slices somewhere.
    const csv = `host,port,notes\n${Array.from(
      { length: 8_000 },
      (_, i) => `10.21.${i >> 8}.${i & 255},8080,zoné ✓ 🚀 ${i}`,
    ).join('\n')}\n`
    await modal.locator('input[type=file]').setInputFiles({
      name: 'big.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    })
    const summary = modal.getByRole('group', { name: 'Proxy list' })
    await summary.getByText('big.csv · 8,001 lines ·', { exact: false }).waitFor()
    await page.screenshot({ path: '/tmp/import-large-file.png' })
    await modal.getByRole('button', { name: 'Preview' }).click()
    await modal.getByLabel('New: 8000').waitFor()
    await expect(modal.innerText()).resolves.toContain('read from big.csv as CSV')
    await modal.getByRole('button', { name: 'Back' }).click()

    // Back keeps the held list; Clear lets the operator type again.
    await summary.getByRole('button', { name: 'Clear' }).click()
    await expect(modal.getByLabel('Proxy list').inputValue()).resolves.toBe('')
    await expect(modal.getByRole('button', { name: 'Preview' }).isDisabled()).resolves.toBe(true)
    await modal.getByRole('button', { name: 'Cancel' }).click()
    await modal.waitFor({ state: 'hidden' })
  })

  it('logged no console errors', () => {
    expect(app.problems).toEqual([])
  })
})
