import { Alert, List } from '@mantine/core'
import { IconCircleCheck } from '@tabler/icons-react'
import type { ImportCommitResult } from '../../../../shared/contracts/import'
import { formatCount } from '../../lib/format'

/** What a finished import stored, skipped and settled, in plain words. */
export function ImportResult({ result }: { result: ImportCommitResult }) {
  return (
    <Alert
      color="teal"
      variant="light"
      icon={<IconCircleCheck />}
      title="Import finished"
      role="status"
    >
      <List size="sm" spacing={2}>
        <List.Item>{formatCount(result.inserted)} added</List.Item>
        <List.Item>{formatCount(result.updated)} updated</List.Item>
        {result.skippedStored > 0 && (
          <List.Item>
            {formatCount(result.skippedStored)} already stored, left as they were
          </List.Item>
        )}
        {result.skippedLines > 0 && (
          <List.Item>{formatCount(result.skippedLines)} repeated lines skipped</List.Item>
        )}
        {result.conflicts && (
          <List.Item>
            Password conflicts: {formatCount(result.conflicts.keptFirst)} kept the first line,{' '}
            {formatCount(result.conflicts.keptLast)} the last
          </List.Item>
        )}
        {result.errors > 0 && (
          <List.Item>{formatCount(result.errors)} lines with errors not imported</List.Item>
        )}
        {result.detection && (
          <List.Item>
            Protocol checked on {formatCount(result.detection.checked)} new proxies
            {result.detection.changed.length > 0 &&
              `; changed: ${result.detection.changed.map((change) => `line ${change.line} ${change.from} → ${change.to}`).join(', ')}`}
            {result.detection.noneWorked.length > 0 &&
              `; none worked for line ${result.detection.noneWorked.join(', ')} (stored as read)`}
          </List.Item>
        )}
      </List>
    </Alert>
  )
}
