import { List, Stack, Text } from '@mantine/core'
import { ConfirmModal, ErrorAlert, useMutation } from '../../components'
import { formatCount } from '../../lib/format'
import { useNotify } from '../../shell/notices'
import type { ProxySelection } from './use-proxy-selection'

export interface ProxyDeleteTarget {
  ids: number[]
  /** `host:port` when one proxy is deleted. */
  label: string | null
  /** Active accounts on those proxies, as last listed; null: not known here ("all matching"). */
  accounts: number | null
  /** "All N matching": main deletes what the filter matches, `ids` is then empty. */
  selection?: { value: ProxySelection; count: number }
}

interface ProxyDeleteModalProps {
  target: ProxyDeleteTarget | null
  onClose: () => void
  onDeleted: (ids: number[]) => void
}

function plural(count: number, one: string, many: string): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`
}

/** Confirms deleting one or many proxies, saying how many accounts lose their proxy. */
export function ProxyDeleteModal({ target, onClose, onDeleted }: ProxyDeleteModalProps) {
  const remove = useMutation('proxies:remove')
  const notify = useNotify()
  const count = target ? (target.selection?.count ?? target.ids.length) : 0
  const what = target
    ? target.label && count === 1
      ? `proxy ${target.label}`
      : plural(count, 'proxy', 'proxies')
    : ''

  async function confirm() {
    if (!target) return
    const result = await remove.run(target.selection?.value ?? { ids: target.ids })
    if (!result) return
    notify({
      level: 'success',
      title:
        result.removed === 1 ? 'Proxy deleted' : `${formatCount(result.removed)} proxies deleted`,
      message: result.releasedAccounts
        ? `${plural(result.releasedAccounts, 'account was', 'accounts were')} released.`
        : 'No accounts were on them.',
    })
    onDeleted(target.ids)
  }

  return (
    <ConfirmModal
      opened={target !== null}
      title={`Delete ${what}?`}
      confirmLabel={count > 1 ? `Delete ${plural(count, 'proxy', 'proxies')}` : 'Delete proxy'}
      loading={remove.loading}
      onConfirm={() => void confirm()}
      onClose={() => {
        remove.reset()
        onClose()
      }}
    >
      <Stack gap="sm">
        <Text size="sm">This cannot be undone.</Text>
        <List size="sm" spacing={4}>
          <List.Item>
            {target?.accounts === null
              ? 'Accounts on them are released and wait for a new proxy (history records "proxy removed").'
              : target?.accounts
                ? `${plural(target.accounts, 'account', 'accounts')} will be released and wait for a new proxy (history records "proxy removed").`
                : 'No accounts are on it, so nothing is released.'}
          </List.Item>
          <List.Item>Its stored password and check results go with it.</List.Item>
        </List>
        <ErrorAlert error={remove.error} title="Not deleted" />
      </Stack>
    </ConfirmModal>
  )
}
