import { Switch } from '@mantine/core'
import type { SectionProps } from './field-props'
import type { FieldName, FormValues } from './settings-draft'

type BooleanField = { [K in FieldName]: FormValues[K] extends boolean ? K : never }[FieldName]

/** A yes/no setting: label, what it does, main's error under it. */
export function SettingSwitch({
  field,
  label,
  description,
  values,
  errors,
  onChange,
}: SectionProps & { field: BooleanField; label: string; description: string }) {
  return (
    <Switch
      label={label}
      description={description}
      checked={values[field]}
      error={errors[field]}
      onChange={(event) => onChange(field, event.currentTarget.checked)}
    />
  )
}
