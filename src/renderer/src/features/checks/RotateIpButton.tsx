import { Button, Group, Text } from '@mantine/core'
import { IconRefresh } from '@tabler/icons-react'
import { useState } from 'react'
import type { RotateResult } from '../../../../shared/contracts/checks'
import type { ProxyDto } from '../../../../shared/contracts/dto'
import { toAppError, useApi } from '../../api'
import { useNotify } from '../../shell/notices'
import { rotationOutcome } from './rotation-text'

/**
 * Calls the proxy's rotation URL; main checks the proxy again right after, so the answer has
 * the old and the new exit IP (shown beside the button and in the notice). Renders nothing for a
 * proxy without a rotation URL.
 */
export function RotateIpButton({ proxy, onRotated }: { proxy: ProxyDto; onRotated?: () => void }) {
  const client = useApi()
  const notify = useNotify()
  const [busy, setBusy] = useState(false)
  const [last, setLast] = useState<RotateResult | null>(null)
  if (!proxy.rotationUrl) return null

  async function rotate() {
    setBusy(true)
    try {
      const result = await client.call('proxies:rotate', { id: proxy.id })
      if (result.ok) {
        const accounts =
          result.accounts > 0
            ? ` ${result.accounts} account(s) on this proxy were noted in the history.`
            : ''
        notify({
          level: result.recheck && !result.recheck.ok ? 'warning' : 'success',
          title: 'IP rotated',
          message: `${rotationOutcome(result)}${accounts}`,
        })
        setLast(result)
        onRotated?.()
      } else {
        notify({
          level: 'error',
          title: 'Rotation failed',
          message: result.message ?? `The rotation URL answered HTTP ${result.status ?? '—'}.`,
        })
      }
    } catch (cause) {
      notify({ level: 'error', title: 'Rotation failed', message: toAppError(cause).message })
    } finally {
      setBusy(false)
    }
  }

  return (
    <Group gap={6} wrap="nowrap">
      <Button
        size="xs"
        variant="light"
        leftSection={<IconRefresh size={14} />}
        loading={busy}
        onClick={() => void rotate()}
      >
        Rotate IP
      </Button>
      {last?.recheck?.ok && (
        <Text size="sm" aria-label="Exit IP change">
          <Text span c="dimmed" size="sm">
            Exit IP{' '}
          </Text>
          <Text span ff="monospace" size="sm">
            {last.previousExitIp ?? '—'} → {last.recheck.exitIp ?? '—'}
          </Text>
        </Text>
      )}
    </Group>
  )
}
