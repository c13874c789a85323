import {
  Checkbox,
  Divider,
  Grid,
  Group,
  NumberInput,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core'
import { DateTimePicker } from '@mantine/dates'
import type { ProviderListItem } from '../../../../shared/contracts/dto'
import { proxyProtocols, proxyStatuses, type ProxyStatus } from '../../../../shared/domain'
import { MoneyInput, statusLabel } from '../../components'
import { formatCents } from '../../lib/format'
import type { ProxyDraft } from './proxy-draft'
import { ProxyPasteField } from './ProxyPasteField'

interface ProxyFormFieldsProps {
  draft: ProxyDraft
  onChange: (patch: Partial<ProxyDraft>) => void
  errors: Record<string, string>
  providers: ProviderListItem[]
  /** Edit mode: the proxy already has a password stored. */
  hasPassword: boolean | null
  onMoneyValidity: (valid: boolean) => void
}

const protocolOptions = proxyProtocols.map((value) => ({ value, label: value.toUpperCase() }))
const statusOptions = proxyStatuses.map((value) => ({ value, label: statusLabel(value) }))

function SectionTitle({ children }: { children: string }) {
  return (
    <Divider
      labelPosition="left"
      label={
        <Text size="xs" fw={700} tt="uppercase" c="dimmed">
          {children}
        </Text>
      }
    />
  )
}

/** Every field of proxies:create/update, laid out in three sections. */
export function ProxyFormFields(props: ProxyFormFieldsProps) {
  const { draft, onChange, errors, providers, hasPassword, onMoneyValidity } = props
  const editing = hasPassword !== null
  const provider = providers.find((p) => p.id === draft.providerId)
  return (
    <Stack gap="md">
      <SectionTitle>Connection</SectionTitle>
      <ProxyPasteField providers={providers} onFill={onChange} />
      <Select
        label="Provider"
        required
        searchable
        placeholder="Choose a provider"
        data={providers.map((p) => ({ value: String(p.id), label: p.name }))}
        value={draft.providerId === null ? null : String(draft.providerId)}
        onChange={(value) => onChange({ providerId: value ? Number(value) : null })}
        error={errors.providerId}
        nothingFoundMessage="No provider by that name"
      />
      <Group grow align="flex-start">
        <Select
          label="Protocol"
          required
          allowDeselect={false}
          data={protocolOptions}
          value={draft.protocol}
          onChange={(value) => value && onChange({ protocol: value as ProxyDraft['protocol'] })}
          error={errors.protocol}
        />
        <Select
          label="Status"
          allowDeselect={false}
          data={statusOptions}
          value={draft.status}
          onChange={(value) => value && onChange({ status: value as ProxyStatus })}
          error={errors.status}
        />
      </Group>
      {draft.protocol === 'socks5' && (
        <Switch
          label="Resolve host names on the proxy (socks5h)"
          checked={draft.remoteDns}
          onChange={(event) => onChange({ remoteDns: event.currentTarget.checked })}
        />
      )}
      <Grid gutter="md">
        <Grid.Col span={8}>
          <TextInput
            label="Host"
            required
            placeholder="203.0.113.7 or gate.example.com"
            value={draft.host}
            onChange={(event) => onChange({ host: event.currentTarget.value })}
            error={errors.host}
          />
        </Grid.Col>
        <Grid.Col span={4}>
          <NumberInput
            label="Port"
            required
            placeholder="8080"
            hideControls
            allowDecimal={false}
            allowNegative={false}
            value={draft.port}
            onChange={(value) => onChange({ port: value })}
            error={errors.port}
          />
        </Grid.Col>
      </Grid>
      <Group grow align="flex-start">
        <TextInput
          label="Username"
          placeholder="None (IP-whitelisted)"
          autoComplete="off"
          value={draft.username}
          onChange={(event) => onChange({ username: event.currentTarget.value })}
          error={errors.username}
        />
        <PasswordInput
          label={editing ? 'New password' : 'Password'}
          placeholder={editing && hasPassword ? 'Unchanged' : 'None'}
          autoComplete="new-password"
          description={editing && hasPassword ? 'Leave empty to keep the stored one' : undefined}
          value={draft.password}
          disabled={draft.clearPassword}
          onChange={(event) => onChange({ password: event.currentTarget.value })}
          error={errors.password}
        />
      </Group>
      {editing && hasPassword && (
        <Checkbox
          label="Clear the stored password"
          checked={draft.clearPassword}
          onChange={(event) =>
            onChange({ clearPassword: event.currentTarget.checked, password: '' })
          }
        />
      )}

      <SectionTitle>Capacity and cost</SectionTitle>
      <SimpleGrid cols={2}>
        <NumberInput
          label="Max accounts"
          required
          min={1}
          max={1000}
          allowDecimal={false}
          allowNegative={false}
          value={draft.maxAccounts}
          onChange={(value) => onChange({ maxAccounts: value })}
          error={errors.maxAccounts}
        />
        <MoneyInput
          label="Monthly cost override"
          value={draft.monthlyCostOverrideCents}
          placeholder={provider ? formatCents(provider.monthlyCostPerProxyCents).slice(1) : '0.00'}
          description={
            provider
              ? `Empty: the provider's ${formatCents(provider.monthlyCostPerProxyCents)}`
              : "Empty: the provider's price"
          }
          onChange={(cents, { valid }) => {
            onMoneyValidity(valid)
            onChange({ monthlyCostOverrideCents: cents })
          }}
          error={errors.monthlyCostOverrideCents}
        />
      </SimpleGrid>

      <SectionTitle>Details</SectionTitle>
      <Grid gutter="md">
        <Grid.Col span={8}>
          <TextInput
            label="Location"
            placeholder="US-California"
            value={draft.location}
            onChange={(event) => onChange({ location: event.currentTarget.value })}
            error={errors.location}
          />
        </Grid.Col>
        <Grid.Col span={4}>
          <TextInput
            label="Country"
            placeholder="US"
            maxLength={2}
            value={draft.country}
            onChange={(event) => onChange({ country: event.currentTarget.value.toUpperCase() })}
            error={errors.country}
          />
        </Grid.Col>
      </Grid>
      <TagsInput
        label="Tags"
        placeholder="Type a tag and press Enter"
        value={draft.tags}
        onChange={(tags) => onChange({ tags })}
        error={errors.tags}
        clearable
      />
      <DateTimePicker
        label="Expires"
        placeholder="No expiry"
        clearable
        valueFormat="DD MMM YYYY HH:mm"
        value={draft.expiresAt}
        onChange={(value) => onChange({ expiresAt: value })}
        error={errors.expiresAt}
      />
      <TextInput
        label="Rotation URL"
        placeholder="https://provider.example/rotate?key=…"
        value={draft.rotationUrl}
        onChange={(event) => onChange({ rotationUrl: event.currentTarget.value })}
        error={errors.rotationUrl}
      />
      <Switch
        label="Sticky session (keeps its exit IP)"
        checked={draft.sticky}
        onChange={(event) => onChange({ sticky: event.currentTarget.checked })}
      />
      <Textarea
        label="Notes"
        autosize
        minRows={2}
        maxRows={6}
        value={draft.notes}
        onChange={(event) => onChange({ notes: event.currentTarget.value })}
        error={errors.notes}
      />
    </Stack>
  )
}
