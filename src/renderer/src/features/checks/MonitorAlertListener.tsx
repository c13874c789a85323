import { useEffect } from 'react'
import type { MonitorAlert } from '../../../../shared/contracts/checks'
import { useApi } from '../../api'
import type { NoticeLink } from '../../shell/notice'
import { useNotify } from '../../shell/notices'

/**
 * One notice per `monitor:alert` (proxies failing or recovering), kept in the header's alert list
 * with a link to the proxies it is about. Mount once, in the shell.
 */
export function MonitorAlertListener() {
  const client = useApi()
  const notify = useNotify()
  useEffect(
    () =>
      client.on('monitor:alert', (alert) =>
        notify({
          level: alert.level === 'error' ? 'error' : 'info',
          title: alert.title,
          message: alert.message,
          source: 'monitor',
          link: monitorAlertLink(alert),
        }),
      ),
    [client, notify],
  )
  return null
}

/** The filtered Proxies view that shows what the alert is about. */
export function monitorAlertLink(alert: MonitorAlert): NoticeLink {
  if (alert.failing.length > 0) {
    return { href: '#/proxies?status=error', label: 'Show failing proxies' }
  }
  if (alert.collisions.length > 0) {
    return { href: '#/proxies?collision=1', label: 'Show exit collisions' }
  }
  return { href: '#/proxies?status=active', label: 'Show active proxies' }
}
