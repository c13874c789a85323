import { IconCheck, IconClockQuestion, IconX } from '@tabler/icons-react'
import type { ProxyDto } from '../../../../shared/contracts/dto'
import type { LastCheckState } from '../../../../shared/domain'
import { Pill } from '../../components'
import { formatDateTime } from '../../lib/format'
import { checkResultColor, checkResultLabel } from '../checks/check-labels'

type LastCheck = Pick<ProxyDto, 'lastTestedAt' | 'lastErrorCode' | 'lastErrorMessage'>

export function lastCheckState(proxy: LastCheck): LastCheckState {
  if (proxy.lastErrorCode !== null) return 'failed'
  return proxy.lastTestedAt === null ? 'untested' : 'passed'
}

/**
 * How the proxy's last check ended, in words ("Timed out", "Wrong user name or password"):
 * an outlined badge with an icon, so it does not read as the status pill beside it. The error
 * message and the time are its hover text.
 */
export function LastCheckBadge({ proxy, size = 'sm' }: { proxy: LastCheck; size?: 'xs' | 'sm' }) {
  const state = lastCheckState(proxy)
  if (state === 'untested') {
    return (
      <Pill
        variant="outline"
        color="gray"
        size={size}
        textCase="none"
        icon={<IconClockQuestion size={12} />}
        data-last-check={state}
      >
        Not tested
      </Pill>
    )
  }
  const ok = state === 'passed'
  const label = checkResultLabel(ok, proxy.lastErrorCode)
  const summary = ok ? 'Last check passed' : `Last check failed: ${label}`
  const tip = [
    summary,
    proxy.lastErrorMessage,
    proxy.lastTestedAt !== null ? formatDateTime(proxy.lastTestedAt) : null,
  ]
    .filter(Boolean)
    .join('\n')
  return (
    <Pill
      variant="outline"
      color={checkResultColor(ok, proxy.lastErrorCode)}
      size={size}
      textCase="none"
      icon={ok ? <IconCheck size={12} /> : <IconX size={12} />}
      aria-label={summary}
      data-last-check={state}
      tip={tip}
    >
      {label}
    </Pill>
  )
}
