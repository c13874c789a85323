import { Button, Stack, Text } from '@mantine/core'
import { useEffect } from 'react'
import type { ModelListItem } from '../../../../shared/contracts/dto'
import { ConfirmModal, PlainErrorAlert, ruleName, useMutation } from '../../components'
import { useNotify } from '../../shell/notices'

interface ModelDeleteModalProps {
  model: ModelListItem | null
  onClose: () => void
  onDeleted: () => void
  /** Opens the Accounts tab filtered to this model, to deal with what blocks the delete. */
  onShowAccounts: (modelId: number) => void
}

/**
 * Main refuses (`model_has_accounts`) while accounts that are not removed remain; the refusal is
 * shown here in plain words with a way to get to those accounts.
 */
export function ModelDeleteModal({
  model,
  onClose,
  onDeleted,
  onShowAccounts,
}: ModelDeleteModalProps) {
  const remove = useMutation('models:remove')
  const notify = useNotify()
  const { reset } = remove
  useEffect(() => reset(), [model, reset])

  async function confirm() {
    if (!model) return
    const done = await remove.run({ id: model.id })
    if (!done) return
    notify({ level: 'success', title: 'Model deleted', message: `“${model.name}” is gone.` })
    onDeleted()
    onClose()
  }

  const blocked = ruleName(remove.error) === 'model_has_accounts'
  return (
    <ConfirmModal
      opened={model !== null}
      title={model ? `Delete model “${model.name}”?` : 'Delete model'}
      confirmLabel="Delete model"
      loading={remove.loading}
      onConfirm={() => void confirm()}
      onClose={onClose}
      extraActions={
        blocked && model ? (
          <Button variant="light" onClick={() => onShowAccounts(model.id)}>
            Show its accounts
          </Button>
        ) : undefined
      }
    >
      <Stack gap="sm">
        <Text size="sm">
          A model can be deleted once it has no active or invalid accounts. Its removed accounts are
          deleted with it; the assignment history keeps its rows.
        </Text>
        {model && model.stats.activeAccounts > 0 && !remove.error && (
          <Text size="sm" c="orange">
            It still has {model.stats.activeAccounts} active{' '}
            {model.stats.activeAccounts === 1 ? 'account' : 'accounts'}, so this will be refused.
          </Text>
        )}
        <PlainErrorAlert
          error={remove.error}
          title={blocked ? 'This model still has accounts' : undefined}
        />
      </Stack>
    </ConfirmModal>
  )
}
