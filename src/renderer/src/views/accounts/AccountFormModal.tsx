import {
  Alert,
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core'
import { IconInfoCircle } from '@tabler/icons-react'
import { useEffect, useState, type FormEvent } from 'react'
import type { AccountDto, ModelListItem } from '../../../../shared/contracts/dto'
import {
  accountStatuses,
  type AccountPlatform,
  type AccountStatus,
} from '../../../../shared/domain'
import {
  ErrorAlert,
  fieldErrors,
  platformOptions,
  statusLabel,
  unplacedIssues,
  useMutation,
} from '../../components'
import { useNotify } from '../../shell/notices'

interface AccountFormModalProps {
  opened: boolean
  /** The account to edit; null creates one. */
  account: AccountDto | null
  models: ModelListItem[]
  /** Preselected model for a new account (the filter's model, if any). */
  defaultModelId: number | null
  onClose: () => void
  onSaved: () => void
}

const fields = ['platform', 'username', 'modelId', 'status', 'notes'] as const

export function AccountFormModal(props: AccountFormModalProps) {
  const { opened, account, models, defaultModelId, onClose, onSaved } = props
  const create = useMutation('accounts:create')
  const update = useMutation('accounts:update')
  const notify = useNotify()
  const [platform, setPlatform] = useState<AccountPlatform | null>(null)
  const [username, setUsername] = useState('')
  const [modelId, setModelId] = useState<number | null>(null)
  const [status, setStatus] = useState<AccountStatus>('active')
  const [notes, setNotes] = useState('')

  const { reset: resetCreate } = create
  const { reset: resetUpdate } = update
  // With a single model there is nothing to choose: preselect it.
  const onlyModel = models.length === 1 ? (models[0]?.id ?? null) : null
  useEffect(() => {
    if (!opened) return
    setPlatform(account?.platform ?? null)
    setUsername(account?.username ?? '')
    setModelId(account?.modelId ?? defaultModelId ?? onlyModel)
    setStatus(account?.status ?? 'active')
    setNotes(account?.notes ?? '')
    resetCreate()
    resetUpdate()
  }, [opened, account, defaultModelId, onlyModel, resetCreate, resetUpdate])

  const mutation = account ? update : create
  const errors = fieldErrors(mutation.error)
  const usernameError =
    errors.username ?? (mutation.error?.code === 'CONFLICT' ? mutation.error.message : undefined)
  const placed = Boolean(usernameError || errors.platform || errors.modelId || errors.notes)
  const otherError =
    mutation.error && (!placed || unplacedIssues(mutation.error, fields).length > 0)
      ? mutation.error
      : undefined
  const releases =
    account?.proxyLabel &&
    (status !== 'active' || (modelId !== null && modelId !== account.modelId))

  async function submit(event: FormEvent) {
    event.preventDefault()
    // Missing choices go to main as-is so its messages land next to the fields.
    const input = {
      platform: platform ?? undefined,
      username,
      modelId: modelId ?? undefined,
      notes,
    } as { platform: AccountPlatform; username: string; modelId: number; notes: string }
    const saved = account
      ? await update.run({ id: account.id, ...input, status })
      : await create.run(input)
    if (!saved) return
    notify({
      level: 'success',
      title: account ? 'Account saved' : 'Account created',
      message: account
        ? `${saved.username} is updated.`
        : `${saved.username} waits for a proxy: run Auto-assign on the Assignments page.`,
    })
    onSaved()
    onClose()
  }

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={<Text fw={650}>{account ? `Edit account ${account.username}` : 'New account'}</Text>}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close dialog' }}
    >
      <form
        onSubmit={(event) => void submit(event)}
        aria-label={account ? 'Edit account' : 'New account'}
        noValidate
      >
        <Stack gap="md">
          <Group grow align="flex-start">
            <Select
              label="Platform"
              placeholder="Pick a platform"
              required
              data={platformOptions}
              value={platform}
              onChange={(value) => setPlatform(value as AccountPlatform | null)}
              error={errors.platform && 'Pick a platform'}
              allowDeselect={false}
              data-autofocus
            />
            <TextInput
              label="Username"
              required
              value={username}
              onChange={(event) => setUsername(event.currentTarget.value)}
              error={usernameError}
              maxLength={200}
            />
          </Group>
          <Select
            label="Model"
            placeholder={models.length ? 'Pick a model' : 'Create a model first'}
            description="A proxy serves one model: the account only shares proxies with its own model."
            required
            searchable
            data={models.map((model) => ({ value: String(model.id), label: model.name }))}
            value={modelId === null ? null : String(modelId)}
            onChange={(value) => setModelId(value === null ? null : Number(value))}
            error={errors.modelId && 'Pick a model'}
            nothingFoundMessage="No model by that name"
            allowDeselect={false}
          />
          {account && (
            <div>
              <Text size="sm" fw={500} mb={4} id="account-status-label">
                Status
              </Text>
              <SegmentedControl
                aria-labelledby="account-status-label"
                value={status}
                onChange={(value) => setStatus(value as AccountStatus)}
                data={accountStatuses.map((value) => ({ value, label: statusLabel(value) }))}
              />
            </div>
          )}
          {releases && (
            <Alert color="yellow" variant="light" icon={<IconInfoCircle size={18} />}>
              Saving releases its proxy {account?.proxyLabel}: the slot becomes free for another
              account{status === 'active' ? ' and this one waits for a proxy of its new model' : ''}
              .
            </Alert>
          )}
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
              {account ? 'Save account' : 'Create account'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
