// The renderer side of a large import (`import_ui_longest_task_ratio`, run by `npm run bench --
// import`): the real renderer in Debian Chromium against the real HTTP bridge, a real clipboard
// paste (Ctrl+V) into the import dialog, then Preview, until the preview's rows are shown. The
// figure is the longest task on the renderer's main thread in that window (CDP tracing, every
// task, not only the >50 ms ones a 'longtask' observer reports) for 100,000 lines over the same
// for 1,000 lines: a window that keeps painting has no task that grows with the input.
//
// Not a bench name of its own (the underscore): bench/import.ts calls `runImportUiBench()` at its
// end. Standalone for development: `npx tsx bench/_import-ui.ts`.
import { execFileSync } from 'node:child_process'
import { randomBytes, randomUUID } from 'node:crypto'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { createContext, type AppContext } from '../src/main/context'
import { startBridge, type RunningBridge } from '../src/main/ipc/http-bridge'
import { deleteVaultKey } from '../src/main/secrets'
import { benchDir, median } from './_context'
import { reportFigure } from './_report'

const SMALL = 1_000
const LARGE = 100_000
const REPS = Number(process.env.BENCH_UI_REPS ?? 5)
const root = join(__dirname, '..')
const rendererDir = join(root, 'out', 'renderer')

interface Rep {
  lines: number
  longestMs: number
  /** The few longest tasks, ms after the paste, for reading where the time went. */
  top: { atMs: number; ms: number }[]
  /** Paste to preview rows shown, wall clock. */
  elapsedMs: number
}

/** Deterministic provider-style lines (as bench/import.ts): ~55 characters each. */
function generateLines(count: number, seedStart: number): string {
  let seed = seedStart
  const rand = (n: number) => {
    seed = (seed * 48_271) % 2_147_483_647
    return seed % n
  }
  const lines: string[] = []
  for (let i = 0; i < count; i++) {
    const host = `10.${rand(256)}.${rand(256)}.${1 + rand(254)}`
    lines.push(`${host}:${1024 + rand(60_000)}:user-${i}-session-${rand(1_000_000)}:pw${rand(1e9)}`)
  }
  return lines.join('\n')
}

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs)
  }
  return newest
}

/** The renderer as the sources are now: a stale build would measure yesterday's dialog. */
export function ensureRendererBuilt(): void {
  const index = join(rendererDir, 'index.html')
  const sources = Math.max(
    newestMtime(join(root, 'src', 'renderer')),
    newestMtime(join(root, 'src', 'shared')),
  )
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return
  console.log('building the renderer (out/renderer is older than its sources)…')
  execFileSync(join(root, 'node_modules', '.bin', 'electron-vite'), ['build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
}

interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
  ts: number
  dur?: number
  args?: { name?: string }
}

/** Every top-level task on a renderer main thread, [start µs, duration µs]. */
function rendererTasks(trace: Buffer): [number, number][] {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents
  const mainThreads = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  )
  const tasks = (name: string) =>
    events
      .filter((e) => e.ph === 'X' && e.name === name && mainThreads.has(`${e.pid}:${e.tid}`))
      .map((e): [number, number] => [e.ts, e.dur ?? 0])
  // DevTools' own task event; the scheduler's (same tasks, nested) where it is missing.
  const timeline = tasks('RunTask')
  return timeline.length ? timeline : tasks('ThreadControllerImpl::RunTask')
}

/** Development aid: what ran inside the longest tasks (BENCH_UI_DEBUG=1). */
function explainLongTasks(trace: Buffer, lines: number): void {
  const events = (
    JSON.parse(trace.toString('utf8')) as {
      traceEvents: (TraceEvent & { args?: { data?: Record<string, unknown> } })[]
    }
  ).traceEvents
  const main = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  )
  const onMain = events.filter((e) => e.ph === 'X' && main.has(`${e.pid}:${e.tid}`))
  const tasks = onMain
    .filter((e) => e.name === 'RunTask')
    .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
  const first = Math.min(...onMain.map((e) => e.ts))
  for (const task of tasks.slice(0, 4)) {
    const end = task.ts + (task.dur ?? 0)
    const inside = onMain
      .filter(
        (e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end && (e.dur ?? 0) > 3000,
      )
      .map(
        (e) =>
          `${e.name}${e.args?.data ? ' ' + JSON.stringify(e.args.data).slice(0, 120) : ''} ${((e.dur ?? 0) / 1000).toFixed(1)}`,
      )
    console.log(
      `[${lines}] task ${((task.dur ?? 0) / 1000).toFixed(1)} ms at +${Math.round((task.ts - first) / 1000)}:\n   ${inside.slice(0, 14).join('\n   ')}`,
    )
  }
}

const traceCategories = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
]

