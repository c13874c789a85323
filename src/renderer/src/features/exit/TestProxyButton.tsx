import { Alert, Button, Text } from '@mantine/core'
import { IconPlugConnected } from '@tabler/icons-react'
import type { CheckResultDto } from '../../../../shared/contracts/checks'
import { IconButton } from '../../components'
import type { ProxyDto } from '../../../../shared/contracts/dto'
import { useNotify } from '../../shell/notices'
import { proxyLabel } from '../../views/proxies/proxy-label'
import { checkResultColor, checkResultLabel } from '../checks/check-labels'
import { useProxyTest, type ProxyTestState } from './use-proxy-test'

type Proxy = Pick<ProxyDto, 'id' | 'host' | 'port'>

/** "127.0.0.1 · 312 ms" for a pass, the error class and message for a failure. */
export function testOutcomeText(result: CheckResultDto): string {
  if (result.ok) {
    return [result.exitIp ?? 'exit IP unknown', `${result.totalMs} ms`].join(' · ')
  }
  const words = checkResultLabel(false, result.errorCode)
  return result.errorMessage ? `${words}: ${result.errorMessage}` : words
}

function conflictText(code: string, message: string): string {
  return code === 'CONFLICT' ? 'Another test is running; wait for it or cancel it.' : message
}

/** The row's Test icon: the outcome arrives as a notice (and in the table's own columns). */
export function TestProxyIcon({ proxy, onTested }: { proxy: Proxy; onTested?: () => void }) {
  const notify = useNotify()
  const { state, start } = useProxyTest(proxy.id, (result) => {
    onTested?.()
    if (!result) return
    notify({
      // A failure is a warning, not an error: it fades (the row's badge keeps saying it), where an
      // error notice would stay over the corner the drawer's buttons are in.
      level: result.ok ? 'success' : 'warning',
      title: `${proxyLabel(proxy)}: ${checkResultLabel(result.ok, result.errorCode)}`,
      message: testOutcomeText(result),
    })
  })
  const testing = state.phase === 'testing'
  return (
    <IconButton
      color={state.phase === 'error' ? 'red' : 'gray'}
      aria-label={`Test ${proxyLabel(proxy)}`}
      tip={state.phase === 'error' ? conflictText(state.error.code, state.error.message) : 'Test'}
      loading={testing}
      onClick={() => void start()}
    >
      <IconPlugConnected size={16} />
    </IconButton>
  )
}

/** The drawer's Test button; `test` is `useProxyTest`'s, shared with `TestResult`. */
export function TestProxyButton({ test }: { test: ReturnType<typeof useProxyTest> }) {
  return (
    <Button
      size="xs"
      variant="light"
      leftSection={<IconPlugConnected size={14} />}
      loading={test.state.phase === 'testing'}
      onClick={() => void test.start()}
    >
      Test
    </Button>
  )
}

/** The outcome of the drawer's test, once it arrives. */
export function TestResult({ state }: { state: ProxyTestState }) {
  if (state.phase === 'done' && state.result) {
    return (
      <Alert
        color={checkResultColor(state.result.ok, state.result.errorCode)}
        variant="light"
        py={6}
        title={`Test: ${checkResultLabel(state.result.ok, state.result.errorCode)}`}
        data-testid="test-result"
      >
        <Text size="sm">{testOutcomeText(state.result)}</Text>
      </Alert>
    )
  }
  if (state.phase === 'done') {
    return (
      <Alert color="gray" variant="light" py={6} data-testid="test-result">
        <Text size="sm">
          The test ended without a result (cancelled, or the password could not be opened).
        </Text>
      </Alert>
    )
  }
  if (state.phase === 'error') {
    return (
      <Alert
        color={state.error.code === 'CONFLICT' ? 'yellow' : 'red'}
        variant="light"
        py={6}
        data-testid="test-result"
      >
        <Text size="sm">{conflictText(state.error.code, state.error.message)}</Text>
      </Alert>
    )
  }
  return null
}
