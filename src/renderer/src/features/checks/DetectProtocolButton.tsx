import { Alert, Button, Group, List, Stack, Text } from '@mantine/core'
import { IconRadar } from '@tabler/icons-react'
import { useState } from 'react'
import type { DetectProtocolResult, ProtocolChoice } from '../../../../shared/contracts/detect'
import type { ProxyDto } from '../../../../shared/contracts/dto'
import type { AppError } from '../../../../shared/errors'
import { toAppError, useApi } from '../../api'

function choiceLabel(choice: ProtocolChoice): string {
  const name = choice.protocol.toUpperCase()
  return choice.protocol === 'socks5' && choice.remoteDns ? `${name} (remote DNS)` : name
}

/**
 * "Detect protocol" in the proxy drawer: real checks through http, socks5, socks4 (main stops at
 * the first that works), the result with each attempt, and a button to switch to what worked.
 * Nothing changes until the operator switches.
 */
export function DetectProtocolButton({
  proxy,
  onChanged,
}: {
  proxy: ProxyDto
  onChanged?: () => void
}) {
  const client = useApi()
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<DetectProtocolResult | null>(null)
  const [error, setError] = useState<AppError | null>(null)

  async function run(apply: boolean) {
    setBusy(true)
    setError(null)
    try {
      const answer = await client.call('proxies:detectProtocol', { id: proxy.id, apply })
      setResult(answer)
      if (answer.applied) onChanged?.()
    } catch (cause) {
      setError(toAppError(cause))
    } finally {
      setBusy(false)
    }
  }

  const offer = result && result.differs && !result.applied && !result.conflict
  return (
    <Stack gap={6} aria-label="Protocol detection">
      <Group gap="sm">
        <Button
          size="xs"
          variant="light"
          leftSection={<IconRadar size={14} />}
          loading={busy}
          onClick={() => void run(false)}
        >
          Detect protocol
        </Button>
        {offer && result.detected && (
          <Button size="xs" loading={busy} onClick={() => void run(true)}>
            Switch to {choiceLabel(result.detected)}
          </Button>
        )}
      </Group>
      {error && (
        <Alert color="red" title="Detection failed">
          {error.message}
        </Alert>
      )}
      {result && (
        <Alert
          color={result.conflict ? 'orange' : result.detected ? 'green' : 'red'}
          title={
            result.applied && result.detected
              ? `Switched to ${choiceLabel(result.detected)}`
              : result.message
          }
          data-testid="detect-protocol-result"
        >
          {result.conflict && <Text size="sm">{result.conflict.message}</Text>}
          {result.check && (
            <Text size="sm">
              Exit {result.check.exitIp ?? '—'} in {result.check.totalMs} ms
            </Text>
          )}
          <List size="xs" mt={4}>
            {result.attempts.map((attempt, index) => (
              <List.Item key={index}>
                {choiceLabel(attempt)}: {attempt.ok ? 'works' : attempt.errorMessage}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  )
}
