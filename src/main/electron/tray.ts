/**
 * The tray icon: ok / warning / error from the fleet's health, and a menu with the failing count,
 * "Test all now", "Open ProxyDeck" and "Quit". It only displays what the check service reports
 * (through the AlertSink built in notifications.ts) and calls back into the entry point.
 */
import { Menu, Tray, nativeImage, type NativeImage } from 'electron'
import type { HealthLevel, HealthStatus } from '../../shared/contracts/checks'
import { describeHealth } from '../checks/health'
import { iconPath } from './resources'

export interface TrayActions {
  /** Runs a health round now over every monitored proxy. */
  testAll(): void
  open(): void
  quit(): void
}

export interface HealthTray {
  show(status: HealthStatus): void
  destroy(): void
}

const levels: readonly HealthLevel[] = ['ok', 'warning', 'error']

export function createHealthTray(actions: TrayActions): HealthTray {
  // Loading by path lets Electron pick the @2x file on high-density screens.
  const icons = Object.fromEntries(
    levels.map((level) => [level, nativeImage.createFromPath(iconPath(`tray-${level}.png`))]),
  ) as Record<HealthLevel, NativeImage>
  const tray = new Tray(icons.ok)
  // Windows and macOS send clicks; most Linux trays only open the menu.
  tray.on('click', () => actions.open())

  const show = (status: HealthStatus): void => {
    if (tray.isDestroyed()) return
    const summary = describeHealth(status)
    tray.setImage(icons[status.level])
    tray.setToolTip(`ProxyDeck: ${summary}`)
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: summary, enabled: false },
        { type: 'separator' },
        { label: 'Test all now', click: () => actions.testAll() },
        { label: 'Open ProxyDeck', click: () => actions.open() },
        { type: 'separator' },
        { label: 'Quit', click: () => actions.quit() },
      ]),
    )
  }
  show({ failing: 0, total: 0, level: 'ok' })

  return {
    show,
    destroy: () => {
      if (!tray.isDestroyed()) tray.destroy()
    },
  }
}
