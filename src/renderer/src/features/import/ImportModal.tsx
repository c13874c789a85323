import { Button, Group, Modal, SegmentedControl, Stack, Text } from '@mantine/core'
import { startTransition, useEffect, useRef, useState } from 'react'
import type { ImportCommitResult, ImportPreview } from '../../../../shared/contracts/import'
import type { AppError } from '../../../../shared/errors'
import { toAppError, useApi, useQuery } from '../../api'
import { ErrorAlert, fieldErrors } from '../../components'
import { formatCount } from '../../lib/format'
import { useNotify } from '../../shell/notices'
import { importNotice } from './import-notice'
import { ImportPreviewPanel } from './ImportPreviewPanel'
import { ImportResult } from './ImportResult'
import {
  conflictInput,
  ImportConflictsCard,
  noConflictChoices,
  type ConflictResolution,
} from './ImportConflictsCard'
import { ImportProgressBar } from './ImportProgressBar'
import { ImportSourceForm, type ImportSource } from './ImportSourceForm'
import { uploadHeld, type HeldInput } from './large-input'

interface ImportModalProps {
  opened: boolean
  onClose: () => void
  /** After a commit stored or updated anything: refresh the lists. */
  onImported: (result: ImportCommitResult) => void
  /** Preselected provider (e.g. the Proxies view's provider filter). */
  defaultProviderId?: number | null
}

type Step = 'source' | 'previewing' | 'preview' | 'committing' | 'done'

const emptySource: ImportSource = {
  text: '',
  fileName: null,
  held: null,
  format: 'auto',
  defaultProtocol: 'http',
  providerId: null,
  detectProtocol: false,
}

