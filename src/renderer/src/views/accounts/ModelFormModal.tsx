import {
  Button,
  Group,
  Modal,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core'
import { useEffect, useState, type FormEvent } from 'react'
import type { ModelListItem } from '../../../../shared/contracts/dto'
import type { ModelStatus } from '../../../../shared/domain'
import { ErrorAlert, fieldErrors, unplacedIssues, useMutation } from '../../components'
import { useNotify } from '../../shell/notices'

interface ModelFormModalProps {
  opened: boolean
  /** The model to edit; null creates a new one. */
  model: ModelListItem | null
  onClose: () => void
  onSaved: () => void
}

const fields = ['name', 'status', 'notes'] as const

export function ModelFormModal({ opened, model, onClose, onSaved }: ModelFormModalProps) {
  const create = useMutation('models:create')
  const update = useMutation('models:update')
  const notify = useNotify()
  const [name, setName] = useState('')
  const [status, setStatus] = useState<ModelStatus>('active')
  const [notes, setNotes] = useState('')

  const { reset: resetCreate } = create
  const { reset: resetUpdate } = update
  useEffect(() => {
    if (!opened) return
    setName(model?.name ?? '')
    setStatus(model?.status ?? 'active')
    setNotes(model?.notes ?? '')
    resetCreate()
    resetUpdate()
  }, [opened, model, resetCreate, resetUpdate])

  const mutation = model ? update : create
  const errors = fieldErrors(mutation.error)
  // A duplicate name comes back as CONFLICT: it belongs next to the name field.
  const nameError =
    errors.name ?? (mutation.error?.code === 'CONFLICT' ? mutation.error.message : undefined)
  const placed = Boolean(nameError || errors.notes)
  const otherError =
    mutation.error && (!placed || unplacedIssues(mutation.error, fields).length > 0)
      ? mutation.error
      : undefined

  async function submit(event: FormEvent) {
    event.preventDefault()
    const saved = model
      ? await update.run({ id: model.id, name, status, notes })
      : await create.run({ name, status, notes })
    if (!saved) return
    notify({
      level: 'success',
      title: model ? 'Model saved' : 'Model created',
      message: model ? `“${saved.name}” is updated.` : `“${saved.name}” is ready for accounts.`,
    })
    onSaved()
    onClose()
  }

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={<Text fw={650}>{model ? `Edit model “${model.name}”` : 'New model'}</Text>}
      centered
      closeButtonProps={{ 'aria-label': 'Close dialog' }}
    >
      <form
        onSubmit={(event) => void submit(event)}
        aria-label={model ? 'Edit model' : 'New model'}
        noValidate
      >
        <Stack gap="md">
          <TextInput
            label="Name"
            description="Unique; accounts and proxies are grouped by it."
            required
            data-autofocus
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={nameError}
            maxLength={200}
          />
          <div>
            <Text size="sm" fw={500} mb={4} id="model-status-label">
              Status
            </Text>
            <SegmentedControl
              aria-labelledby="model-status-label"
              value={status}
              onChange={(value) => setStatus(value as ModelStatus)}
              data={[
                { value: 'active', label: 'Active' },
                { value: 'inactive', label: 'Inactive' },
              ]}
            />
          </div>
          <Textarea
            label="Notes"
            autosize
            minRows={2}
            maxRows={6}
            value={notes}
            onChange={(event) => setNotes(event.currentTarget.value)}
            error={errors.notes}
          />
          <ErrorAlert error={otherError} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={mutation.loading}>
              Cancel
            </Button>
            <Button type="submit" loading={mutation.loading}>
              {model ? 'Save model' : 'Create model'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
