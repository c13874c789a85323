import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AnalyticsSummary, AnalyticsTrends } from '../src/shared/contracts/analytics'
import type { InputOf } from '../src/shared/contracts'
import { localDays } from '../src/main/services/local-days'
import { formatCents, formatCount, formatPercent } from '../src/renderer/src/lib/format'
import { capture } from './support/capture'
import { colorSchemeApplied, openApp, type OpenedApp } from './support/open-app'

let app: OpenedApp
let summary: AnalyticsSummary
let trends: AnalyticsTrends
const DAY = 86_400_000
const HOUR = 3_600_000
/** The zone the page runs in (the same machine): the days main cuts for it. */
const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone

const page = () => app.page
const card = (label: string) => page().getByRole('group', { name: label })
/** Lets Mantine's transitions finish (looping ones, like a loader, never do) before a screenshot. */
const settle = () =>
  app.page.evaluate(
    `Promise.all(document.getAnimations()
      .filter((a) => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
      .map((a) => a.finished.catch(() => null)))`,
  )

/**
 * Two providers at different prices, one proxy with its own price, one expiring in two days, one
 * already expired, one in error, and accounts of two models on some of them.
 */
async function seed(): Promise<void> {
  const now = Date.now()
  const acme = await app.call('providers:create', { name: 'Acme', monthlyCostPerProxyCents: 450 })
  const globex = await app.call('providers:create', {
    name: 'Globex',
    monthlyCostPerProxyCents: 1299,
  })
  await app.call('providers:create', { name: 'Initech', monthlyCostPerProxyCents: 100 })
  const proxies: InputOf<'proxies:create'>[] = [
    { providerId: acme.id, protocol: 'http', host: '10.0.0.1', port: 8001 },
    {
      providerId: acme.id,
      protocol: 'http',
      host: '10.0.0.2',
      port: 8002,
      expiresAt: now + 2 * DAY,
    },
    {
      providerId: acme.id,
      protocol: 'http',
      host: '10.0.0.3',
      port: 8003,
      monthlyCostOverrideCents: 725,
    },
    { providerId: acme.id, protocol: 'http', host: '10.0.0.4', port: 8004, expiresAt: now - DAY },
    { providerId: globex.id, protocol: 'socks5', host: '10.0.1.1', port: 1080, maxAccounts: 5 },
    { providerId: globex.id, protocol: 'socks5', host: '10.0.1.2', port: 1080, status: 'error' },
  ]
  for (const input of proxies) await app.call('proxies:create', input)
  const alice = await app.call('models:create', { name: 'Alice' })
  const bella = await app.call('models:create', { name: 'Bella' })
  await app.call('models:create', { name: 'Dora' })
  for (let n = 1; n <= 5; n++) {
    await app.call('accounts:create', {
      modelId: alice.id,
      platform: 'instagram',
      username: `alice_${n}`,
    })
  }
  for (let n = 1; n <= 9; n++) {
    await app.call('accounts:create', {
      modelId: bella.id,
      platform: 'tiktok',
      username: `bella_${n}`,
    })
  }
  await app.call('assignments:auto', {})
}

/**
 * 30 days of check history written through the real database, one local day at a time (the
 * page's days): on day i (0 = 29 days ago), i % 4 of the proxies fail, with a judge failure that
 * must not count; the rest succeed at 100 + 10·i ms and 300 + 10·i ms. Days 5 and 6 have no
 * successful check (a gap in the latency line) and day 12 no check at all.
 */
