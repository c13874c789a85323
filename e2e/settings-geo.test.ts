import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeMmdb } from '../test/support/mmdb-writer'
import { openApp, type OpenedApp } from './support/open-app'

let app: OpenedApp
const dir = mkdtempSync(join(tmpdir(), 'proxydeck-e2e-geo-'))

beforeAll(async () => {
  app = await openApp()
  await app.page.goto(`${app.bridge.url.split('?')[0]}#/settings`)
})

afterAll(async () => {
  await app?.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('Settings → Location databases', () => {
  it('lists the bundled City and ASN databases with their build dates', async () => {
    const { page } = app
    const section = page.getByRole('region', { name: 'Location databases' })
    const table = section.getByRole('table', { name: 'Location databases' })
    await table.waitFor()
    const city = table.locator('tr[data-kind="city"]')
    const asn = table.locator('tr[data-kind="asn"]')
    // The bundled copies: GeoLite2 City built 17 June 2026, the ASN package released that day.
    for (const row of [city, asn]) {
      expect(await row.getByRole('cell').nth(1).textContent()).toContain('Bundled')
      expect(await row.getByRole('cell').nth(2).textContent()).toBe('17 Jun 2026')
    }
    expect(await city.textContent()).toContain('MaxMind GeoLite2')
    expect(await asn.textContent()).toContain('RouteViews')
    // The bridge has no file dialog: no choose buttons, and it says why.
    expect(await section.getByRole('button', { name: 'Choose file…' }).count()).toBe(0)
    expect(await section.textContent()).toContain('needs the desktop app')

    await section.scrollIntoViewIfNeeded()
    const box = await section.boundingBox()
    const viewport = page.viewportSize()
    expect(box && viewport && box.y >= 0 && box.y + box.height <= viewport.height).toBe(true)
    await page.screenshot({ path: '/tmp/proxydeck-settings-geo.png', animations: 'disabled' })
  })
  it('shows an operator-chosen file, its path and its build date', async () => {
    const { page } = app
    const path = join(dir, 'GeoLite2-ASN.mmdb')
    writeFileSync(
      path,
      writeMmdb({
        databaseType: 'GeoLite2-ASN',
        ipVersion: 6,
        buildEpoch: 1_800_000_000, // 15 Jan 2027
        networks: [
          {
            network: '8.8.8.0/24',
            data: { autonomous_system_number: 64_500, autonomous_system_organization: 'Test' },
          },
        ],
      }),
    )
    // Chosen in the desktop app's dialog, behind this page (the bridge has no dialog of its own).
    const dialogs = {
      chooseOpenFile: () => Promise.resolve(path),
      chooseSaveFile: () => Promise.resolve(null),
    }
    await app.test.ctx.checks.geo.choose('asn', dialogs)
    await page.reload()
    const section = page.getByRole('region', { name: 'Location databases' })
    const asn = section.locator('tr[data-kind="asn"]')
    await asn.getByText('Your file: GeoLite2-ASN').waitFor()
    expect(await asn.getByRole('cell').nth(1).textContent()).toContain(path)
    expect(await asn.getByRole('cell').nth(2).textContent()).toBe('15 Jan 2027')
    expect(await section.locator('tr[data-kind="city"]').textContent()).toContain('Bundled')

    await section.scrollIntoViewIfNeeded()
    const box = await section.boundingBox()
    const viewport = page.viewportSize()
    expect(box && viewport && box.y >= 0 && box.y + box.height <= viewport.height).toBe(true)
    await page.screenshot({ path: '/tmp/proxydeck-settings-geo-file.png', animations: 'disabled' })
  })
})
