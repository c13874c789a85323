import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AnalyticsSummary } from '../src/shared/contracts/analytics'
import type { InputOf } from '../src/shared/contracts'
import { formatCents, formatCount, formatPercent } from '../src/renderer/src/lib/format'
import { capture } from './support/capture'
import { colorSchemeApplied, openApp, type OpenedApp } from './support/open-app'

let app: OpenedApp
let summary: AnalyticsSummary
const DAY = 86_400_000

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

beforeAll(async () => {
  app = await openApp({ colorScheme: 'light' })
  await seed()
  summary = (await app.call('analytics:summary', {})) as AnalyticsSummary
  await page().reload()
  await page().getByRole('heading', { name: 'Capacity and costs' }).waitFor()
})

afterAll(async () => {
  await app?.close()
})

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

  it('keeps the application status cards', async () => {
    expect(await card('Keychain').textContent()).toContain('Available')
    await page().getByLabel('Data directory').waitFor()
  })

  it('captures the dashboard in light and dark schemes', async () => {
    await settle()
    await capture(page(), '/tmp/dashboard.png', card('Slots used'), { fullPage: true })
    await page().getByRole('button', { name: 'Switch to dark theme' }).click()
    await colorSchemeApplied(page(), 'dark')
    await settle()
    await capture(page(), '/tmp/dashboard-dark.png', card('Slots used'), { fullPage: true })
    await page().getByRole('button', { name: 'Switch to light theme' }).click()
  })

  it('shows an empty pool as a next step, not as zeros alone', async () => {
    const empty = await openApp({ colorScheme: 'light' })
    try {
      await empty.page.getByText('No proxies yet').waitFor()
      await empty.page.getByRole('link', { name: 'provider', exact: true }).first().waitFor()
      expect(empty.problems).toEqual([])
    } finally {
      await empty.close()
    }
  })

  it('logged no console errors, page errors or CSP violations', () => {
    expect(app.problems).toEqual([])
  })
})
