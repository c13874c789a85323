import { Badge, Stack, Text, Tooltip } from '@mantine/core'
import { IconCheck, IconClockQuestion, IconX } from '@tabler/icons-react'
import type { ProxyDto } from '../../../../shared/contracts/dto'
import type { LastCheckState } from '../../../../shared/domain'
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
 * message and the time are in the tooltip.
 */
export function LastCheckBadge({ proxy, size = 'sm' }: { proxy: LastCheck; size?: 'xs' | 'sm' }) {
  const state = lastCheckState(proxy)
  if (state === 'untested') {
    return (
      <Badge
        variant="outline"
        color="gray"
        size={size}
        radius="sm"
        tt="none"
        leftSection={<IconClockQuestion size={12} />}
        data-last-check={state}
      >
        Not tested
      </Badge>
    )
  }
  const ok = state === 'passed'
  const label = checkResultLabel(ok, proxy.lastErrorCode)
  return (
    <Tooltip
      multiline
      w={280}
      label={
        <Stack gap={2}>
          <Text size="xs" fw={600}>
            {ok ? 'Last check passed' : `Last check failed: ${label}`}
          </Text>
          {proxy.lastErrorMessage && <Text size="xs">{proxy.lastErrorMessage}</Text>}
          {proxy.lastTestedAt !== null && (
            <Text size="xs" c="dimmed">
              {formatDateTime(proxy.lastTestedAt)}
            </Text>
          )}
        </Stack>
      }
    >
      <Badge
        variant="outline"
        color={checkResultColor(ok, proxy.lastErrorCode)}
        size={size}
        radius="sm"
        tt="none"
        leftSection={ok ? <IconCheck size={12} /> : <IconX size={12} />}
        aria-label={ok ? 'Last check passed' : `Last check failed: ${label}`}
        data-last-check={state}
      >
        {label}
      </Badge>
    </Tooltip>
  )
}
