import { useEffect } from 'react'
import { useApi } from '../../api'
import { useNotify } from '../../shell/notices'

/** One notification per `monitor:alert` (proxies failing or recovering). Mount once, in the shell. */
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
        }),
      ),
    [client, notify],
  )
  return null
}
