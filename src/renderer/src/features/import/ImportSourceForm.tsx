import {
  Button,
  Checkbox,
  FileButton,
  Group,
  Input,
  Select,
  Stack,
  Text,
  Textarea,
} from '@mantine/core'
import { IconFileUpload, IconFolderOpen } from '@tabler/icons-react'
import { startTransition, useState, type ClipboardEvent } from 'react'
import { proxySchemes, type ProxyScheme } from '../../../../shared/import-types'
import type { ProviderDto } from '../../../../shared/contracts/dto'
import { useTransportKind } from '../../api'
import { formatBytes, formatCount } from '../../lib/format'
import { HeldInputCard, type ReadingState } from './HeldInputCard'
import {
  holdText,
  LARGE_INPUT_CHARS,
  readFileHeld,
  type HeldInput,
  type HeldSummary,
} from './large-input'

export type ImportFormatChoice = 'auto' | 'lines' | 'csv' | 'json'

export interface ImportSource {
  /** What the textarea holds; empty while a large list is held (`held`). */
  text: string
  fileName: string | null
  /** A list too large for the textarea: its summary (the modal keeps its pieces). */
  held: HeldSummary | null
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
  /** A large paste or file read into pieces; null clears it. */
  onHold: (held: HeldInput | null) => void
  disabled: boolean
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

const listDescription =
  'Paste proxies, one per line (host:port:user:pass, user:pass@host:port or protocol://user:pass@host:port), a CSV with a header, or a JSON array.'

const notUtf8 = (name: string) => `${name} is not UTF-8 text: save it as UTF-8 and try again.`

/** Where the proxies come from and how to read lines that leave things out. */
export function ImportSourceForm(props: ImportSourceFormProps) {
  const { value, onChange, providers, textError, providerError, onChooseFile, onHold } = props
  const desktop = useTransportKind() === 'electron'
  const lines = value.text ? value.text.split('\n').filter((line) => line.trim()).length : 0

  const [uploadError, setUploadError] = useState<string | null>(null)
  const [reading, setReading] = useState<ReadingState | null>(null)
  const disabled = props.disabled || reading !== null

  async function readFile(file: File | null) {
    if (!file) return
    if (file.size >= LARGE_INPUT_CHARS) {
      await readLargeFile(file)
      return
    }
    try {
      // Not file.text(): it replaces bytes that are not UTF-8 with U+FFFD, silently.
      const text = strictUtf8.decode(await file.arrayBuffer())
      setUploadError(null)
      onHold(null)
      onChange({ text, fileName: file.name })
    } catch {
      setUploadError(notUtf8(file.name))
    }
  }

  async function readLargeFile(file: File) {
    setUploadError(null)
    setReading({ what: file.name, done: 0, total: file.size })
    try {
      const held = await readFileHeld(file, (done) =>
        startTransition(() => setReading({ what: file.name, done, total: file.size })),
      )
      startTransition(() => {
        onHold(held)
        setReading(null)
      })
    } catch {
      setUploadError(notUtf8(file.name))
      setReading(null)
    }
  }

  /** Text too large for the textarea is held in pieces instead of becoming its value. */
  async function hold(text: string) {
    setUploadError(null)
    // Transitions: the card replacing the textarea renders in slices, between paints.
    startTransition(() => setReading({ what: 'the pasted list', done: 0, total: text.length }))
    try {
      const held = await holdText(text, null)
      startTransition(() => {
        onHold(held)
        setReading(null)
      })
    } catch (error) {
      setReading(null)
      throw error
    }
  }

  function pasteLarge(event: ClipboardEvent<HTMLTextAreaElement | HTMLDivElement>) {
    // The card stays focusable while a preview sends its pieces: nothing may replace them then.
    if (disabled) {
      event.preventDefault()
      return
    }
    const pasted = event.clipboardData.getData('text/plain')
    const area = event.currentTarget instanceof HTMLTextAreaElement ? event.currentTarget : null
    const before = area ? area.value.slice(0, area.selectionStart) : ''
    const after = area ? area.value.slice(area.selectionEnd) : ''
    // Small enough: the browser inserts it as usual (the card, though, always replaces).
    if (area && before.length + pasted.length + after.length < LARGE_INPUT_CHARS) return
    event.preventDefault()
    // Reading the clipboard was this task's work; the dialog renders the summary in the next one.
    if (pasted) setTimeout(() => void hold(before + pasted + after), 0)
  }

  return (
    <Stack gap="md">
      {value.held || reading ? (
        <Input.Wrapper
          label="Proxy list"
          description={listDescription}
          error={textError ?? uploadError}
        >
          <HeldInputCard
            held={value.held}
            reading={reading}
            onClear={() => onHold(null)}
            onPaste={pasteLarge}
            disabled={disabled}
          />
        </Input.Wrapper>
      ) : (
        <Textarea
          label="Proxy list"
          description={listDescription}
          placeholder={'1.2.3.4:8080:user:secret\nsocks5://user:secret@5.6.7.8:1080'}
          autosize
          minRows={8}
          maxRows={14}
          value={value.text}
          onPaste={pasteLarge}
          onChange={(event) => {
            setUploadError(null)
            const text = event.currentTarget.value
            // A drop or a script can fill it past the limit without a paste.
            if (text.length >= LARGE_INPUT_CHARS) void hold(text)
            else onChange({ text, fileName: null })
          }}
          error={textError ?? uploadError}
          disabled={disabled}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
        />
      )}
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
        {!value.held && !reading && (
          <Text size="xs" c="dimmed">
            {value.fileName ? `${value.fileName} · ` : ''}
            {formatCount(lines)} {lines === 1 ? 'line' : 'lines'} · {formatBytes(value.text.length)}
          </Text>
        )}
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
