import { NumberInput } from '@mantine/core'
import type { SectionProps } from './field-props'
import { SettingsSection } from './SettingsSection'
import { SettingSwitch } from './SettingSwitch'

export function MonitorSection({ values, errors, onChange }: SectionProps) {
  return (
    <SettingsSection title="Health monitor">
      <SettingSwitch
        field="monitorEnabled"
        label="Monitor proxies in the background"
        description="Re-check every proxy on a schedule and raise a notification when one changes state."
        values={values}
        errors={errors}
        onChange={onChange}
      />
      <NumberInput
        label="Monitor interval"
        description="Minutes between two monitoring rounds (1–1,440)."
        suffix=" min"
        min={1}
        max={1_440}
        clampBehavior="none"
        allowDecimal={false}
        allowNegative={false}
        value={values.monitorIntervalMinutes}
        error={errors.monitorIntervalMinutes}
        onChange={(value) => onChange('monitorIntervalMinutes', value)}
      />
      <NumberInput
        label="Failures before error"
        description="Consecutive failed checks that mark a proxy as error (1–100)."
        min={1}
        max={100}
        clampBehavior="none"
        allowDecimal={false}
        allowNegative={false}
        value={values.failureThreshold}
        error={errors.failureThreshold}
        onChange={(value) => onChange('failureThreshold', value)}
      />
      <SettingSwitch
        field="failoverEnabled"
        label="Fail over automatically"
        description="When a proxy goes to error, move its accounts to a healthy proxy for the same model."
        values={values}
        errors={errors}
        onChange={onChange}
      />
    </SettingsSection>
  )
}
