import { NumberInput, SegmentedControl, Stack, Text } from '@mantine/core'
import type { SectionProps } from './field-props'
import { SettingsSection } from './SettingsSection'

/** The isolation guard: how long an exit counts and what "the same exit" means. */
export function IsolationSection({ values, errors, onChange }: SectionProps) {
  return (
    <SettingsSection title="Exit isolation">
      <NumberInput
        label="Exit window (days)"
        description="How long an exit IP a proxy answered from still counts when ProxyDeck keeps models apart (1–365)."
        min={1}
        max={365}
        clampBehavior="none"
        allowDecimal={false}
        allowNegative={false}
        value={values.exitWindowDays}
        error={errors.exitWindowDays}
        onChange={(value) => onChange('exitWindowDays', value)}
      />
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          Two proxies collide when they share
        </Text>
        <SegmentedControl
          aria-label="Exit match"
          value={values.exitMatch}
          onChange={(value) => onChange('exitMatch', value as typeof values.exitMatch)}
          data={[
            { value: 'ip', label: 'The exact exit IP' },
            { value: 'net', label: 'The same /24 (IPv4) or /48 (IPv6)' },
          ]}
        />
        {errors.exitMatch && (
          <Text size="xs" c="red">
            {errors.exitMatch}
          </Text>
        )}
      </Stack>
    </SettingsSection>
  )
}