/** Paste or pick a list, preview what it holds, then store it in one go. */
export function ImportModal({ opened, onClose, onImported, defaultProviderId }: ImportModalProps) {
  const client = useApi()
  // Asked when the dialog opens: a closed one is mounted with its view and must not add a
  // providers:list (a GROUP BY over every proxy) ahead of the view's own page.
  const providers = useQuery('providers:list', undefined, { skip: !opened })
  const notify = useNotify()
  const [source, setSource] = useState<ImportSource>(emptySource)
  const [step, setStep] = useState<Step>('source')
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [duplicates, setDuplicates] = useState<'skip' | 'update'>('skip')
  const [conflicts, setConflicts] = useState<ConflictResolution>(noConflictChoices)
  const [result, setResult] = useState<ImportCommitResult | null>(null)
  const [error, setError] = useState<AppError>()
  // A large list's pieces: outside React state, so no render copies or compares them.
  const heldPieces = useRef<readonly string[]>([])
  const [sending, setSending] = useState<{ done: number; total: number } | null>(null)
  const busy = step === 'previewing' || step === 'committing'

  useEffect(() => {
    // A closed dialog gives a held list's memory back.
    heldPieces.current = []
    if (!opened) return
    setSource({ ...emptySource, providerId: defaultProviderId ?? null })
    setStep('source')
    setPreview(null)
    setResult(null)
    setError(undefined)
    setDuplicates('skip')
  }, [opened, defaultProviderId])

  function hold(held: HeldInput | null) {
    heldPieces.current = held?.pieces ?? []
    setSource((current) => ({
      ...current,
      text: '',
      fileName: held?.fileName ?? null,
      held: held && { lines: held.lines, chars: held.chars, fileName: held.fileName },
    }))
  }

  // Updates that follow a large list (pieces sent, the preview's panel) render as transitions:
  // React renders them in slices and the window paints between, where one render of the whole
  // dialog is otherwise a single task of 100-500 ms on a busy machine.
  const later = (update: () => void) => startTransition(update)

  /** A held list goes to main in pieces first (the window paints between them). */
  async function uploadedSource() {
    const total = source.held?.chars ?? 0
    setSending({ done: 0, total })
    // Each render of the dialog is garbage for the collector too: a few per second are plenty.
    let shownAt = 0
    try {
      const uploadId = await uploadHeld(client, heldPieces.current, (done) => {
        if (performance.now() - shownAt < 150) return
        shownAt = performance.now()
        later(() => setSending({ done, total }))
      })
      return { source: 'upload' as const, uploadId }
    } finally {
      setSending(null)
    }
  }

  async function runPreview(fromDialog: boolean) {
    setError(undefined)
    setStep('previewing')
    const options = { format: source.format, defaultProtocol: source.defaultProtocol, pageSize: 25 }
    const fileName = source.fileName ? { fileName: source.fileName } : {}
    try {
      const answer = await client.call(
        'import:preview',
        fromDialog
          ? { source: 'dialog', ...options }
          : source.held
            ? { ...(await uploadedSource()), ...fileName, ...options }
            : { source: 'text', text: source.text, ...fileName, ...options },
      )
      later(() => {
        setPreview(answer)
        setConflicts(noConflictChoices)
        setStep('preview')
      })
    } catch (cause) {
      const appError = toAppError(cause)
      if (appError.code !== 'CANCELLED') setError(appError)
      setStep('source')
    }
  }

  async function discard() {
    const id = preview?.importId
    setPreview(null)
    if (id) await client.call('import:discard', { importId: id }).catch(() => undefined)
  }

  async function commit() {
    if (!preview) return
    setError(undefined)
    setStep('committing')
    try {
      const answer = await client.call('import:commit', {
        importId: preview.importId,
        duplicates,
        ...(preview.conflicts > 0 ? conflictInput(conflicts) : {}),
        ...(source.detectProtocol ? { detectProtocol: true } : {}),
        ...(source.providerId !== null ? { providerId: source.providerId } : {}),
      })
      setResult(answer)
      setPreview(null)
      setStep('done')
      notify(importNotice(answer, source.providerId))
      if (answer.inserted + answer.updated > 0) {
        onImported(answer)
        providers.refresh()
      }
    } catch (cause) {
      setError(toAppError(cause))
      setStep('preview')
    }
  }

  function close() {
    if (busy) return
    if (preview) void discard()
    onClose()
  }

  const issues = fieldErrors(error)
  const storable = preview
    ? preview.counts.new + (duplicates === 'update' ? preview.counts.duplicateOfStored : 0)
    : 0

  return (
    <Modal
      opened={opened}
      onClose={close}
      size="xl"
      title={<Text fw={650}>Import proxies</Text>}
      closeButtonProps={{ 'aria-label': 'Close import' }}
      closeOnClickOutside={false}
    >
      <Stack gap="md">
        {(step === 'source' || step === 'previewing') && (
          <ImportSourceForm
            value={source}
            onChange={(patch) => setSource((current) => ({ ...current, ...patch }))}
            providers={providers.data ?? []}
            textError={issues.text}
            providerError={issues.providerId}
            onChooseFile={() => void runPreview(true)}
            onHold={hold}
            disabled={busy}
          />
        )}
        {(step === 'preview' || step === 'committing') && preview && (
          <>
            <ImportPreviewPanel preview={preview} />
            {preview.conflicts > 0 && (
              <ImportConflictsCard
                importId={preview.importId}
                conflicts={preview.conflicts}
                value={conflicts}
                onChange={setConflicts}
                disabled={busy}
              />
            )}
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                Proxies already stored
              </Text>
              <SegmentedControl
                value={duplicates}
                onChange={(value) => setDuplicates(value as 'skip' | 'update')}
                disabled={busy}
                aria-label="Proxies already stored"
                data={[
                  { value: 'skip', label: 'Skip them' },
                  { value: 'update', label: 'Update them from the list' },
                ]}
              />
            </Stack>
          </>
        )}
        {busy && (
          <ImportProgressBar
            importId={step === 'committing' ? (preview?.importId ?? null) : null}
            sending={sending}
            idle={step === 'previewing' ? 'Reading the list…' : 'Saving proxies…'}
          />
        )}
        {step === 'done' && result && <ImportResult result={result} />}
        <ErrorAlert
          error={error}
          title={step === 'source' ? 'Cannot preview this list' : 'Import failed'}
          hideIssues={step === 'source' && Boolean(issues.text || issues.providerId)}
        />
        <Group justify="flex-end" gap="sm">
          {step === 'done' ? (
            <Button onClick={onClose}>Done</Button>
          ) : (
            <>
              {(step === 'preview' || step === 'committing') && (
                <Button
                  variant="subtle"
                  mr="auto"
                  disabled={busy}
                  onClick={() => {
                    void discard()
                    setStep('source')
                  }}
                >
                  Back
                </Button>
              )}
              <Button variant="default" onClick={close} disabled={busy}>
                Cancel
              </Button>
              {step === 'source' || step === 'previewing' ? (
                <Button
                  onClick={() => void runPreview(false)}
                  loading={step === 'previewing'}
                  disabled={!source.held && !source.text.trim()}
                >
                  Preview
                </Button>
              ) : (
                <Button
                  color="teal"
                  onClick={() => void commit()}
                  loading={step === 'committing'}
                  disabled={storable === 0}
                >
                  Import {formatCount(storable)} {storable === 1 ? 'proxy' : 'proxies'}
                </Button>
              )}
            </>
          )}
        </Group>
      </Stack>
    </Modal>
  )
}
