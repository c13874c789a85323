/**
 * OS notifications for the health monitor's aggregated alerts, and the AlertSink the check
 * service talks to in the desktop app (tray + notifications). Clicking a notification asks the
 * entry point to show the proxies that need attention.
 */
import { Notification } from 'electron'
import type { MonitorAlert } from '../../shared/contracts/checks'
import type { AlertSink } from '../checks/alert-sink'
import type { HealthTray } from './tray'
import { iconPath } from './resources'

export interface AlertNotifier {
  notify(alert: MonitorAlert): void
}

/** The renderer route an alert's notification opens. */
export function alertRoute(alert: MonitorAlert): string {
  return alert.failing.length ? '/proxies?status=error' : '/proxies'
}

export function createAlertNotifier(onClick: (alert: MonitorAlert) => void): AlertNotifier {
  // Held until closed or clicked: a collected Notification loses its click handler.
  const live = new Set<Notification>()
  return {
    notify(alert) {
      if (!Notification.isSupported()) return
      const notification = new Notification({
        title: alert.title,
        body: alert.message,
        icon: iconPath('icon.png'),
        urgency: alert.level === 'error' ? 'critical' : 'normal',
      })
      live.add(notification)
      notification.on('click', () => {
        live.delete(notification)
        onClick(alert)
      })
      notification.on('close', () => live.delete(notification))
      notification.show()
    },
  }
}

export function createDesktopAlertSink(tray: HealthTray, notifier: AlertNotifier): AlertSink {
  return {
    alert: (alert) => notifier.notify(alert),
    status: (status) => tray.show(status),
  }
}
