import { Alert, Button, FileButton, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core'
import { IconFileUpload } from '@tabler/icons-react'
import { useState } from 'react'
import { useTransportKind } from '../../api'
import { useMutation } from '../../components/use-mutation'
import { useNotify } from '../../shell/notices'

/** Puts an exported key back into the keychain; main checks it belongs to this database first. */
export function ImportKeyModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const importKey = useMutation('app:importKey')
  const kind = useTransportKind()
  const notify = useNotify()
  const [file, setFile] = useState<{ name: string; text: string } | null>(null)
  const [passphrase, setPassphrase] = useState('')

  function close() {
    setFile(null)
    setPassphrase('')
    importKey.reset()
    onClose()
  }

  async function submit() {
    const source =
      kind === 'electron' || !file
        ? ({ kind: 'dialog' } as const)
        : ({ kind: 'content', text: file.text } as const)
    const result = await importKey.run({ source, passphrase })
    if (!result) return
    notify({
      level: 'success',
      title: 'Key imported',
      message: 'The stored proxy passwords can be read again.',
    })
    close()
  }

  return (
    <Modal opened={opened} onClose={close} title={<Text fw={650}>Import the key</Text>} centered>
      <Stack gap="md">
        <Text size="sm">
          Choose the key file exported from this data (on this or another computer) and type its
          passphrase. A key of another database is refused and nothing changes.
        </Text>
        {kind === 'bridge' && (
          <Group gap="sm">
            <FileButton
              onChange={(chosen) =>
                void chosen?.text().then((text) => setFile({ name: chosen.name, text }))
              }
              accept=".json,application/json"
            >
              {(props) => (
                <Button {...props} variant="default" leftSection={<IconFileUpload size={16} />}>
                  Choose key file…
                </Button>
              )}
            </FileButton>
            <Text size="sm" c="dimmed">
              {file ? file.name : 'No file chosen'}
            </Text>
          </Group>
        )}
        <PasswordInput
          label="Passphrase"
          value={passphrase}
          onChange={(event) => setPassphrase(event.currentTarget.value)}
        />
        {importKey.error && importKey.error.code !== 'CANCELLED' && (
          <Alert color="red" variant="light" title="Not imported" role="alert">
            {importKey.error.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button
            disabled={passphrase.length === 0 || (kind === 'bridge' && !file)}
            loading={importKey.loading}
            onClick={() => void submit()}
          >
            {kind === 'electron' ? 'Choose file and import' : 'Import key'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
