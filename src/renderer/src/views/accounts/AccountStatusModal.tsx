import { List, Select, Stack, Text, Textarea } from '@mantine/core'
import { useEffect, useState } from 'react'
import type { InvalidReason } from '../../../../shared/contracts/accounts'
import type { AccountDto } from '../../../../shared/contracts/dto'
import { ConfirmModal, PlainErrorAlert, useMutation } from '../../components'
import { useNotify } from '../../shell/notices'

export type StatusAction = 'invalidate' | 'remove'

interface AccountStatusModalProps {
  /** What to do to which accounts; null keeps the dialog closed. */
  request: { action: StatusAction; accounts: AccountDto[] } | null
  onClose: () => void
  onDone: () => void
}

const wording = {
  invalidate: {
    title: 'Mark as invalid',
    verb: 'marked invalid',
    confirm: 'Mark invalid',
    explain: 'An invalid account keeps its row and can be reactivated later.',
  },
  remove: {
    title: 'Remove',
    verb: 'removed',
    confirm: 'Remove',
    explain: 'A removed account is kept for the audit trail but hidden from the default list.',
  },
} as const

const invalidReasonOptions: { value: InvalidReason; label: string }[] = [
  { value: 'banned', label: 'Banned' },
  { value: 'suspended', label: 'Suspended' },
  { value: 'lost_access', label: 'Lost access' },
  { value: 'other', label: 'Other (say what in the note)' },
]

/** Invalidating or removing releases the proxies in the same step; the dialog says which. */
export function AccountStatusModal({ request, onClose, onDone }: AccountStatusModalProps) {
  const setStatus = useMutation('accounts:setStatus')
  const remove = useMutation('accounts:remove')
  const notify = useNotify()
  const { reset: resetStatus } = setStatus
  const { reset: resetRemove } = remove
  const [reason, setReason] = useState<InvalidReason>('banned')
  const [note, setNote] = useState('')
  useEffect(() => {
    resetStatus()
    resetRemove()
    setReason('banned')
    setNote('')
  }, [request, resetStatus, resetRemove])

  const action = request?.action ?? 'invalidate'
  const accounts = request?.accounts ?? []
  const words = wording[action]
  const withProxy = accounts.filter((account) => account.proxyId !== null)
  const mutation = action === 'remove' ? remove : setStatus
  const single = accounts.length === 1 ? accounts[0] : undefined

  async function confirm() {
    const ids = accounts.map((account) => account.id)
    const result =
      action === 'remove'
        ? await remove.run({ ids })
        : await setStatus.run({
            ids,
            status: 'invalid',
            invalidReason: reason,
            ...(note.trim() ? { note: note.trim() } : {}),
          })
    if (!result) return
    const subject = single ? single.username : `${result.updated} accounts`
    notify({
      level: 'success',
      title: `${single ? 'Account' : 'Accounts'} ${words.verb}`,
      message:
        result.released > 0
          ? `${subject} ${words.verb}; ${result.released} ${result.released === 1 ? 'proxy slot' : 'proxy slots'} released.`
          : `${subject} ${words.verb}.`,
    })
    onDone()
    onClose()
  }

  return (
    <ConfirmModal
      opened={request !== null}
      title={
        single
          ? `${words.title} ${single.username}?`
          : `${words.title} ${accounts.length} accounts?`
      }
      confirmLabel={words.confirm}
      confirmColor={action === 'remove' ? 'red' : 'orange'}
      confirmDisabled={action === 'invalidate' && reason === 'other' && !note.trim()}
      loading={mutation.loading}
      onConfirm={() => void confirm()}
      onClose={onClose}
    >
      <Stack gap="sm">
        {action === 'invalidate' && (
          <>
            <Select
              label="Reason"
              required
              allowDeselect={false}
              data={invalidReasonOptions}
              value={reason}
              onChange={(value) => value && setReason(value as InvalidReason)}
            />
            <Textarea
              label="Note"
              description={reason === 'other' ? 'Required: say what happened.' : 'Optional.'}
              required={reason === 'other'}
              autosize
              minRows={2}
              maxLength={500}
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
            />
          </>
        )}
        {withProxy.length === 0 ? (
          <Text size="sm">{single ? 'It has' : 'They have'} no proxy, so no slot is released.</Text>
        ) : single ? (
          <Text size="sm">
            Its proxy <b>{single.proxyLabel}</b> will be released: the slot becomes free for another
            account of {single.modelName} (or of any model once the proxy is empty).
          </Text>
        ) : (
          <>
            <Text size="sm">
              {withProxy.length} of them are on a proxy; those proxies will be released:
            </Text>
            <List size="sm" spacing={2}>
              {withProxy.slice(0, 8).map((account) => (
                <List.Item key={account.id}>
                  {account.username} on {account.proxyLabel}
                </List.Item>
              ))}
              {withProxy.length > 8 && <List.Item>and {withProxy.length - 8} more</List.Item>}
            </List>
          </>
        )}
        <Text size="sm" c="dimmed">
          {words.explain}{' '}
          {withProxy.length === 0
            ? 'The History records proxy moves only, so it gets no row for this.'
            : action === 'invalidate'
              ? 'The release is written to the History, with the reason and note.'
              : 'The release is written to the History.'}
        </Text>
        <PlainErrorAlert error={mutation.error} />
      </Stack>
    </ConfirmModal>
  )
}
