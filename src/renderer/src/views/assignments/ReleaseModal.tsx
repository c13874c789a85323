import { List, Stack, Text } from '@mantine/core'
import { useEffect } from 'react'
import type { AssignmentDto } from '../../../../shared/contracts/dto'
import { ConfirmModal, PlainErrorAlert, useMutation } from '../../components'
import { useNotify } from '../../shell/notices'

interface ReleaseModalProps {
  /** The assignments to end; null keeps the dialog closed. */
  accounts: AssignmentDto[] | null
  onClose: () => void
  onDone: () => void
}

/** Takes accounts off their proxies; they stay active and wait for the next assignment. */
export function ReleaseModal({ accounts, onClose, onDone }: ReleaseModalProps) {
  const release = useMutation('assignments:release')
  const notify = useNotify()
  const { reset } = release
  useEffect(() => reset(), [accounts, reset])
  const list = accounts ?? []
  const single = list.length === 1 ? list[0] : undefined

  async function confirm() {
    const done = await release.run({ accountIds: list.map((a) => a.accountId) })
    if (!done) return
    notify({
      level: 'success',
      title: done.released === 1 ? 'Proxy released' : 'Proxies released',
      message: single
        ? `${single.accountUsername} left ${single.proxyLabel} and waits for a proxy.`
        : `${done.released} accounts left their proxies and wait for new ones.`,
    })
    onDone()
    onClose()
  }

  return (
    <ConfirmModal
      opened={accounts !== null}
      title={
        single ? `Release ${single.accountUsername}'s proxy?` : `Release ${list.length} accounts?`
      }
      confirmLabel="Release"
      confirmColor="orange"
      loading={release.loading}
      onConfirm={() => void confirm()}
      onClose={onClose}
    >
      <Stack gap="sm">
        {single ? (
          <Text size="sm">
            {single.accountUsername} leaves <b>{single.proxyLabel}</b>; the slot becomes free. The
            account stays active and waits for a proxy (Auto-assign gives it one).
          </Text>
        ) : (
          <>
            <Text size="sm">These accounts leave their proxies and wait for new ones:</Text>
            <List size="sm" spacing={2}>
              {list.slice(0, 8).map((a) => (
                <List.Item key={a.accountId}>
                  {a.accountUsername} on {a.proxyLabel}
                </List.Item>
              ))}
              {list.length > 8 && <List.Item>and {list.length - 8} more</List.Item>}
            </List>
          </>
        )}
        <Text size="sm" c="dimmed">
          Each release is written to the History.
        </Text>
        <PlainErrorAlert error={release.error} />
      </Stack>
    </ConfirmModal>
  )
}