/** One paste of `lines` lines and its preview, on a freshly loaded page. */
async function measure(browser: Browser, page: Page, url: string, text: string, lines: number) {
  await page.goto(`${url}#/proxies`)
  await page.getByRole('heading', { name: 'Proxies', level: 1 }).waitFor()
  await page.getByRole('button', { name: 'Import', exact: true }).click()
  const modal = page.getByRole('dialog', { name: 'Import proxies' })
  await modal.getByLabel('Proxy list').waitFor()
  // The page's own clipboard (the bench's tsconfig has no DOM types).
  type Clipboard = { clipboard: { writeText(value: string): Promise<void> } }
  await page.evaluate(
    (value) =>
      (globalThis as unknown as { navigator: Clipboard }).navigator.clipboard.writeText(value),
    text,
  )
  await modal.getByLabel('Proxy list').focus()
  // Let the page settle after the clipboard write (itself a 5 MB message) before measuring.
  await page.waitForTimeout(500)
  await browser.startTracing(page, { categories: traceCategories })
  const started = Date.now()
  await page.keyboard.press('ControlOrMeta+V')
  const preview = modal.getByRole('button', { name: 'Preview' })
  await modal
    .locator('button:not([disabled])', { hasText: 'Preview' })
    .waitFor({ timeout: 120_000 })
  await preview.click()
  await modal.getByLabel(`New: ${lines}`).waitFor({ timeout: 120_000 })
  await modal.getByRole('table', { name: 'Preview rows' }).locator('tbody tr').first().waitFor()
  const elapsedMs = Date.now() - started
  // Trailing work (the rows' render, effects) belongs to showing the preview.
  await page.waitForTimeout(500)
  const trace = await browser.stopTracing()
  if (process.env.BENCH_UI_DEBUG) explainLongTasks(trace, lines)
  const tasks = rendererTasks(trace)
  const firstTs = tasks.length ? Math.min(...tasks.map(([ts]) => ts)) : 0
  const sorted = [...tasks].sort((a, b) => b[1] - a[1])
  const rep: Rep = {
    lines,
    longestMs: (sorted[0]?.[1] ?? 0) / 1000,
    top: sorted.slice(0, 4).map(([ts, dur]) => ({
      atMs: Math.round((ts - firstTs) / 1000),
      ms: Math.round(dur / 100) / 10,
    })),
    elapsedMs,
  }
  await page.keyboard.press('Escape')
  return rep
}

async function openBrowser(url: string): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  })
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } })
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(url).origin,
  })
  context.setDefaultTimeout(30_000)
  return { browser, page: await context.newPage() }
}

export async function runImportUiBench(): Promise<{ value: number; baseline: number }> {
  ensureRendererBuilt()
  const { dir, cleanup } = benchDir('import-ui')
  const keychainService = `ProxyDeck-bench-${randomUUID()}`
  let ctx: AppContext | null = null
  let bridge: RunningBridge | null = null
  let browser: Browser | null = null
  try {
    ctx = await createContext({ dataDir: dir, runtime: 'node', version: 'bench', keychainService })
    const token = randomBytes(24).toString('hex')
    bridge = await startBridge(ctx, { port: 0, token, rendererDir })
    const opened = await openBrowser(bridge.url)
    browser = opened.browser
    const texts = new Map([
      [SMALL, generateLines(SMALL, 11)],
      [LARGE, generateLines(LARGE, 7)],
    ])
    const reps: Rep[] = []
    // A warm-up of each size (first render of the dialog, JIT), then alternating sizes.
    for (const lines of [SMALL, LARGE]) {
      await measure(browser, opened.page, bridge.url, texts.get(lines) ?? '', lines)
    }
    for (let rep = 0; rep < REPS; rep++) {
      const order = rep % 2 === 0 ? [SMALL, LARGE] : [LARGE, SMALL]
      for (const lines of order) {
        reps.push(await measure(browser, opened.page, bridge.url, texts.get(lines) ?? '', lines))
      }
    }
    for (const rep of reps) {
      const top = rep.top.map((t) => `${t.ms} ms at +${t.atMs} ms`).join(', ')
      console.log(
        `ui ${rep.lines.toLocaleString('en')} lines: paste→preview ${rep.elapsedMs} ms; ` +
          `longest tasks ${top}`,
      )
    }
    const longest = (lines: number) =>
      median(reps.filter((r) => r.lines === lines).map((r) => r.longestMs))
    const value = longest(LARGE)
    const baseline = longest(SMALL)
    console.log(
      `longest renderer main-thread task, paste to preview shown (median of ${REPS}): ` +
        `${LARGE.toLocaleString('en')} lines ${value.toFixed(1)} ms, ` +
        `${SMALL.toLocaleString('en')} lines ${baseline.toFixed(1)} ms`,
    )
    reportFigure({
      name: 'import_ui_longest_task_ratio',
      value,
      baseline,
      goal: { op: '<=', ratio: 1.5 },
    })
    return { value, baseline }
  } finally {
    await browser?.close()
    await bridge?.close()
    ctx?.close()
    await deleteVaultKey(keychainService).catch(() => undefined)
    cleanup()
  }
}

if (require.main === module) {
  runImportUiBench().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
