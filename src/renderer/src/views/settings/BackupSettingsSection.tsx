import { NumberInput } from '@mantine/core'
import type { SectionProps } from './field-props'
import { SettingsSection } from './SettingsSection'

export function BackupSettingsSection({ values, errors, onChange }: SectionProps) {
  return (
    <SettingsSection title="Backups">
      <NumberInput
        label="Backups to keep"
        description="Of each kind (daily, before an update, before a restore, manual), the newest are kept (1–365)."
        min={1}
        max={365}
        clampBehavior="none"
        allowDecimal={false}
        allowNegative={false}
        value={values.backupsKeep}
        error={errors.backupsKeep}
        onChange={(value) => onChange('backupsKeep', value)}
      />
    </SettingsSection>
  )
}
