import { Button } from '@mantine/core'
import { IconRefresh } from '@tabler/icons-react'
import { useState } from 'react'
import type { ProxyDto } from '../../../../shared/contracts/dto'
import { toAppError, useApi } from '../../api'
import { useNotify } from '../../shell/notices'

/** Calls the proxy's rotation URL; renders nothing for a proxy without one. */
export function RotateIpButton({ proxy, onRotated }: { proxy: ProxyDto; onRotated?: () => void }) {
  const client = useApi()
  const notify = useNotify()
  const [busy, setBusy] = useState(false)
  if (!proxy.rotationUrl) return null

  async function rotate() {
    setBusy(true)
    try {
      const result = await client.call('proxies:rotate', { id: proxy.id })
      if (result.ok) {
        notify({
          level: 'success',
          title: 'IP rotated',
          message:
            result.accounts > 0
              ? `The provider accepted the rotation; ${result.accounts} account(s) on this proxy were noted in the history.`
              : 'The provider accepted the rotation.',
        })
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
    <Button
      size="xs"
      variant="light"
      leftSection={<IconRefresh size={14} />}
      loading={busy}
      onClick={() => void rotate()}
    >
      Rotate IP
    </Button>
  )
}
