import { Button, TextInput } from '@mantine/core'
import { IconClipboardText } from '@tabler/icons-react'
import { useState } from 'react'
import type { ParsedProxyFields } from '../../../../shared/contracts/import'
import type { ProviderListItem } from '../../../../shared/contracts/dto'
import { importReasonLabels } from '../../features/import/import-labels'
import { toAppError, useApi } from '../../api'
import type { ProxyDraft } from './proxy-draft'

/** The form fields a pasted proxy fills: what the line says, nothing it leaves out. */
export function draftPatchFromParsed(
  proxy: ParsedProxyFields,
  providers: ProviderListItem[],
): Partial<ProxyDraft> {
  const named = proxy.provider?.toLowerCase()
  const provider = named ? providers.find((p) => p.name.toLowerCase() === named) : undefined
  return {
    protocol: proxy.protocol,
    remoteDns: proxy.remoteDns,
    host: proxy.host,
    port: proxy.port,
    username: proxy.username ?? '',
    password: proxy.password ?? '',
    ...(proxy.rotationUrl ? { rotationUrl: proxy.rotationUrl } : {}),
    ...(proxy.location ? { location: proxy.location } : {}),
    ...(proxy.country ? { country: proxy.country } : {}),
    ...(proxy.tags.length ? { tags: proxy.tags } : {}),
    ...(proxy.notes ? { notes: proxy.notes } : {}),
    ...(provider ? { providerId: provider.id } : {}),
  }
}

interface Props {
  providers: ProviderListItem[]
  onFill: (patch: Partial<ProxyDraft>) => void
}

/**
 * "Paste a line": any shape the import reads (`host:port:user:pass`, `socks5://user:pass@host:port`,
 * a CSV row with its header, a JSON object...), parsed in main by the import's own parser, fills
 * the fields below. The box empties once it filled them, so the password is not left in view.
 */
export function ProxyPasteField({ providers, onFill }: Props) {
  const client = useApi()
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function fill(value: string) {
    if (!value.trim()) return
    setBusy(true)
    try {
      const answer = await client.call('import:parseLine', { text: value })
      if (!answer.ok) {
        setError(`${importReasonLabels[answer.reason]}: ${answer.message}`)
        return
      }
      setError(null)
      setText('')
      onFill(draftPatchFromParsed(answer.proxy, providers))
    } catch (cause) {
      setError(toAppError(cause).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <TextInput
      label="Paste a proxy line"
      description="Any shape the import reads; it fills the fields below."
      placeholder="socks5://user:pass@203.0.113.7:1080"
      autoComplete="off"
      spellCheck={false}
      value={text}
      error={error}
      onChange={(event) => {
        setText(event.currentTarget.value)
        setError(null)
      }}
      onPaste={(event) => {
        const pasted = event.clipboardData.getData('text')
        if (!pasted.trim()) return
        event.preventDefault()
        setText(pasted)
        void fill(pasted)
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Enter') return
        event.preventDefault()
        void fill(text)
      }}
      rightSectionWidth={76}
      rightSection={
        <Button
          size="compact-sm"
          variant="default"
          leftSection={<IconClipboardText size={14} />}
          loading={busy}
          disabled={!text.trim()}
          onClick={() => void fill(text)}
        >
          Fill
        </Button>
      }
    />
  )
}
