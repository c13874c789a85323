/**
 * The health tray and the monitor's notifications against the fake `electron`: the icon and words
 * follow the monitor's health, each round's one aggregated alert is one notification, and clicks
 * reach the entry point's actions.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import {
  Notification,
  fake,
  menuItem,
  resetFakeElectron,
} from '../../../test/support/fake-electron'
import { buildAlert } from '../checks/health'
import { alertRoute, createAlertNotifier, createDesktopAlertSink } from './notifications'
import { createHealthTray } from './tray'
import { transitionResult } from '../../../test/support/check-results'

vi.mock('electron', () => import('../../../test/support/fake-electron'))

function trayActions() {
  return { testAll: vi.fn(), open: vi.fn(), quit: vi.fn() }
}

function shownTray() {
  const tray = fake.trays[0]
  if (!tray) throw new Error('no tray')
  return { tray, icon: (tray.image as { path: string }).path }
}

function roundAlert(failed: number[], recovered: number[] = []) {
  const alert = buildAlert({
    runId: 'run-1',
    origin: 'monitor',
    at: 0,
    failed: failed.map((id) => transitionResult(id, 'failed')),
    recovered: recovered.map((id) => transitionResult(id, 'recovered')),
    failover: { enabled: false, moved: [], stranded: [] },
    leftFailing: { moved: [], stranded: [] },
    accountsLeft: 0,
  })
  if (!alert) throw new Error('no alert')
  return alert
}

beforeEach(() => resetFakeElectron())

describe('health tray', () => {
  it('starts ok, then shows ok / warning / error from the monitor health', () => {
    const tray = createHealthTray(trayActions())
    expect(shownTray().icon).toMatch(/tray-ok\.png$/)
    tray.show({ failing: 0, total: 12, level: 'ok' })
    expect(shownTray().icon).toMatch(/tray-ok\.png$/)
    expect(shownTray().tray.toolTip).toBe('ProxyDeck: All 12 proxies healthy')
    tray.show({ failing: 2, total: 12, level: 'warning' })
    expect(shownTray().icon).toMatch(/tray-warning\.png$/)
    expect(shownTray().tray.toolTip).toBe('ProxyDeck: 2 of 12 proxies failing')
    tray.show({ failing: 9, total: 12, level: 'error' })
    expect(shownTray().icon).toMatch(/tray-error\.png$/)
    expect(menuItem(shownTray().tray.contextMenu, '9 of 12 proxies failing').enabled).toBe(false)
  })

  it('menu items and clicks call the actions; destroyed, it ignores late news', () => {
    const actions = trayActions()
    const health = createHealthTray(actions)
    const { tray } = shownTray()
    menuItem(tray.contextMenu, 'Test all now').click?.()
    menuItem(tray.contextMenu, 'Open ProxyDeck').click?.()
    menuItem(tray.contextMenu, 'Quit').click?.()
    tray.emit('click')
    expect(actions.testAll).toHaveBeenCalledTimes(1)
    expect(actions.open).toHaveBeenCalledTimes(2)
    expect(actions.quit).toHaveBeenCalledTimes(1)
    health.destroy()
    expect(tray.destroyed).toBe(true)
    expect(() => health.show({ failing: 1, total: 1, level: 'error' })).not.toThrow()
    expect(shownTray().icon).toMatch(/tray-ok\.png$/)
  })
})

describe('monitor notifications', () => {
  it("one notification per round's alert, however many proxies moved", () => {
    const onClick = vi.fn()
    const tray = createHealthTray(trayActions())
    const sink = createDesktopAlertSink(tray, createAlertNotifier(onClick))
    sink.alert(roundAlert([1, 2, 3]))
    expect(fake.notifications).toHaveLength(1)
    const [notification] = fake.notifications
    expect(notification?.options).toMatchObject({ title: '3 proxies failing', urgency: 'critical' })
    expect(notification?.options.body).toContain('10.0.0.1:8080, 10.0.0.2:8080, 10.0.0.3:8080')
    expect(notification?.shown).toBe(true)
    notification?.emit('click')
    expect(onClick).toHaveBeenCalledWith(expect.objectContaining({ title: '3 proxies failing' }))
    sink.status({ failing: 3, total: 4, level: 'error' })
    expect(shownTray().icon).toMatch(/tray-error\.png$/)
  })

  it('a recovery is a normal notification opening the proxies view', () => {
    const notifier = createAlertNotifier(vi.fn())
    const alert = roundAlert([], [4, 5])
    notifier.notify(alert)
    expect(fake.notifications[0]?.options).toMatchObject({
      title: '2 proxies recovered',
      urgency: 'normal',
    })
    expect(alertRoute(alert)).toBe('/proxies')
    expect(alertRoute(roundAlert([1]))).toBe('/proxies?status=error')
  })

  it('shows nothing where the system has no notifications', () => {
    Notification.supported = false
    createAlertNotifier(vi.fn()).notify(roundAlert([1]))
    expect(fake.notifications).toHaveLength(0)
  })
})
