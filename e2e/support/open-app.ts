import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { dispatch } from '../../src/main/ipc/dispatch'
import { startBridge, type RunningBridge } from '../../src/main/ipc/http-bridge'
import type { Channel } from '../../src/shared/channels'
import type { InputOf, OutputOf } from '../../src/shared/contracts'
import { createTestContext, type TestContext } from '../../test/support/context'
import { problemsError, watchProblems } from './page-problems'

export const rendererDir = resolve('out/renderer')

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

export interface OpenedApp {
  test: TestContext
  bridge: RunningBridge
  browser: Browser
  page: Page
  /**
   * Console errors and uncaught page errors seen so far (CSP violations land here too). The shared
   * setup (support/no-page-problems.ts) fails the test during which one appears; `close()` throws
   * if the list is not empty, so one logged after the last test fails the file too.
   */
  problems: string[]
  /**
   * Calls a channel through the real dispatch from the test process, as another window or a
   * background job would (seeding, changes behind the page); an error envelope throws.
   */
  call<K extends Channel>(channel: K, input: InputOf<K>): Promise<OutputOf<K>>
  close(): Promise<void>
}

/** Closing an app whose page logged errors fails the afterAll that closes it. */
async function closeAndCheck(opened: Partial<OpenedApp>, unwatch: () => void): Promise<void> {
  unwatch()
  await closeApp(opened)
  const problems = opened.problems ?? []
  if (problems.length > 0) throw problemsError(problems, 'while the app was open')
}

/**
 * The real renderer in headless Chromium, served by the real HTTP bridge over a fresh context
 * (temp data dir, keychain service of its own). Needs `out/renderer` built beforehand.
 */
/** How long one e2e wait (a locator, a navigation) may take: see where it is set. */
const E2E_WAIT_MS = 20_000

export async function openApp(
  options: { colorScheme?: 'light' | 'dark' } = {},
): Promise<OpenedApp> {
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(
      `${rendererDir}/index.html is missing: build the renderer first (npx electron-vite build)`,
    )
  }
  const test = await createTestContext()
  const opened: Partial<OpenedApp> = { test, problems: [] }
  const unwatch = watchProblems(opened.problems as string[])
  try {
    const token = randomBytes(24).toString('hex')
    opened.bridge = await startBridge(test.ctx, { port: 0, token, rendererDir })
    opened.browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: chromiumArgs,
    })
    const context = await opened.browser.newContext({
      viewport: { width: 1280, height: 860 },
      colorScheme: options.colorScheme ?? 'light',
    })
    // Playwright's 10 s default is about a quiet machine. Here two cores are shared: with the
    // other core busy, a cold page's first render (bundle parse, first queries) has taken 10-12 s.
    // A wait still ends well inside the test's own 30 s (vitest.config.mts), so a real hang fails.
    context.setDefaultTimeout(E2E_WAIT_MS)
    const page = await context.newPage()
    const problems = opened.problems as string[]
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`)
    })
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
    await page.goto(opened.bridge.url)
    opened.page = page
  } catch (error) {
    unwatch()
    await closeApp(opened)
    throw error
  }
  const ctx = test.ctx
  return {
    ...(opened as Omit<OpenedApp, 'close' | 'call'>),
    async call(channel, input) {
      const envelope = await dispatch(ctx, channel, input)
      if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`)
      return envelope.value as OutputOf<typeof channel>
    },
    close: () => closeAndCheck(opened, unwatch),
  }
}

async function closeApp(opened: Partial<OpenedApp>): Promise<void> {
  await opened.browser?.close()
  await opened.bridge?.close()
  await opened.test?.dispose()
}

/**
 * Resolves once Mantine has applied `scheme` to the document. A selector wait: a string predicate
 * for waitForFunction would be eval'd in the page when it has to poll, which the CSP forbids.
 */
export function colorSchemeApplied(page: Page, scheme: 'light' | 'dark'): Promise<void> {
  return page.locator(`html[data-mantine-color-scheme="${scheme}"]`).waitFor({ state: 'attached' })
}
