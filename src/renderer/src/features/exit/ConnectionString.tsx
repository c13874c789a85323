import { Button, Group, SegmentedControl, Stack, Text } from '@mantine/core'
import { IconKey } from '@tabler/icons-react'
import { useState } from 'react'
import type { LineShape } from '../../../../shared/import-types'
import { ErrorAlert, RevealedValueActions, useMutation } from '../../components'

const formats: { value: LineShape; label: string }[] = [
  { value: 'protocol://user:pass@host:port', label: 'URL' },
  { value: 'host:port:user:pass', label: 'host:port:user:pass' },
  { value: 'user:pass@host:port', label: 'user:pass@host:port' },
]

/**
 * The proxy string for a browser profile, in the form the operator picks. It carries the
 * password, so like PasswordReveal it is asked of main only on a click and dropped when hidden
 * or when the form changes.
 */
export function ConnectionString({ proxyId }: { proxyId: number }) {
  const produce = useMutation('proxies:connectionString')
  const [format, setFormat] = useState<LineShape>('protocol://user:pass@host:port')
  const [value, setValue] = useState<string | null>(null)

  function hide() {
    setValue(null)
    produce.reset()
  }

  async function show(next: LineShape) {
    const result = await produce.run({ id: proxyId, format: next })
    if (result) setValue(result.value)
  }

  return (
    <Stack gap={6}>
      <SegmentedControl
        size="xs"
        data={formats}
        value={format}
        aria-label="Proxy string format"
        onChange={(next) => {
          setFormat(next as LineShape)
          if (value !== null) void show(next as LineShape)
        }}
      />
      {value === null ? (
        <Group gap="xs">
          <Button
            size="xs"
            variant="light"
            leftSection={<IconKey size={14} />}
            loading={produce.loading}
            onClick={() => void show(format)}
          >
            Show proxy string
          </Button>
          <Text size="xs" c="dimmed">
            Includes the password.
          </Text>
        </Group>
      ) : (
        <Group gap="xs" wrap="nowrap" role="group" aria-label="Proxy string">
          <Text
            ff="monospace"
            size="sm"
            style={{ userSelect: 'all', wordBreak: 'break-all' }}
            data-testid="proxy-string"
          >
            {value}
          </Text>
          <RevealedValueActions value={value} what="proxy string" onHide={hide} />
        </Group>
      )}
      {produce.error && (
        <ErrorAlert error={produce.error} title="Cannot produce the proxy string" />
      )}
    </Stack>
  )
}
