import { Input, SegmentedControl } from '@mantine/core'
import type { Settings } from '../../../../shared/settings'
import type { SectionProps } from './field-props'
import { SettingsSection } from './SettingsSection'

const themes: { label: string; value: Settings['theme'] }[] = [
  { label: 'Light', value: 'light' },
  { label: 'Dark', value: 'dark' },
  { label: 'Follow system', value: 'auto' },
]

export function AppearanceSection({ values, errors, onChange }: SectionProps) {
  return (
    <SettingsSection title="Appearance">
      <Input.Wrapper
        label="Theme"
        labelElement="div"
        id="settings-theme"
        description="The header's sun/moon button switches between light and dark too."
        error={errors.theme}
      >
        <SegmentedControl
          mt={6}
          aria-labelledby="settings-theme-label"
          data={themes}
          value={values.theme}
          onChange={(value) => onChange('theme', value as Settings['theme'])}
        />
      </Input.Wrapper>
    </SettingsSection>
  )
}
