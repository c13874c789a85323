import { Alert, Group, Pagination, SegmentedControl, Stack, Text } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useState } from 'react'
import type { ConflictChoice } from '../../../../shared/import-types'
import { useQuery } from '../../api'
import { ErrorAlert } from '../../components'
import { formatCount } from '../../lib/format'
import { rowEndpoint } from './import-labels'

const PAGE_SIZE = 8

/** The operator's answer to the preview's password conflicts: one choice for all, then per key. */
export interface ConflictResolution {
  all: ConflictChoice
  /** By the first line of a conflicting key; only those that differ from `all` matter. */
  byLine: Record<number, ConflictChoice>
}

export const noConflictChoices: ConflictResolution = { all: 'first', byLine: {} }

/** What `import:commit` takes for a resolution. */
export function conflictInput(resolution: ConflictResolution) {
  const conflictChoices = Object.entries(resolution.byLine)
    .filter(([, keep]) => keep !== resolution.all)
    .map(([line, keep]) => ({ line: Number(line), keep }))
  return { conflicts: resolution.all, ...(conflictChoices.length ? { conflictChoices } : {}) }
}

const choiceData = (firstLine: number | null) => [
  { value: 'first', label: firstLine === null ? 'Keep first' : `Keep first (line ${firstLine})` },
  { value: 'last', label: 'Keep last' },
]

interface Props {
  importId: string
  conflicts: number
  value: ConflictResolution
  onChange: (value: ConflictResolution) => void
  disabled?: boolean
}

/**
 * Lines that name an earlier line's proxy with another password. Which one is right only the
 * operator knows, so each is shown with a keep first / keep last choice (and one for all);
 * the commit stores what was chosen.
 */
export function ImportConflictsCard({ importId, conflicts, value, onChange, disabled }: Props) {
  const [page, setPage] = useState(1)
  const rows = useQuery('import:previewRows', {
    importId,
    filter: 'conflict',
    page,
    pageSize: PAGE_SIZE,
  })
  const pages = rows.data ? Math.max(1, Math.ceil(rows.data.total / PAGE_SIZE)) : 1
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      title={`${formatCount(conflicts)} ${conflicts === 1 ? 'line repeats' : 'lines repeat'} a proxy with another password`}
      aria-label="Password conflicts"
    >
      <Stack gap="sm">
        <Group gap="sm" wrap="wrap">
          <Text size="sm">For all conflicts:</Text>
          <SegmentedControl
            size="xs"
            value={value.all}
            disabled={disabled}
            aria-label="Keep for all conflicts"
            onChange={(all) => onChange({ all: all as ConflictChoice, byLine: {} })}
            data={choiceData(null)}
          />
        </Group>
        <ErrorAlert error={rows.error} title="Cannot load the conflicts" onRetry={rows.refresh} />
        <Stack gap={6} aria-label="Conflicting lines">
          {(rows.data?.items ?? []).map((row) => {
            if (row.status !== 'conflict') return null
            const first = row.conflictOf.line
            return (
              <Group key={row.line} gap="sm" justify="space-between" wrap="nowrap">
                <Text size="sm">
                  Line {row.line}:{' '}
                  <Text span ff="monospace" style={{ wordBreak: 'break-all' }}>
                    {rowEndpoint(row)}
                  </Text>
                  , another password than line {first}
                </Text>
                <SegmentedControl
                  size="xs"
                  value={value.byLine[first] ?? value.all}
                  disabled={disabled}
                  aria-label={`Keep for line ${row.line}`}
                  onChange={(keep) =>
                    onChange({
                      ...value,
                      byLine: { ...value.byLine, [first]: keep as ConflictChoice },
                    })
                  }
                  data={choiceData(first)}
                />
              </Group>
            )
          })}
        </Stack>
        {pages > 1 && (
          <Pagination
            size="xs"
            total={pages}
            value={page}
            onChange={setPage}
            getControlProps={(control) => ({ 'aria-label': `${control} conflicts page` })}
          />
        )}
        <Text size="xs">
          &quot;Keep last&quot; stores the last line naming that proxy (its password and other
          fields).
        </Text>
      </Stack>
    </Alert>
  )
}
