import { Badge, Group, Modal, Select, Stack, Table, Text, Textarea } from '@mantine/core'
import { useEffect, useState } from 'react'
import type { AccountBulkLine, AccountBulkPreview } from '../../../../shared/contracts/accounts'
import type { ModelListItem } from '../../../../shared/contracts/dto'
import { ErrorAlert, fieldErrors, FormFooter, platformLabel, useMutation } from '../../components'
import { formatCount } from '../../lib/format'
import { useNotify } from '../../shell/notices'

interface Props {
  opened: boolean
  models: ModelListItem[]
  /** The model filter of the list, else the only model, is preselected. */
  defaultModelId: number | null
  onClose: () => void
  onAdded: () => void
}

const reasonLabels: Record<Extract<AccountBulkLine, { status: 'error' }>['reason'], string> = {
  malformed_line: 'Not platform,username',
  unknown_platform: 'Unknown platform',
  invalid_username: 'Username not valid',
  repeated_line: 'Repeated line',
  already_exists: 'Already stored',
}

/** Shown at most in the preview table; the counts cover every line. */
const SHOWN_LINES = 200

/**
 * Bulk add: paste `platform,username` lines for one model, preview each line's verdict (like the
 * proxy import), then store the new ones in one step. Main judges the text again on commit.
 */
export function AccountBulkAddModal({ opened, models, defaultModelId, onClose, onAdded }: Props) {
  const preview = useMutation('accounts:bulkPreview')
  const create = useMutation('accounts:bulkCreate')
  const notify = useNotify()
  const [modelId, setModelId] = useState<number | null>(null)
  const [text, setText] = useState('')
  const [judged, setJudged] = useState<AccountBulkPreview | null>(null)
  const { reset: resetPreview } = preview
  const { reset: resetCreate } = create
  const onlyModel = models.length === 1 ? (models[0]?.id ?? null) : null

  useEffect(() => {
    if (!opened) return
    setModelId(defaultModelId ?? onlyModel)
    setText('')
    setJudged(null)
    resetPreview()
    resetCreate()
  }, [opened, defaultModelId, onlyModel, resetPreview, resetCreate])

  async function runPreview() {
    if (modelId === null) return
    const answer = await preview.run({ modelId, text })
    if (answer) setJudged(answer)
  }

  async function commit() {
    if (modelId === null) return
    const result = await create.run({ modelId, text })
    if (!result) return
    const model = models.find((m) => m.id === modelId)?.name ?? 'the model'
    notify({
      level: 'success',
      title: `${formatCount(result.created)} ${result.created === 1 ? 'account' : 'accounts'} added`,
      message:
        result.errors.length > 0
          ? `For ${model}; ${result.errors.length} ${result.errors.length === 1 ? 'line was' : 'lines were'} left out.`
          : `For ${model}.`,
    })
    onAdded()
    onClose()
  }

  const issues = fieldErrors(preview.error ?? create.error)
  const error = preview.error ?? create.error
  return (
    <Modal
      opened={opened}
      onClose={() => !create.loading && onClose()}
      size="lg"
      title={<Text fw={650}>Add accounts by paste</Text>}
      closeButtonProps={{ 'aria-label': 'Close bulk add' }}
    >
      <Stack gap="md">
        <Select
          label="Model"
          required
          placeholder="Pick a model"
          data={models.map((m) => ({ value: String(m.id), label: m.name }))}
          value={modelId === null ? null : String(modelId)}
          onChange={(value) => {
            setModelId(value ? Number(value) : null)
            setJudged(null)
          }}
          error={issues.modelId}
        />
        <Textarea
          label="Accounts"
          description="One platform,username a line (instagram, tiktok, twitter, reddit, onlyfans, other)."
          placeholder={'instagram,ava.daily\ntiktok,ava.clips'}
          autosize
          minRows={6}
          maxRows={12}
          spellCheck={false}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value)
            setJudged(null)
          }}
          error={issues.text}
        />
        {judged && (
          <Stack gap="xs">
            <Group gap="sm" aria-label="Bulk add summary">
              <Badge color="teal" variant="light" tt="none">
                New: {formatCount(judged.counts.new)}
              </Badge>
              <Badge color="red" variant="light" tt="none">
                Errors: {formatCount(judged.counts.error)}
              </Badge>
            </Group>
            <Table.ScrollContainer minWidth={420} mah={260}>
              <Table striped stickyHeader fz="sm" aria-label="Bulk add preview">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={60}>Line</Table.Th>
                    <Table.Th w="45%">Account</Table.Th>
                    <Table.Th>Result</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {judged.lines.slice(0, SHOWN_LINES).map((line) => (
                    <Table.Tr key={line.line}>
                      <Table.Td>{line.line}</Table.Td>
                      <Table.Td>
                        {line.platform ? `${platformLabel(line.platform)} · ` : ''}
                        {line.username ?? '—'}
                      </Table.Td>
                      <Table.Td>
                        {line.status === 'new' ? (
                          <Badge color="teal" variant="light" tt="none">
                            New
                          </Badge>
                        ) : (
                          <Text size="sm" c="red.8">
                            {reasonLabels[line.reason]}: {line.message}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        )}
        <ErrorAlert
          error={error}
          title="Accounts not added"
          hideIssues={Boolean(issues.text || issues.modelId)}
        />
        <FormFooter
          onCancel={onClose}
          {...(judged
            ? {
                submitLabel: `Add ${formatCount(judged.counts.new)} ${judged.counts.new === 1 ? 'account' : 'accounts'}`,
                submitColor: 'teal',
                onSubmit: () => void commit(),
                loading: create.loading,
                disabled: judged.counts.new === 0,
              }
            : {
                submitLabel: 'Preview',
                onSubmit: () => void runPreview(),
                loading: preview.loading,
                disabled: modelId === null || !text.trim(),
              })}
        />
      </Stack>
    </Modal>
  )
}
