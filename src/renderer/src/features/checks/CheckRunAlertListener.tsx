import { useEffect } from 'react'
import type { CheckProgress } from '../../../../shared/contracts/checks'
import { useApi } from '../../api'
import type { Notice } from '../../shell/notice'
import { useNotify } from '../../shell/notices'
import { formatCount } from '../../lib/format'

/**
 * Each finished test run the operator started goes to the header's alert list (monitor rounds
 * report through `monitor:alert` instead). It pops up only away from the Proxies view, whose
 * progress panel already shows the result. Mount once, in the shell.
 */
export function CheckRunAlertListener() {
  const client = useApi()
  const notify = useNotify()
  useEffect(
    () =>
      client.on('checks:progress', (run) => {
        if (!run.finished || run.origin !== 'operator') return
        const onProxies = /^#\/?proxies(\?|$)/.test(window.location.hash)
        notify({ ...checkRunNotice(run), quiet: onProxies })
      }),
    [client, notify],
  )
  return null
}

export function checkRunNotice(run: Omit<CheckProgress, 'results'>): Notice {
  const parts = [`${formatCount(run.ok)} ok`, `${formatCount(run.failed)} failed`]
  if (run.judgeFailed) parts.push(`${formatCount(run.judgeFailed)} judge failures`)
  if (run.skipped) parts.push(`${formatCount(run.skipped)} skipped`)
  const tested = `${formatCount(run.done)} of ${formatCount(run.total)} tested`
  return {
    level: run.failed > 0 ? 'warning' : 'success',
    title: run.cancelled ? 'Test cancelled' : 'Test finished',
    message: `${tested}: ${parts.join(', ')}.`,
    source: 'check',
    link:
      run.failed > 0
        ? { href: '#/proxies?lastCheck=failed', label: 'Show proxies that failed' }
        : { href: '#/proxies', label: 'Show proxies' },
  }
}
