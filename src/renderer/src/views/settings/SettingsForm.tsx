import { Alert, Button, Group, Stack } from '@mantine/core'
import { IconAlertTriangle, IconArrowBackUp, IconDeviceFloppy } from '@tabler/icons-react'
import { useState, type FormEvent } from 'react'
import type { Settings } from '../../../../shared/settings'
import { toAppError } from '../../api'
import { useSettings } from '../../settings/settings-context'
import { useNotify } from '../../shell/notices'
import { AppearanceSection } from './AppearanceSection'
import { BackupSettingsSection } from './BackupSettingsSection'
import { ChecksSection } from './ChecksSection'
import { IsolationSection } from './IsolationSection'
import type { SectionProps } from './field-props'
import { MonitorSection } from './MonitorSection'
import {
  fieldErrorsFrom,
  formValuesOf,
  toPatch,
  type Draft,
  type FieldErrors,
} from './settings-draft'

/**
 * Holds only what the operator edited, over the stored settings: a change arriving from elsewhere
 * (the header's theme toggle, another window) shows up in every field left untouched.
 */
export function SettingsForm({ settings }: { settings: Settings }) {
  const { save } = useSettings()
  const notify = useNotify()
  const [draft, setDraft] = useState<Draft>({})
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string>()
  const [saving, setSaving] = useState(false)

  const values = { ...formValuesOf(settings), ...draft }
  const patch = toPatch(draft, settings)
  const dirty = Object.keys(patch).length > 0

  const onChange: SectionProps['onChange'] = (field, value) => {
    setDraft((current) => ({ ...current, [field]: value }))
    setErrors((current) => ({ ...current, [field]: undefined }))
  }

  function reset() {
    setDraft({})
    setErrors({})
    setFormError(undefined)
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    setSaving(true)
    try {
      await save(patch)
      reset()
      notify({ level: 'success', title: 'Settings saved', message: 'The new settings apply now.' })
    } catch (cause) {
      const error = toAppError(cause)
      if (error.code === 'VALIDATION') {
        const { fields, other } = fieldErrorsFrom(error.details)
        setErrors(fields)
        setFormError(other.length > 0 ? other.join(' ') : 'Correct the highlighted fields.')
      } else {
        setErrors({})
        setFormError(error.message)
      }
    } finally {
      setSaving(false)
    }
  }

  const sectionProps: SectionProps = { values, errors, onChange }
  return (
    <form onSubmit={(event) => void submit(event)} aria-label="Settings" noValidate>
      <Stack gap="lg">
        <AppearanceSection {...sectionProps} />
        <ChecksSection {...sectionProps} />
        <MonitorSection {...sectionProps} />
        <IsolationSection {...sectionProps} />
        <BackupSettingsSection {...sectionProps} />
        {formError && (
          <Alert
            color="red"
            title="Settings not saved"
            icon={<IconAlertTriangle />}
            role="alert"
            withCloseButton
            closeButtonLabel="Dismiss error"
            onClose={() => setFormError(undefined)}
          >
            {formError}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button
            variant="default"
            leftSection={<IconArrowBackUp size={16} />}
            disabled={!dirty || saving}
            onClick={reset}
          >
            Discard changes
          </Button>
          <Button
            type="submit"
            leftSection={<IconDeviceFloppy size={16} />}
            disabled={!dirty}
            loading={saving}
          >
            Save settings
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
