import { Button, Card, Group, Stack, Text, Title } from '@mantine/core'
import { IconLink } from '@tabler/icons-react'
import { useState, type FormEvent } from 'react'
import type { AccountDto, ProxyDto } from '../../../../shared/contracts/dto'
import { PlainErrorAlert, useMutation } from '../../components'
import { useNotify } from '../../shell/notices'
import { AccountPicker } from './AccountPicker'
import { ForceAssignButton } from './ForceAssignButton'
import { ProxyPicker } from './ProxyPicker'

interface ManualAssignCardProps {
  version: number
  onAssigned: () => void
}

/** Put one waiting account on a proxy the operator chooses; refusals come back in plain words. */
export function ManualAssignCard({ version, onAssigned }: ManualAssignCardProps) {
  const [account, setAccount] = useState<AccountDto | null>(null)
  const [proxy, setProxy] = useState<ProxyDto | null>(null)
  const assign = useMutation('assignments:assign')
  const notify = useNotify()

  async function submit(event: FormEvent | null, force = false) {
    event?.preventDefault()
    if (!account || !proxy) return
    const done = await assign.run({ accountId: account.id, proxyId: proxy.id, force })
    if (!done) return
    notify({
      level: 'success',
      title: 'Account assigned',
      message: `${done.accountUsername} now goes out through ${done.proxyLabel}.`,
    })
    setAccount(null)
    setProxy(null)
    onAssigned()
  }

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="manual-title">
      <form onSubmit={(event) => void submit(event)} aria-label="Manual assignment" noValidate>
        <Stack gap="md">
          <div>
            <Title order={3} size="h4" id="manual-title">
              Assign by hand
            </Title>
            <Text size="sm" c="dimmed">
              Pick a waiting account, then a proxy for its model.
            </Text>
          </div>
          <AccountPicker
            value={account}
            version={version}
            onChange={(picked) => {
              setAccount(picked)
              setProxy(null)
              assign.reset()
            }}
          />
          <ProxyPicker
            modelId={account?.modelId ?? null}
            value={proxy}
            version={version}
            onChange={(picked) => {
              setProxy(picked)
              assign.reset()
            }}
          />
          <PlainErrorAlert error={assign.error} title="Assignment refused" onClose={assign.reset} />
          <ForceAssignButton
            error={assign.error}
            loading={assign.loading}
            onForce={() => void submit(null, true)}
          />
          <Group justify="flex-end">
            <Button
              type="submit"
              leftSection={<IconLink size={16} />}
              disabled={!account || !proxy}
              loading={assign.loading}
            >
              Assign
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  )
}
