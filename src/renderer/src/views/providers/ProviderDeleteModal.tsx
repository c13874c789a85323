import { Alert, Text } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import type { ProviderListItem } from '../../../../shared/contracts/dto'
import { ConfirmModal, ErrorAlert, ruleOf, useMutation } from '../../components'
import { formatCount } from '../../lib/format'
import { useNotify } from '../../shell/notices'

interface ProviderDeleteModalProps {
  provider: ProviderListItem | null
  onClose: () => void
  onDeleted: () => void
}

function plural(count: number, one: string, many: string) {
  return `${formatCount(count)} ${count === 1 ? one : many}`
}

/**
 * Deletes a provider. Main refuses while it has proxies (`provider_has_proxies`); only then is the
 * stronger choice offered, naming how many proxies go and how many accounts lose their proxy.
 */
export function ProviderDeleteModal({ provider, onClose, onDeleted }: ProviderDeleteModalProps) {
  const remove = useMutation('providers:remove')
  const notify = useNotify()
  const [refusedProxies, setRefusedProxies] = useState<number | null>(null)
  const { reset } = remove

  useEffect(() => {
    setRefusedProxies(null)
    reset()
  }, [provider, reset])

  async function run(withProxies: boolean) {
    if (!provider) return
    const result = await remove.run({ id: provider.id, withProxies })
    if (!result) return
    notify({
      level: 'success',
      title: 'Provider deleted',
      message: result.removedProxies
        ? `${provider.name} and its ${plural(result.removedProxies, 'proxy', 'proxies')} are gone; ${plural(result.releasedAccounts, 'account was', 'accounts were')} released.`
        : `${provider.name} is gone.`,
    })
    onDeleted()
  }

  // Learn the refusal from main (the list's counts may be stale).
  const refused = ruleOf(remove.error) === 'provider_has_proxies'
  useEffect(() => {
    if (!refused || !remove.error) return
    const count = (remove.error.details as { proxies?: number } | undefined)?.proxies
    setRefusedProxies(typeof count === 'number' ? count : (provider?.stats.proxyCount ?? 0))
  }, [refused, remove.error, provider])

  const proxies = refusedProxies ?? provider?.stats.proxyCount ?? 0
  const accounts = provider?.stats.assignedAccounts ?? 0
  const strongLabel = `Delete with its ${plural(proxies, 'proxy', 'proxies')}, releasing ${plural(accounts, 'account', 'accounts')}`

  return (
    <ConfirmModal
      opened={provider !== null}
      title={`Delete provider ${provider?.name ?? ''}?`}
      confirmLabel={refusedProxies !== null ? strongLabel : 'Delete provider'}
      loading={remove.loading}
      onConfirm={() => void run(refusedProxies !== null)}
      onClose={onClose}
    >
      {refusedProxies !== null ? (
        <Alert
          color="orange"
          icon={<IconAlertTriangle size={18} />}
          title="It still has proxies"
          role="alert"
        >
          <Text size="sm">{remove.error?.message}</Text>
          <Text size="sm" mt={6}>
            You can delete the provider together with its {plural(proxies, 'proxy', 'proxies')}.{' '}
            {accounts
              ? `${plural(accounts, 'account', 'accounts')} on them will be released and wait for a new proxy.`
              : 'No accounts are on them.'}
          </Text>
        </Alert>
      ) : (
        <>
          <Text size="sm">
            {provider?.stats.proxyCount
              ? `${provider.name} supplies ${plural(provider.stats.proxyCount, 'proxy', 'proxies')}. A provider with proxies is kept unless you also delete its proxies; you will be asked.`
              : 'It has no proxies. This cannot be undone.'}
          </Text>
          {!refused && <ErrorAlert error={remove.error} title="Not deleted" />}
        </>
      )}
    </ConfirmModal>
  )
}