async function seedCheckHistory(): Promise<void> {
  // The days main will cut (asking main itself would cache them empty: finished days are kept).
  const days = localDays(Date.now(), timeZone, -29, 30)
  const insert = app.test.ctx.sqlite.prepare(
    'INSERT INTO proxy_checks (proxy_id, checked_at, ok, error_code, total_ms) VALUES (?, ?, ?, ?, ?)',
  )
  const now = Date.now()
  app.test.ctx.sqlite.transaction(() => {
    days.forEach((day, i) => {
      if (i === 12) return
      // Inside the day and not in the future (today's, halfway between midnight and now).
      const at = day.start + Math.min(2 * HOUR, Math.floor((now - day.start) / 2))
      for (let p = 1; p <= i % 4; p++) insert.run(p, at, 0, 'timeout', null)
      insert.run(6, at, 0, 'judge_failed', null)
      if (i === 5 || i === 6) return
      insert.run(5, at, 1, null, 100 + 10 * i)
      insert.run(6, at, 1, null, 300 + 10 * i)
    })
  })()
}

beforeAll(async () => {
  app = await openApp({ colorScheme: 'light' })
  await seed()
  await seedCheckHistory()
  summary = (await app.call('analytics:summary', {})) as AnalyticsSummary
  trends = await app.call('analytics:trends', { days: 30, timeZone })
  await page().reload()
  await page().getByRole('heading', { name: 'Capacity and costs' }).waitFor()
})

afterAll(async () => {
  await app?.close()
})

/** The text of each body row's cells, as the accessible table beside each chart gives them. */
async function rowsOf(table: ReturnType<OpenedApp['page']['getByRole']>): Promise<string[][]> {
  const rows = table.locator('tbody tr')
  const out: string[][] = []
  for (let i = 0; i < (await rows.count()); i++) {
    out.push(await rows.nth(i).locator('td').allTextContents())
  }
  return out
}

