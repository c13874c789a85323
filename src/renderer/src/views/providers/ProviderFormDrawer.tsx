import {
  Button,
  Drawer,
  Group,
  ScrollArea,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core'
import { useEffect, useState, type FormEvent } from 'react'
import type { ProviderDto } from '../../../../shared/contracts/dto'
import {
  providerServiceTypes,
  providerStatuses,
  type ProviderServiceType,
  type ProviderStatus,
} from '../../../../shared/domain'
import {
  ErrorAlert,
  fieldErrors,
  MoneyInput,
  statusLabel,
  unplacedIssues,
  useMutation,
} from '../../components'
import { useNotify } from '../../shell/notices'
import {
  createInputFromDraft,
  draftFromProvider,
  emptyProviderDraft,
  providerFormFields,
  updateInputFromDraft,
  type ProviderDraft,
} from './provider-draft'
import { serviceTypeLabels } from './provider-labels'

interface ProviderFormDrawerProps {
  opened: boolean
  /** The provider to edit; null to add one. */
  provider: ProviderDto | null
  onClose: () => void
  onSaved: (provider: ProviderDto) => void
}

const statusOptions = providerStatuses.map((value) => ({ value, label: statusLabel(value) }))
const typeOptions = providerServiceTypes.map((value) => ({
  value,
  label: serviceTypeLabels[value],
}))

export function ProviderFormDrawer({
  opened,
  provider,
  onClose,
  onSaved,
}: ProviderFormDrawerProps) {
  const create = useMutation('providers:create')
  const update = useMutation('providers:update')
  const notify = useNotify()
  const [draft, setDraft] = useState<ProviderDraft>(emptyProviderDraft)
  const [moneyValid, setMoneyValid] = useState(true)
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({})
  const { reset: resetCreate } = create
  const { reset: resetUpdate } = update

  useEffect(() => {
    if (!opened) return
    setDraft(provider ? draftFromProvider(provider) : emptyProviderDraft)
    setMoneyValid(true)
    setLocalErrors({})
    resetCreate()
    resetUpdate()
  }, [opened, provider, resetCreate, resetUpdate])

  const error = provider ? update.error : create.error
  const errors: Record<string, string> = { ...fieldErrors(error), ...localErrors }
  if (error?.code === 'CONFLICT') errors.name = error.message
  const loose =
    error &&
    error.code !== 'CONFLICT' &&
    (error.code !== 'VALIDATION' || unplacedIssues(error, providerFormFields).length > 0)
  const change = (patch: Partial<ProviderDraft>) =>
    setDraft((current) => ({ ...current, ...patch }))

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!moneyValid) return
    if (draft.monthlyCostPerProxyCents === null) {
      setLocalErrors({ monthlyCostPerProxyCents: 'Enter the monthly price per proxy (0 if free)' })
      return
    }
    setLocalErrors({})
    let saved: ProviderDto | undefined
    if (provider) {
      const input = updateInputFromDraft(provider, draft)
      if (!input) return onClose()
      saved = await update.run(input)
    } else {
      saved = await create.run(createInputFromDraft(draft))
    }
    if (!saved) return
    notify({
      level: 'success',
      title: provider ? 'Provider saved' : 'Provider added',
      message: saved.name,
    })
    onSaved(saved)
  }

  const loading = create.loading || update.loading
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size={480}
      title={
        <Text fw={650} size="lg">
          {provider ? `Edit ${provider.name}` : 'Add provider'}
        </Text>
      }
      scrollAreaComponent={ScrollArea.Autosize}
      closeButtonProps={{ 'aria-label': 'Close provider form' }}
    >
      <form
        noValidate
        onSubmit={(event) => void submit(event)}
        aria-label={provider ? 'Edit provider' : 'Add provider'}
      >
        <Stack gap="md">
          {loose && (
            <ErrorAlert
              error={error}
              title={provider ? 'Provider not saved' : 'Provider not added'}
              hideIssues={error.code === 'VALIDATION' && Object.keys(errors).length > 0}
            />
          )}
          <TextInput
            label="Name"
            required
            data-autofocus
            value={draft.name}
            onChange={(event) => change({ name: event.currentTarget.value })}
            error={errors.name}
          />
          <SimpleGrid cols={2}>
            <MoneyInput
              label="Monthly cost per proxy"
              required
              value={draft.monthlyCostPerProxyCents}
              onChange={(cents, { valid }) => {
                setMoneyValid(valid)
                change({ monthlyCostPerProxyCents: cents })
              }}
              error={errors.monthlyCostPerProxyCents}
            />
            <Select
              label="Service type"
              placeholder="Not set"
              clearable
              data={typeOptions}
              value={draft.serviceType}
              onChange={(value) => change({ serviceType: value as ProviderServiceType | null })}
              error={errors.serviceType}
            />
          </SimpleGrid>
          <Select
            label="Status"
            allowDeselect={false}
            data={statusOptions}
            value={draft.status}
            onChange={(value) => value && change({ status: value as ProviderStatus })}
            error={errors.status}
          />
          <TextInput
            label="Contact email"
            type="email"
            placeholder="support@provider.example"
            value={draft.contactEmail}
            onChange={(event) => change({ contactEmail: event.currentTarget.value })}
            error={errors.contactEmail}
          />
          <TextInput
            label="Website"
            placeholder="https://provider.example"
            value={draft.website}
            onChange={(event) => change({ website: event.currentTarget.value })}
            error={errors.website}
          />
          <Textarea
            label="Notes"
            autosize
            minRows={3}
            maxRows={8}
            value={draft.notes}
            onChange={(event) => change({ notes: event.currentTarget.value })}
            error={errors.notes}
          />
          <Group justify="flex-end" gap="sm" pt="sm">
            <Button variant="default" onClick={onClose} disabled={loading}>
              Cancel
            </Button>
            <Button type="submit" loading={loading}>
              {provider ? 'Save provider' : 'Add provider'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Drawer>
  )
}
