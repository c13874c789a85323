import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core'
import { IconKey, IconKeyOff, IconUpload } from '@tabler/icons-react'
import { useState } from 'react'
import { useQuery } from '../../api'
import { ConfirmModal } from '../../components'
import { useMutation } from '../../components/use-mutation'
import { useNotify } from '../../shell/notices'
import { ExportKeyModal } from './ExportKeyModal'
import { ImportKeyModal } from './ImportKeyModal'

/** The master key: its state, an export to keep, an import of one, or giving it up. */
export function SecuritySection() {
  const info = useQuery('app:info')
  const reset = useMutation('app:resetPasswords')
  const notify = useNotify()
  const [open, setOpen] = useState<'export' | 'import' | 'reset' | null>(null)
  const keychain = info.data?.keychain
  const available = keychain?.status === 'available'
  const keyMissing = keychain?.problem === 'key_missing' || keychain?.problem === 'key_mismatch'

  async function confirmReset() {
    const result = await reset.run({ confirm: true })
    if (!result) return
    setOpen(null)
    notify({
      level: 'success',
      title: 'Passwords reset',
      message: `${result.cleared === 1 ? '1 stored password was' : `${result.cleared} stored passwords were`} cleared; a new key protects new ones.`,
    })
  }

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="security-title">
      <Stack gap="md">
        <Title order={3} size="h4" id="security-title">
          Security
        </Title>
        <Text size="sm">
          Proxy passwords are encrypted with a key kept in the OS keychain
          {keychain ? ` (service “${keychain.service}”)` : ''}. Export it to move the data to
          another computer or to survive a keychain reset.
        </Text>
        {keychain && !available && (
          <Alert
            color="yellow"
            variant="light"
            role="alert"
            title={keychain.status === 'locked' ? 'Keychain locked' : 'Keychain unavailable'}
          >
            {keychain.message}
          </Alert>
        )}
        <Group gap="sm">
          <Button
            leftSection={<IconKey size={16} />}
            disabled={!available}
            onClick={() => setOpen('export')}
          >
            Export key…
          </Button>
          <Button
            variant={keyMissing ? 'filled' : 'default'}
            leftSection={<IconUpload size={16} />}
            disabled={keychain?.status === 'locked'}
            onClick={() => setOpen('import')}
          >
            Import key…
          </Button>
          <Button
            color="red"
            variant="light"
            leftSection={<IconKeyOff size={16} />}
            disabled={keychain?.status === 'locked'}
            onClick={() => setOpen('reset')}
          >
            Reset passwords…
          </Button>
        </Group>
      </Stack>
      <ExportKeyModal opened={open === 'export'} onClose={() => setOpen(null)} />
      <ImportKeyModal opened={open === 'import'} onClose={() => setOpen(null)} />
      <ConfirmModal
        opened={open === 'reset'}
        title="Reset every stored password?"
        confirmLabel="Clear the passwords"
        loading={reset.loading}
        onConfirm={() => void confirmReset()}
        onClose={() => {
          reset.reset()
          setOpen(null)
        }}
      >
        <Stack gap="sm">
          <Text size="sm">
            Every proxy keeps its host, port, user and the rest, but loses its stored password, for
            good; a new key protects the passwords you enter again. Do this only when the old key is
            lost.
          </Text>
          {reset.error && (
            <Alert color="red" variant="light" title="Not reset" role="alert">
              {reset.error.message}
            </Alert>
          )}
        </Stack>
      </ConfirmModal>
    </Card>
  )
}
