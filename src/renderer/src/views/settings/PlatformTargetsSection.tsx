import { Alert, Button, Group, NumberInput, Stack, Switch, Text, TextInput } from '@mantine/core'
import { IconAlertTriangle, IconArrowBackUp, IconDeviceFloppy } from '@tabler/icons-react'
import { useState, type FormEvent } from 'react'
import type { Settings } from '../../../../shared/settings'
import { toAppError } from '../../api'
import { useSettings } from '../../settings/settings-context'
import { useNotify } from '../../shell/notices'
import {
  targetErrorsFrom,
  targetKeys,
  targetsDraftOf,
  targetsPatch,
  type TargetDraft,
  type TargetErrors,
  type TargetKey,
  type TargetsDraft,
} from './platform-targets-draft'
import { SettingsSection } from './SettingsSection'
import { platformLabel } from '../../components'

const label = (key: TargetKey): string => (key === 'custom' ? 'Custom check' : platformLabel(key))

/**
 * The page each platform's check fetches through a proxy (and the operator's own URL + keyword
 * check), saved on its own: the two settings are replaced whole, so they are edited together.
 */
export function PlatformTargetsSection() {
  const { settings } = useSettings()
  if (!settings) return null
  return <TargetsForm settings={settings} />
}

function TargetsForm({ settings }: { settings: Settings }) {
  const { save } = useSettings()
  const notify = useNotify()
  const stored = targetsDraftOf(settings)
  const [draft, setDraft] = useState<TargetsDraft | null>(null)
  const [errors, setErrors] = useState<TargetErrors>({})
  const [formError, setFormError] = useState<string>()
  const [saving, setSaving] = useState(false)
  const values = draft ?? stored
  const dirty = draft !== null && JSON.stringify(draft) !== JSON.stringify(stored)

  const change = <F extends keyof TargetDraft>(key: TargetKey, field: F, value: TargetDraft[F]) => {
    setDraft((current) => {
      const base = current ?? stored
      return { ...base, [key]: { ...base[key], [field]: value } }
    })
    setErrors((current) => ({ ...current, [key]: { ...current[key], [field]: undefined } }))
  }

  function reset() {
    setDraft(null)
    setErrors({})
    setFormError(undefined)
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    setSaving(true)
    try {
      await save(targetsPatch(values))
      reset()
      notify({
        level: 'success',
        title: 'Platform targets saved',
        message: 'The next checks use them.',
      })
    } catch (cause) {
      const error = toAppError(cause)
      const found = error.code === 'VALIDATION' ? targetErrorsFrom(error.details) : null
      setErrors(found?.fields ?? {})
      setFormError(
        found
          ? found.other.length > 0
            ? found.other.join(' ')
            : 'Correct the highlighted fields.'
          : error.message,
      )
    } finally {
      setSaving(false)
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} aria-label="Platform targets" noValidate>
      <SettingsSection title="Platform targets">
        <Text size="sm" c="dimmed">
          After a proxy passes its check, these pages are fetched through it: by default those of
          the platforms whose accounts are on the proxy, and the custom check for every proxy. A
          page is reached when its status is in the range and, if a keyword is set, the page
          contains it. Redirects are not followed, so a redirect to a login or challenge page counts
          as blocked.
        </Text>
        {targetKeys.map((key) => (
          <TargetFields
            key={key}
            name={label(key)}
            value={values[key]}
            errors={errors[key] ?? {}}
            onChange={(field, value) => change(key, field, value)}
          />
        ))}
        {formError && (
          <Alert color="red" icon={<IconAlertTriangle size={16} />} title="Not saved">
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
            Discard
          </Button>
          <Button
            type="submit"
            leftSection={<IconDeviceFloppy size={16} />}
            disabled={!dirty}
            loading={saving}
          >
            Save targets
          </Button>
        </Group>
      </SettingsSection>
    </form>
  )
}

interface TargetFieldsProps {
  name: string
  value: TargetDraft
  errors: Partial<Record<keyof TargetDraft, string>>
  onChange: <F extends keyof TargetDraft>(field: F, value: TargetDraft[F]) => void
}

// clampBehavior "none": out-of-range numbers go to main, whose schema is the one judge of validity.
function TargetFields({ name, value, errors, onChange }: TargetFieldsProps) {
  return (
    <Stack gap={6} role="group" aria-label={`${name} target`}>
      <Switch
        label={name}
        checked={value.enabled}
        onChange={(event) => onChange('enabled', event.currentTarget.checked)}
      />
      <Group align="flex-start" gap="xs" wrap="nowrap">
        <TextInput
          aria-label={`${name} URL`}
          placeholder="https://"
          spellCheck={false}
          style={{ flex: 3 }}
          value={value.url}
          error={errors.url}
          disabled={!value.enabled}
          onChange={(event) => onChange('url', event.currentTarget.value)}
        />
        <NumberInput
          aria-label={`${name} lowest expected status`}
          style={{ flex: 1 }}
          min={100}
          max={599}
          clampBehavior="none"
          allowDecimal={false}
          allowNegative={false}
          value={value.minStatus}
          error={errors.minStatus}
          disabled={!value.enabled}
          onChange={(next) => onChange('minStatus', next)}
        />
        <NumberInput
          aria-label={`${name} highest expected status`}
          style={{ flex: 1 }}
          min={100}
          max={599}
          clampBehavior="none"
          allowDecimal={false}
          allowNegative={false}
          value={value.maxStatus}
          error={errors.maxStatus}
          disabled={!value.enabled}
          onChange={(next) => onChange('maxStatus', next)}
        />
        <TextInput
          aria-label={`${name} keyword`}
          placeholder="Keyword (optional)"
          spellCheck={false}
          style={{ flex: 2 }}
          value={value.keyword}
          error={errors.keyword}
          disabled={!value.enabled}
          onChange={(event) => onChange('keyword', event.currentTarget.value)}
        />
      </Group>
    </Stack>
  )
}
