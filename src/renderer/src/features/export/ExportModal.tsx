import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  Radio,
  Select,
  Stack,
  Switch,
  Text,
} from '@mantine/core'
import { IconAlertTriangle, IconDownload } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import type { z } from 'zod'
import type { ProxyExportFormat, proxyExportScope } from '../../../../shared/contracts/export'
import type { InputOf } from '../../../../shared/contracts'
import { exportLineShapes, type ExportLineShape } from '../../../../shared/import-types'
import { useApi } from '../../api'
import { ErrorAlert } from '../../components'
import { formatCount } from '../../lib/format'
import { useExport } from './use-export'

type ProxyListFilters = Omit<
  NonNullable<InputOf<'proxies:list'>>,
  'page' | 'pageSize' | 'sortBy' | 'sortDir'
>
type ScopeKind = 'ids' | 'filter' | 'all'

interface ExportModalProps {
  opened: boolean
  onClose: () => void
  /** The table's selection; the "selected" scope is offered only when there is one. */
  selectedIds: number[]
  /** The list's current filters; the "filter" scope is offered only when any is set. */
  filter: ProxyListFilters
  /** Proxies the filter matches, for the label (optional). */
  filteredCount?: number
  /**
   * "All N matching" in the table: the "selected" scope is that filter less its unticked rows,
   * resolved in main; `count` labels it.
   */
  selectedMatching?: { filter: ProxyListFilters; exceptIds?: number[]; count: number } | null
}

const formatLabels: Record<ProxyExportFormat, string> = {
  txt: 'Text, one proxy per line',
  csv: 'CSV (spreadsheets, re-import), with status, last check, exit IP, latency, cost and model',
  json: 'JSON',
}

const shapeLabels: Record<ExportLineShape, string> = {
  auto: 'Keep the protocol (host:port:user:pass for http, URL for the rest)',
  'host:port:user:pass': 'host:port:user:pass',
  'user:pass@host:port': 'user:pass@host:port',
  'protocol://user:pass@host:port': 'protocol://user:pass@host:port',
}

const noProtocol = 'Carries no protocol: import it with the same default protocol.'
const shapeHints: Record<ExportLineShape, string> = {
  auto: 'Every line reads back with its own protocol (socks5://…, https://…).',
  'host:port:user:pass': noProtocol,
  'user:pass@host:port': noProtocol,
  'protocol://user:pass@host:port': 'Every line names its protocol.',
}

/** Exports proxies as txt, CSV or JSON; passwords only after an explicit confirmation. */
export function ExportModal(props: ExportModalProps) {
  const { opened, onClose, selectedIds, filter, filteredCount, selectedMatching } = props
  const selectedCount = selectedMatching?.count ?? selectedIds.length
  const client = useApi()
  const exporter = useExport({ one: 'proxy', many: 'proxies' })
  const filtered = Object.keys(filter).length > 0
  const [scope, setScope] = useState<ScopeKind>('all')
  const [format, setFormat] = useState<ProxyExportFormat>('txt')
  const [lineShape, setLineShape] = useState<ExportLineShape>('auto')
  const [withPasswords, setWithPasswords] = useState(false)
  const [confirmed, setConfirmed] = useState(false)

  const { reset } = exporter
  useEffect(() => {
    if (!opened) return
    setScope(selectedCount ? 'ids' : filtered ? 'filter' : 'all')
    setWithPasswords(false)
    setConfirmed(false)
    reset()
    // Only on opening: the choice should not jump while the dialog is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened])

  async function submit() {
    const scopeInput: z.input<typeof proxyExportScope> =
      scope === 'ids'
        ? selectedMatching
          ? {
              kind: 'filter',
              filter: selectedMatching.filter,
              exceptIds: selectedMatching.exceptIds ?? [],
            }
          : { kind: 'ids', ids: selectedIds }
        : scope === 'filter'
          ? { kind: 'filter', filter }
          : { kind: 'all' }
    const result = await exporter.run((destination) =>
      client.call('export:proxies', {
        scope: scopeInput,
        format,
        lineShape,
        includePasswords: withPasswords,
        confirmPasswords: withPasswords && confirmed,
        destination,
      }),
    )
    if (result) onClose()
  }

  const blocked = withPasswords && !confirmed
  return (
    <Modal
      opened={opened}
      onClose={() => !exporter.loading && onClose()}
      title={<Text fw={650}>Export proxies</Text>}
      closeButtonProps={{ 'aria-label': 'Close export' }}
      size="lg"
    >
      <Stack gap="md">
        <Radio.Group
          label="Which proxies"
          value={scope}
          onChange={(value) => setScope(value as ScopeKind)}
        >
          <Stack gap={8} mt={6}>
            <Radio
              value="ids"
              label={`Selected (${formatCount(selectedCount)})`}
              disabled={selectedCount === 0}
            />
            <Radio
              value="filter"
              label={
                filteredCount === undefined
                  ? 'Matching the current filters'
                  : `Matching the current filters (${formatCount(filteredCount)})`
              }
              disabled={!filtered}
            />
            <Radio value="all" label="Every proxy" />
          </Stack>
        </Radio.Group>
        <Radio.Group
          label="Format"
          value={format}
          onChange={(value) => setFormat(value as ProxyExportFormat)}
        >
          <Stack gap={8} mt={6}>
            {(Object.keys(formatLabels) as ProxyExportFormat[]).map((value) => (
              <Radio key={value} value={value} label={formatLabels[value]} />
            ))}
          </Stack>
        </Radio.Group>
        {format === 'txt' && (
          <Select
            label="Line shape"
            description={shapeHints[lineShape]}
            data={exportLineShapes.map((shape) => ({ value: shape, label: shapeLabels[shape] }))}
            value={lineShape}
            allowDeselect={false}
            onChange={(value) => value && setLineShape(value as ExportLineShape)}
          />
        )}
        <Switch
          label="Include passwords"
          description={
            withPasswords
              ? 'On: the file has every password in plain text, next to its user name.'
              : 'Off: the file has user names but no passwords.'
          }
          checked={withPasswords}
          onChange={(event) => {
            setWithPasswords(event.currentTarget.checked)
            setConfirmed(false)
          }}
        />
        {withPasswords && (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />}>
            <Checkbox
              label="I understand the file will contain passwords in plain text"
              checked={confirmed}
              onChange={(event) => setConfirmed(event.currentTarget.checked)}
            />
          </Alert>
        )}
        <ErrorAlert error={exporter.error} title="Export failed" />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={exporter.loading}>
            Cancel
          </Button>
          <Button
            leftSection={<IconDownload size={16} />}
            onClick={() => void submit()}
            loading={exporter.loading}
            disabled={blocked}
          >
            {exporter.destination === 'dialog' ? 'Save as…' : 'Export'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
