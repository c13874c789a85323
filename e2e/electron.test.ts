/**
 * The packaged shape of the desktop app, for real: Electron runs the built main bundle
 * (out/main/index.js) through playwright-core's `_electron`, the shell appears, the View menu opens
 * the Proxies view, the page has no Node in reach, and the app quits.
 *
 * Skipped with "Electron binary not available" where Electron's runtime was never downloaded (it is
 * fetched on first `npm start`); wherever it is present the test must pass. On a Linux box without
 * a display run it under `xvfb-run`.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { _electron, type ElectronApplication } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { installedElectron } from '../scripts/electron/binary.mjs'

const root = resolve(__dirname, '..')
const mainBundle = join(root, 'out/main/index.js')

/** The Electron-ABI SQLite driver `npm start` uses (node_modules holds the Node build). */
function electronSqlite(): string {
  const script = pathToFileURL(join(root, 'scripts/electron/sqlite-native.mjs')).href
  const output = execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const m = await import(${JSON.stringify(script)}); ` +
        'console.log(await m.prepareElectronSqlite({ log: () => {} }))',
    ],
    { cwd: root, encoding: 'utf8' },
  )
  return output.trim().split('\n').at(-1) ?? ''
}

/** Clicks a menu item in the main process, as the operator would. */
async function clickMenu(app: ElectronApplication, menu: string, item: string): Promise<void> {
  await app.evaluate(
    ({ Menu }, [menuLabel, itemLabel]) => {
      const top = Menu.getApplicationMenu()?.items.find((i) => i.label === menuLabel)
      const entry = top?.submenu?.items.find((i) => i.label === itemLabel)
      if (!entry) throw new Error(`no menu item ${menuLabel} > ${itemLabel}`)
      entry.click()
    },
    [menu, item] as const,
  )
}

// Not require('electron'): without the runtime, that starts a download. This checks the same files
// (path.txt, dist/, ELECTRON_OVERRIDE_DIST_PATH) and that the executable exists.
const electron = installedElectron()

describe('the desktop app in Electron', () => {
  it('shows the shell, opens the proxies view from the menu, and quits', async (context) => {
    if (!electron) {
      context.skip('Electron binary not available')
      return
    }
    if (!existsSync(mainBundle))
      throw new Error(`${mainBundle} is missing: npx electron-vite build`)
    const dataDir = mkdtempSync(join(tmpdir(), 'proxydeck-electron-'))
    const env: Record<string, string> = {}
    for (const [key, value] of Object.entries(process.env)) {
      if (value !== undefined && key !== 'ELECTRON_RENDERER_URL') env[key] = value
    }
    const app = await _electron.launch({
      executablePath: electron,
      args: [mainBundle, '--data-dir', dataDir],
      cwd: root,
      env: {
        ...env,
        PROXYDECK_SQLITE_BINDING: electronSqlite(),
        PROXYDECK_KEYCHAIN_SERVICE: `ProxyDeck-e2e-${process.pid}-${Date.now()}`,
      },
      timeout: 60_000,
    })
    try {
      const page = await app.firstWindow()
      const problems: string[] = []
      page.on('pageerror', (error) => problems.push(error.message))
      await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor()
      expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(true)
      expect(page.url()).toMatch(/^app:\/\/proxydeck\//)

      // Sandboxed and isolated: the page sees neither Node nor the preload's own scope.
      expect(await page.evaluate('typeof require')).toBe('undefined')
      expect(await page.evaluate('typeof process')).toBe('undefined')

      await clickMenu(app, 'View', 'Proxies')
      await page.getByRole('heading', { name: 'Proxies', level: 1 }).waitFor()
      expect(new URL(page.url()).hash).toBe('#/proxies')
      expect(problems).toEqual([])
    } finally {
      await app.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
