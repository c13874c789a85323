import { Alert, Button, Checkbox, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { MIN_PASSPHRASE_LENGTH } from '../../../../shared/contracts/vault'
import { useTransportKind } from '../../api'
import { useMutation } from '../../components/use-mutation'
import { offerDownload } from '../../features/export/download'
import { useNotify } from '../../shell/notices'

/**
 * The key leaves the keychain only wrapped with a passphrase the operator chooses, typed twice,
 * and after they tick that they understand what the file is.
 */
export function ExportKeyModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const exportKey = useMutation('app:exportKey')
  const kind = useTransportKind()
  const notify = useNotify()
  const [passphrase, setPassphrase] = useState('')
  const [repeat, setRepeat] = useState('')
  const [understood, setUnderstood] = useState(false)

  function close() {
    setPassphrase('')
    setRepeat('')
    setUnderstood(false)
    exportKey.reset()
    onClose()
  }

  const tooShort = passphrase.length < MIN_PASSPHRASE_LENGTH
  const mismatch = repeat.length > 0 && repeat !== passphrase
  async function submit() {
    const result = await exportKey.run({
      passphrase,
      confirm: true,
      destination: kind === 'electron' ? 'dialog' : 'download',
    })
    if (!result) return
    if (result.destination === 'download') offerDownload(result)
    notify({
      level: 'success',
      title: 'Key exported',
      message:
        result.destination === 'download'
          ? `${result.filename}: keep it apart from the backups, with its passphrase.`
          : `Saved to ${result.path}: keep it apart from the backups, with its passphrase.`,
    })
    close()
  }

  return (
    <Modal opened={opened} onClose={close} title={<Text fw={650}>Export the key</Text>} centered>
      <Stack gap="md">
        <Text size="sm">
          The file lets whoever has it and its passphrase read every stored proxy password.
          ProxyDeck cannot recover a forgotten passphrase.
        </Text>
        <PasswordInput
          label="Passphrase"
          description={`At least ${MIN_PASSPHRASE_LENGTH} characters.`}
          value={passphrase}
          onChange={(event) => setPassphrase(event.currentTarget.value)}
          data-autofocus
        />
        <PasswordInput
          label="Passphrase again"
          value={repeat}
          error={mismatch ? 'The two passphrases differ' : undefined}
          onChange={(event) => setRepeat(event.currentTarget.value)}
        />
        <Checkbox
          label="I will keep this file and its passphrase safe"
          checked={understood}
          onChange={(event) => setUnderstood(event.currentTarget.checked)}
        />
        {exportKey.error && exportKey.error.code !== 'CANCELLED' && (
          <Alert color="red" variant="light" title="Not exported" role="alert">
            {exportKey.error.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button
            disabled={tooShort || repeat !== passphrase || !understood}
            loading={exportKey.loading}
            onClick={() => void submit()}
          >
            Export key
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
