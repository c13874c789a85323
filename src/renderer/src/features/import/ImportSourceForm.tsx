import { Button, Checkbox, FileButton, Group, Select, Stack, Text, Textarea } from '@mantine/core'
import { IconFileUpload, IconFolderOpen } from '@tabler/icons-react'
import { useState } from 'react'
import { proxySchemes, type ProxyScheme } from '../../../../shared/import-types'
import type { ProviderDto } from '../../../../shared/contracts/dto'
import { useTransportKind } from '../../api'
import { formatBytes, formatCount } from '../../lib/format'

export type ImportFormatChoice = 'auto' | 'lines' | 'csv' | 'json'

export interface ImportSource {
  text: string
  fileName: string | null
  format: ImportFormatChoice
  defaultProtocol: ProxyScheme
  providerId: number | null
  /** Check each new row before storing it and keep the protocol that works. */
  detectProtocol: boolean
}

const formatOptions = [
  { value: 'auto', label: 'Detect automatically' },
  { value: 'lines', label: 'One proxy per line' },
  { value: 'csv', label: 'CSV with a header row' },
  { value: 'json', label: 'JSON array' },
]

const protocolLabels: Record<ProxyScheme, string> = {
  http: 'HTTP',
  https: 'HTTPS',
  socks4: 'SOCKS4',
  socks5: 'SOCKS5',
  socks5h: 'SOCKS5 with remote DNS',
}

interface ImportSourceFormProps {
  value: ImportSource
  onChange: (patch: Partial<ImportSource>) => void
  providers: ProviderDto[]
  textError?: string
  providerError?: string
  /** Desktop only: main opens its own file dialog and previews the file. */
  onChooseFile: () => void
  disabled: boolean
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

/** Where the proxies come from and how to read lines that leave things out. */
export function ImportSourceForm(props: ImportSourceFormProps) {
  const { value, onChange, providers, textError, providerError, onChooseFile, disabled } = props
  const desktop = useTransportKind() === 'electron'
  const lines = value.text ? value.text.split('\n').filter((line) => line.trim()).length : 0

  const [uploadError, setUploadError] = useState<string | null>(null)

  async function readFile(file: File | null) {
    if (!file) return
    try {
      // Not file.text(): it replaces bytes that are not UTF-8 with U+FFFD, silently.
      const text = strictUtf8.decode(await file.arrayBuffer())
      setUploadError(null)
      onChange({ text, fileName: file.name })
    } catch {
      setUploadError(`${file.name} is not UTF-8 text: save it as UTF-8 and try again.`)
    }
  }

  return (
    <Stack gap="md">
      <Textarea
        label="Proxy list"
        description="Paste proxies, one per line (host:port:user:pass, user:pass@host:port or protocol://user:pass@host:port), a CSV with a header, or a JSON array."
        placeholder={'1.2.3.4:8080:user:secret\nsocks5://user:secret@5.6.7.8:1080'}
        autosize
        minRows={8}
        maxRows={14}
        value={value.text}
        onChange={(event) => {
          setUploadError(null)
          onChange({ text: event.currentTarget.value, fileName: null })
        }}
        error={textError ?? uploadError}
        disabled={disabled}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
      />
      <Group justify="space-between" gap="xs">
        <Group gap="xs">
          <FileButton
            onChange={(file) => void readFile(file)}
            accept=".txt,.csv,.json,text/*,application/json"
          >
            {(fileProps) => (
              <Button
                {...fileProps}
                variant="default"
                size="xs"
                leftSection={<IconFileUpload size={14} />}
                disabled={disabled}
              >
                Upload file…
              </Button>
            )}
          </FileButton>
          {desktop && (
            <Button
              variant="default"
              size="xs"
              leftSection={<IconFolderOpen size={14} />}
              onClick={onChooseFile}
              disabled={disabled}
            >
              Choose file…
            </Button>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {value.fileName ? `${value.fileName} · ` : ''}
          {formatCount(lines)} {lines === 1 ? 'line' : 'lines'} · {formatBytes(value.text.length)}
        </Text>
      </Group>
      <Group grow align="flex-start">
        <Select
          label="Format"
          description="How to read the list"
          data={formatOptions}
          value={value.format}
          allowDeselect={false}
          onChange={(format) => format && onChange({ format: format as ImportFormatChoice })}
          disabled={disabled}
        />
        <Select
          label="Default protocol"
          description="For lines that name none"
          data={proxySchemes.map((scheme) => ({ value: scheme, label: protocolLabels[scheme] }))}
          value={value.defaultProtocol}
          allowDeselect={false}
          onChange={(scheme) => scheme && onChange({ defaultProtocol: scheme as ProxyScheme })}
          disabled={disabled}
        />
        <Select
          label="Provider"
          description="For lines that name none"
          placeholder={providers.length ? 'Choose a provider' : 'Add a provider first'}
          data={providers.map((provider) => ({ value: String(provider.id), label: provider.name }))}
          value={value.providerId === null ? null : String(value.providerId)}
          onChange={(id) => onChange({ providerId: id === null ? null : Number(id) })}
          error={providerError}
          searchable
          disabled={disabled}
        />
      </Group>
      <Checkbox
        label="Detect the protocol of each new proxy before storing it"
        description="Real checks (its own protocol first, then HTTP, SOCKS5, SOCKS4); each keeps the first that works. Up to 1,000 new rows."
        checked={value.detectProtocol}
        onChange={(event) => onChange({ detectProtocol: event.currentTarget.checked })}
        disabled={disabled}
      />
    </Stack>
  )
}
