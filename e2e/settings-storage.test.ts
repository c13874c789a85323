import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type OpenedApp } from './support/open-app'

let app: OpenedApp

beforeAll(async () => {
  app = await openApp()
  await app.call('providers:create', { name: 'Kept by the backup', monthlyCostPerProxyCents: 100 })
  await app.page.goto(`${app.bridge.url.split('?')[0]}#/settings`)
  await app.page.getByRole('heading', { name: 'Storage' }).waitFor()
})

afterAll(async () => {
  await app?.close()
})

const storage = () => app.page.getByRole('region', { name: 'Storage' })
const backupsTable = () => storage().getByRole('table', { name: 'Backups' })

describe('Settings → Storage', () => {
  // Moved here from the dashboard (issue 13: the dashboard is about the pool): the same assertions.
  it('shows the application status cards and where the data lives', async () => {
    const card = (label: string) => storage().getByRole('group', { name: label })
    expect(await card('Keychain').textContent()).toContain('Available')
    await storage().getByLabel('Data directory').waitFor()
    expect(await storage().getByLabel('Data directory').textContent()).toBe(app.test.dataDir)
    expect(await card('Database').textContent()).toMatch(/rows · wal · \d+ migrations/i)
    await storage().getByRole('table', { name: 'Rows per table' }).waitFor()
  })

  it('backs up now, lists the backup with its date and size, and restores it after confirming', async () => {
    const { page } = app
    await storage().getByText('No backups yet').waitFor()

    await storage().getByRole('button', { name: 'Back up now' }).click()
    await page.getByText('Backup written').waitFor()
    const rows = backupsTable().getByRole('row')
    await rows.nth(1).waitFor()
    expect(await rows.count()).toBe(2)
    const [listed] = await app.call('app:backups', {})
    expect(listed?.kind).toBe('manual')
    const first = rows.nth(1)
    expect(await first.getByRole('cell').nth(1).textContent()).toBe('Manual')
    expect(await first.getByRole('cell').nth(2).textContent()).toMatch(/^\d+(\.\d+)? (KB|MB|B)$/)
    expect(await first.getByRole('cell').nth(0).textContent()).toMatch(/\d{4}/)

    // A change after the backup, made elsewhere: the restore takes it away again.
    await app.call('providers:create', {
      name: 'Made after the backup',
      monthlyCostPerProxyCents: 0,
    })

    await first.getByRole('button', { name: /^Restore the backup of / }).click()
    const dialog = page.getByRole('dialog', { name: 'Restore this backup?' })
    await dialog.waitFor()
    expect(await dialog.textContent()).toContain('The current data is kept first')
    await page.screenshot({
      path: '/tmp/proxydeck-settings-restore-confirm.png',
      animations: 'disabled',
    })
    await dialog.getByRole('button', { name: 'Replace the current data' }).click()
    await dialog.waitFor({ state: 'detached' })
    const restoredNotice = page.getByRole('status').filter({ hasText: 'Backup restored' })
    await restoredNotice.waitFor()
    expect(await restoredNotice.textContent()).toContain('“Before a restore” backup')

    await backupsTable().getByRole('cell', { name: 'Before a restore' }).waitFor()
    const names = (await app.call('providers:list', {})).map((p) => p.name)
    expect(names).toEqual(['Kept by the backup'])
    expect((await app.call('app:backups', {})).map((b) => b.kind).sort()).toEqual([
      'manual',
      'pre-restore',
    ])
    await storage().scrollIntoViewIfNeeded()
    await page.screenshot({ path: '/tmp/proxydeck-settings-storage.png', animations: 'disabled' })
  })

  it('offers the key export, import and reset in Security', async () => {
    const security = app.page.getByRole('region', { name: 'Security' })
    for (const name of ['Export key…', 'Import key…', 'Reset passwords…']) {
      expect(await security.getByRole('button', { name }).isEnabled()).toBe(true)
    }
    await security.getByRole('button', { name: 'Export key…' }).click()
    const dialog = app.page.getByRole('dialog', { name: 'Export the key' })
    await dialog.waitFor()
    const exportButton = dialog.getByRole('button', { name: 'Export key' })
    expect(await exportButton.isDisabled()).toBe(true)
    await security.page().screenshot({
      path: '/tmp/proxydeck-settings-export-key.png',
      animations: 'disabled',
    })
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await dialog.waitFor({ state: 'detached' })
  })

  it('logged no console errors or page errors', () => {
    expect(app.problems).toEqual([])
  })
})
