import { Button, Group, Modal, Radio, Stack, Text } from '@mantine/core'
import { useEffect, useState } from 'react'
import type { AssignmentDto, ProxyDto } from '../../../../shared/contracts/dto'
import { PlainErrorAlert, useMutation } from '../../components'
import { useNotify } from '../../shell/notices'
import { ForceAssignButton } from './ForceAssignButton'
import { ProxyPicker } from './ProxyPicker'

interface ReassignModalProps {
  assignment: AssignmentDto | null
  version: number
  onClose: () => void
  onDone: () => void
}

/** Moves an account to another proxy of its model: the first available one, or one picked here. */
export function ReassignModal({ assignment, version, onClose, onDone }: ReassignModalProps) {
  const [mode, setMode] = useState<'auto' | 'pick'>('auto')
  const [proxy, setProxy] = useState<ProxyDto | null>(null)
  const reassign = useMutation('assignments:reassign')
  const notify = useNotify()
  const { reset } = reassign
  useEffect(() => {
    setMode('auto')
    setProxy(null)
    reset()
  }, [assignment, reset])

  async function confirm(force = false) {
    if (!assignment) return
    const toProxyId = mode === 'auto' ? ('auto' as const) : proxy?.id
    if (toProxyId === undefined) return
    const done = await reassign.run({
      accountId: assignment.accountId,
      toProxyId,
      ...(force && toProxyId !== 'auto' ? { force } : {}),
    })
    if (!done) return
    notify({
      level: 'success',
      title: 'Account moved',
      message: `${done.accountUsername} moved from ${assignment.proxyLabel} to ${done.proxyLabel}.`,
    })
    onDone()
    onClose()
  }

  return (
    <Modal
      opened={assignment !== null}
      onClose={() => !reassign.loading && onClose()}
      title={<Text fw={650}>Move {assignment?.accountUsername} to another proxy</Text>}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close dialog' }}
    >
      {assignment && (
        <Stack gap="md">
          <Text size="sm">
            It is on <b>{assignment.proxyLabel}</b> ({assignment.providerName}) for{' '}
            <b>{assignment.modelName}</b>. Moving it frees that slot; the move is written to the
            History.
          </Text>
          <Radio.Group
            label="Move it to"
            value={mode}
            onChange={(value) => {
              setMode(value as 'auto' | 'pick')
              reassign.reset()
            }}
          >
            <Stack gap="xs" mt={6}>
              <Radio value="auto" label="The first available proxy for its model" />
              <Radio value="pick" label="A proxy I choose" />
            </Stack>
          </Radio.Group>
          {mode === 'pick' && (
            <ProxyPicker
              label="New proxy"
              modelId={assignment.modelId}
              excludeProxyId={assignment.proxyId}
              value={proxy}
              version={version}
              onChange={(picked) => {
                setProxy(picked)
                reassign.reset()
              }}
            />
          )}
          <PlainErrorAlert error={reassign.error} title="Move refused" />
          {mode === 'pick' && (
            <ForceAssignButton
              error={reassign.error}
              loading={reassign.loading}
              onForce={() => void confirm(true)}
              label="Move anyway"
            />
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={reassign.loading}>
              Cancel
            </Button>
            <Button
              onClick={() => void confirm()}
              loading={reassign.loading}
              disabled={mode === 'pick' && !proxy}
            >
              Move account
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  )
}
