// Where the main thread goes during one interaction (`BENCH_UI_PROFILE=1 npm run bench -- ui`):
// a Chromium trace (devtools.timeline) summed by event kind, and a V8 CPU profile (CDP Profiler)
// summed by function self time. Printed, never a figure: it is for reading, not for goals.
import type { Browser, Page } from 'playwright-core'

interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
  ts: number
  dur?: number
  args?: { name?: string }
}

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}

interface CpuProfile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

/** Trace event kinds worth naming: script, style, layout, paint, GC. */
const KINDS = [
  'RunTask',
  'FunctionCall',
  'EventDispatch',
  'TimerFire',
  'RunMicrotasks',
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'MinorGC',
  'MajorGC',
  'V8.GC_SCAVENGER',
  'ParseHTML',
]

function traceBreakdown(trace: Buffer): string {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents
  const main = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  )
  const sums = new Map<string, { ms: number; count: number; longest: number }>()
  for (const e of events) {
    if (e.ph !== 'X' || !main.has(`${e.pid}:${e.tid}`) || !KINDS.includes(e.name)) continue
    const sum = sums.get(e.name) ?? { ms: 0, count: 0, longest: 0 }
    sum.ms += (e.dur ?? 0) / 1000
    sum.count += 1
    sum.longest = Math.max(sum.longest, (e.dur ?? 0) / 1000)
    sums.set(e.name, sum)
  }
  return KINDS.filter((k) => sums.has(k))
    .map((k) => {
      const s = sums.get(k) as { ms: number; count: number; longest: number }
      return `${k} ${s.ms.toFixed(1)} ms/${s.count} (longest ${s.longest.toFixed(1)})`
    })
    .join('; ')
}

function topFunctions(profile: CpuProfile, count: number): string[] {
  const self = new Map<number, number>()
  profile.samples.forEach((node, i) => {
    self.set(node, (self.get(node) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000)
  })
  const byName = new Map<string, number>()
  for (const node of profile.nodes) {
    const ms = self.get(node.id) ?? 0
    if (!ms) continue
    const { functionName, url, lineNumber } = node.callFrame
    const file = url.split('/').pop() || '(native)'
    const key = `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`
    byName.set(key, (byName.get(key) ?? 0) + ms)
  }
  return [...byName.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, ms]) => `${ms.toFixed(1)} ms ${key}`)
}

/** Runs `act` under a trace and a CPU profile, waits `settleMs` for its rows, prints both. */
export async function profileInteraction(
  browser: Browser,
  page: Page,
  label: string,
  act: () => Promise<void>,
  settleMs = 2_000,
): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  await browser.startTracing(page, {
    categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8'],
  })
  await cdp.send('Profiler.start')
  await act()
  await page.waitForTimeout(settleMs)
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile }
  const trace = await browser.stopTracing()
  await cdp.detach()
  console.log(`  profile of one sort, ${label} (${settleMs} ms window):`)
  console.log(`    trace: ${traceBreakdown(trace)}`)
  console.log(`    top self time:\n      ${topFunctions(profile, 15).join('\n      ')}`)
}
