import { describe, expect, it } from 'vitest'
import { ALERT_LOG_LIMIT, createAlertLog } from './alert-log'
import { autoCloseMs, keptInAlertList } from './notice'

function memoryStorage() {
  const items = new Map<string, string>()
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  }
}

describe('alert log', () => {
  it('lists newest first, counts unread and marks all read', () => {
    const log = createAlertLog(null)
    log.add({ level: 'error', title: '2 proxies failing', message: 'a', source: 'monitor' }, 1)
    log.add({ level: 'success', title: 'Export ready', message: 'b', source: 'export' }, 2)
    expect(log.entries().map((entry) => entry.title)).toEqual(['Export ready', '2 proxies failing'])
    expect(log.entries().filter((entry) => !entry.read)).toHaveLength(2)
    log.markAllRead()
    expect(log.entries().every((entry) => entry.read)).toBe(true)
  })

  it('keeps the link and names a source-less error "app"', () => {
    const log = createAlertLog(null)
    const link = { href: '#/proxies?status=error', label: 'Show failing proxies' }
    log.add({ level: 'error', title: 'x', message: 'y', source: 'monitor', link })
    log.add({ level: 'error', title: 'Theme not saved', message: 'z' })
    expect(log.entries()[1]?.link).toEqual(link)
    expect(log.entries()[0]?.source).toBe('app')
  })

  it('holds at most its limit and tells subscribers of each change', () => {
    const log = createAlertLog(null)
    let changes = 0
    const unsubscribe = log.subscribe(() => changes++)
    for (let i = 0; i < ALERT_LOG_LIMIT + 5; i++) {
      log.add({ level: 'info', title: `n${i}`, message: '', source: 'check' })
    }
    expect(log.entries()).toHaveLength(ALERT_LOG_LIMIT)
    expect(log.entries()[0]?.title).toBe(`n${ALERT_LOG_LIMIT + 4}`)
    expect(changes).toBe(ALERT_LOG_LIMIT + 5)
    unsubscribe()
    log.clear()
    expect(log.entries()).toEqual([])
    expect(changes).toBe(ALERT_LOG_LIMIT + 5)
  })

  it('survives a reload through the session storage, ignoring what it cannot read', () => {
    const storage = memoryStorage()
    createAlertLog(storage).add({ level: 'warning', title: 'kept', message: 'm', source: 'import' })
    const again = createAlertLog(storage)
    expect(again.entries().map((entry) => entry.title)).toEqual(['kept'])
    expect(again.add({ level: 'info', title: 'next', message: '' }).id).toBe(2)
    storage.setItem('proxydeck.alerts', '{not json')
    expect(createAlertLog(storage).entries()).toEqual([])
    storage.setItem('proxydeck.alerts', JSON.stringify([{ id: 'x' }]))
    expect(createAlertLog(storage).entries()).toEqual([])
  })
})

describe('notice rules', () => {
  it('closes every level by itself, errors last longest', () => {
    const levels = ['info', 'success', 'warning', 'error'] as const
    for (const level of levels) expect(autoCloseMs(level)).toBeGreaterThan(0)
    expect(autoCloseMs('error')).toBeGreaterThan(autoCloseMs('success'))
  })

  it('keeps errors, warnings and anything with a source in the alert list', () => {
    expect(keptInAlertList({ level: 'error', title: '', message: '' })).toBe(true)
    expect(keptInAlertList({ level: 'warning', title: '', message: '' })).toBe(true)
    expect(keptInAlertList({ level: 'success', title: '', message: '', source: 'export' })).toBe(
      true,
    )
    expect(keptInAlertList({ level: 'success', title: 'Settings saved', message: '' })).toBe(false)
  })
})
