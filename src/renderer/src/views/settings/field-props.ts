import type { FieldErrors, FieldName, FormValues } from './settings-draft'

/** What every settings section receives: current values, errors from main, a change callback. */
export interface SectionProps {
  values: FormValues
  errors: FieldErrors
  onChange: <K extends FieldName>(field: K, value: FormValues[K]) => void
}