describe('Dashboard analytics', () => {
  it('seeded a pool with every kind of figure in it', () => {
    expect(summary.capacity.used).toBeGreaterThan(0)
    expect(summary.capacity.free).toBeGreaterThan(0)
    expect(summary.cost.idleCents).toBeGreaterThan(0)
    expect(summary.expiring.count).toBe(1)
    expect(summary.expiring.alreadyExpired).toBe(1)
    expect(summary.byModel.find((m) => m.name === 'Bella')?.unassignedAccounts).toBeGreaterThan(0)
  })

  it('shows the headline figures of analytics:summary', async () => {
    const { capacity, cost, expiring } = summary
    const slots = (await card('Slots used').textContent()) ?? ''
    expect(slots).toContain(`${formatCount(capacity.used)} / ${formatCount(capacity.capacity)}`)
    expect(slots).toContain(`${formatPercent(capacity.utilization)} of ${capacity.proxies} proxies`)
    expect(slots).toContain(`${capacity.assignableFree} free to assign now`)
    const monthly = (await card('Monthly cost').textContent()) ?? ''
    expect(monthly).toContain(formatCents(cost.monthlyTotalCents))
    expect(monthly).toContain(
      `${formatCents(cost.perAssignedAccountCents)} per assigned account (${cost.assignedAccounts})`,
    )
    const idle = (await card('Idle spend').textContent()) ?? ''
    expect(idle).toContain(formatCents(cost.idleCents))
    expect(idle).toContain(`${cost.idleProxies} proxies hold no account`)
    const expiringCard = (await card('Expiring soon').textContent()) ?? ''
    expect(expiringCard).toMatch(new RegExp(`^Expiring soon${expiring.count}`))
    expect(expiringCard).toContain(`${expiring.alreadyExpired} already expired`)
  })

  it('breaks capacity and cost down per provider', async () => {
    const table = page().getByRole('table', { name: 'By provider' })
    expect(await table.locator('tbody tr').count()).toBe(summary.byProvider.length)
    for (const provider of summary.byProvider) {
      const cells = await table
        .locator('tbody tr')
        .filter({ hasText: provider.name })
        .locator('td')
        .allTextContents()
      expect(cells).toEqual([
        provider.name,
        formatCount(provider.proxies),
        `${provider.used} / ${provider.capacity}`,
        formatPercent(provider.utilization),
        formatCents(provider.monthlyCostCents),
        formatCents(provider.idleCostCents),
      ])
    }
  })

  it('breaks capacity and cost down per model, with the accounts still waiting', async () => {
    const table = page().getByRole('table', { name: 'By model' })
    for (const model of summary.byModel) {
      const cells = await table
        .locator('tbody tr')
        .filter({ hasText: model.name })
        .locator('td')
        .allTextContents()
      expect(cells).toEqual([
        model.name,
        formatCount(model.proxies),
        `${model.assignedAccounts} / ${model.capacity}`,
        formatPercent(model.utilization),
        String(model.unassignedAccounts),
        formatCents(model.monthlyCostCents),
        formatCents(model.costPerAccountCents),
      ])
    }
  })

  it('counts proxies by health', async () => {
    const health = page().getByRole('list', { name: 'Health' })
    for (const [status, count] of Object.entries(summary.health.byStatus)) {
      const label = status[0]?.toUpperCase() + status.slice(1)
      await health.getByRole('listitem', { name: `${label}: ${count}` }).waitFor()
    }
    await health
      .getByRole('listitem', { name: `Failing checks: ${summary.health.failing}` })
      .waitFor()
    await health
      .getByRole('listitem', { name: `Never tested: ${summary.health.neverTested}` })
      .waitFor()
  })

  it('lists the proxies expiring within 7 days with links to them', async () => {
    const table = page().getByRole('table', { name: 'Expiring within 7 days' })
    const [item] = summary.expiring.items
    expect(item).toBeDefined()
    const link = table.getByRole('link', { name: `Proxy ${item?.label}` })
    expect(await link.getAttribute('href')).toBe(`#/proxies?id=${item?.id}`)
    expect(await table.locator('tbody tr').textContent()).toMatch(/Acmein 2 days/)
  })

  it('follows changes after a refresh', async () => {
    await app.call('assignments:release', { accountIds: [1, 2] })
    const fresh = (await app.call('analytics:summary', {})) as AnalyticsSummary
    await page().getByRole('button', { name: 'Refresh dashboard' }).click()
    await expect
      .poll(() => card('Slots used').textContent())
      .toContain(`${fresh.capacity.used} / ${fresh.capacity.capacity}`)
    expect(fresh.capacity.used).toBe(summary.capacity.used - 2)
  })

  it('leaves the database internals to Settings → Storage (e2e/settings-storage.test.ts)', async () => {
    await page().getByRole('heading', { name: 'Failing proxies per day' }).waitFor()
    expect(await page().getByLabel('Data directory').count()).toBe(0)
    expect(await page().getByRole('table', { name: 'Rows per table' }).count()).toBe(0)
    expect(await card('Keychain').count()).toBe(0)
  })

  it('charts 30 days of failing proxies, a bar for each day that had one', async () => {
    const days = trends.checks
    expect(days).toHaveLength(30)
    // The seeded pattern came back from main: i % 4 failing, judge failures left out.
    expect(days.map((d) => d.failingProxies)).toEqual(days.map((_, i) => (i === 12 ? 0 : i % 4)))
    const table = page().getByRole('table', { name: 'Failing proxies per day' })
    expect(await rowsOf(table)).toEqual(
      days.map((d) => [d.date, String(d.failingProxies), String(d.checks)]),
    )
    const bars = page().getByTestId('failing-per-day-chart').locator('.recharts-bar-rectangle path')
    expect(await bars.count()).toBe(days.filter((d) => d.failingProxies > 0).length)
  })

  it('charts the median latency per day, with gaps where no check succeeded', async () => {
    const days = trends.checks
    const expected = days.map((_, i) => (i === 12 || i === 5 || i === 6 ? null : 200 + 10 * i))
    expect(days.map((d) => d.medianLatencyMs)).toEqual(expected)
    const table = page().getByRole('table', { name: 'Median latency per day' })
    expect(await rowsOf(table)).toEqual(days.map((d, i) => [d.date, String(expected[i] ?? '–')]))
    const dots = page().getByTestId('latency-per-day-chart').locator('.recharts-line-dots circle')
    expect(await dots.count()).toBe(expected.filter((v) => v !== null).length)
  })

  it('charts expiries ahead, spend per provider and utilization per model', async () => {
    expect(trends.expiring.map((d) => d.count).reduce((a, b) => a + b, 0)).toBe(1)
    const expiring = page().getByRole('table', { name: 'Expiring per day' })
    expect(await rowsOf(expiring)).toEqual(trends.expiring.map((d) => [d.date, String(d.count)]))
    const expiryBars = page()
      .getByTestId('expiring-per-day-chart')
      .locator('.recharts-bar-rectangle path')
    expect(await expiryBars.count()).toBe(1)

    // Fresh figures: an earlier case released two accounts.
    const now = (await app.call('analytics:summary', {})) as AnalyticsSummary
    const spend = now.byProvider.filter((p) => p.monthlyCostCents > 0)
    expect(await rowsOf(page().getByRole('table', { name: 'Monthly spend per provider' }))).toEqual(
      spend.map((p) => [
        p.name,
        formatCents(p.monthlyCostCents - p.idleCostCents),
        formatCents(p.idleCostCents),
      ]),
    )
    const models = now.byModel.filter((m) => m.capacity > 0)
    expect(await rowsOf(page().getByRole('table', { name: 'Utilization per model' }))).toEqual(
      models.map((m) => [m.name, formatPercent(Math.round(m.utilization * 1000) / 1000)]),
    )
    const modelBars = page()
      .getByTestId('utilization-per-model-chart')
      .locator('.recharts-bar-rectangle path')
    expect(await modelBars.count()).toBe(models.filter((m) => m.utilization > 0).length)
  })

  it('captures the dashboard in light and dark schemes', async () => {
    await settle()
    await capture(page(), '/tmp/dashboard.png', card('Slots used'), { fullPage: true })
    await page().getByRole('button', { name: 'Switch to dark theme' }).click()
    await colorSchemeApplied(page(), 'dark')
    await settle()
    await capture(page(), '/tmp/dashboard-dark.png', card('Slots used'), { fullPage: true })
    await page().setViewportSize({ width: 1280, height: 720 })
    const trends = page().getByRole('heading', { name: 'Trends' })
    await capture(page(), '/tmp/dashboard-trends-1280x720-dark.png', trends)
    await page().getByRole('button', { name: 'Switch to light theme' }).click()
    await colorSchemeApplied(page(), 'light')
    await settle()
    await capture(
      page(),
      '/tmp/dashboard-trends-1280x720.png',
      page().getByRole('heading', { name: 'Trends' }),
    )
    await page().setViewportSize({ width: 1280, height: 860 })
  })

  it('shows an empty pool as a next step, not as zeros alone', async () => {
    const empty = await openApp({ colorScheme: 'light' })
    try {
      await empty.page.getByText('No proxies yet').waitFor()
      await empty.page.getByRole('link', { name: 'provider', exact: true }).first().waitFor()
      // A new install: the trend charts say so instead of drawing an empty axis.
      for (const id of ['failing-per-day', 'latency-per-day']) {
        const region = empty.page.getByRole('region', {
          name: id === 'failing-per-day' ? 'Failing proxies per day' : 'Median latency per day',
        })
        expect(await region.getByText('No checks yet').isVisible()).toBe(true)
        expect(await region.locator('svg.recharts-surface').count()).toBe(0)
      }
      await empty.page.screenshot({ path: '/tmp/dashboard-empty.png', fullPage: true })
      expect(empty.problems).toEqual([])
    } finally {
      await empty.close()
    }
  })

  it('logged no console errors, page errors or CSP violations', () => {
    expect(app.problems).toEqual([])
  })
})
