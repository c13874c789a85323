import { NumberInput, Textarea, TextInput } from '@mantine/core'
import type { SectionProps } from './field-props'
import { SettingSwitch } from './SettingSwitch'
import { SettingsSection } from './SettingsSection'

// clampBehavior "none": out-of-range numbers go to main, whose schema is the one judge of validity.
export function ChecksSection({ values, errors, onChange }: SectionProps) {
  return (
    <SettingsSection title="Proxy checks">
      <NumberInput
        label="Check timeout"
        description="How long one check may take before it counts as a timeout (1,000–120,000 ms)."
        suffix=" ms"
        step={1_000}
        min={1_000}
        max={120_000}
        clampBehavior="none"
        allowDecimal={false}
        allowNegative={false}
        value={values.checkTimeoutMs}
        error={errors.checkTimeoutMs}
        onChange={(value) => onChange('checkTimeoutMs', value)}
      />
      <NumberInput
        label="Concurrent checks"
        description="How many proxies are tested at the same time (1–1,024)."
        min={1}
        max={1_024}
        clampBehavior="none"
        allowDecimal={false}
        allowNegative={false}
        value={values.checkConcurrency}
        error={errors.checkConcurrency}
        onChange={(value) => onChange('checkConcurrency', value)}
      />
      <Textarea
        label="Judge URLs"
        description="Services that echo the exit IP, one http(s) URL per line (1–10), tried in order."
        autosize
        minRows={2}
        maxRows={8}
        spellCheck={false}
        value={values.judges}
        error={errors.judges}
        onChange={(event) => onChange('judges', event.currentTarget.value)}
      />
      <TextInput
        label="Anonymity judge"
        description="A plain-http service that echoes the request headers it received (like httpbin's /get), asked through HTTP proxies for their anonymity level when the judges above are https. Leave empty for none: the level then stays unknown."
        spellCheck={false}
        placeholder="http://httpbin.org/get?show_env=1"
        value={values.anonymityJudge}
        error={errors.anonymityJudge}
        onChange={(event) => onChange('anonymityJudge', event.currentTarget.value)}
      />
      <NumberInput
        label="Check results kept per proxy"
        description="Older results beyond this count are deleted (1–10,000)."
        min={1}
        max={10_000}
        clampBehavior="none"
        allowDecimal={false}
        allowNegative={false}
        value={values.checkRetentionPerProxy}
        error={errors.checkRetentionPerProxy}
        onChange={(value) => onChange('checkRetentionPerProxy', value)}
      />
      <SettingSwitch
        field="askJudgesDirectly"
        label="Ask the judges directly when a proxy reaches none"
        description="Tells a proxy whose own connection is down (a failure) from judges that are down (not counted). The judges then see this computer's address."
        values={values}
        errors={errors}
        onChange={onChange}
      />
    </SettingsSection>
  )
}
