import { Badge, Text, Tooltip } from '@mantine/core'
import type { AnonymityLevel } from '../../../../shared/domain'
import { anonymityColor, anonymityHints, anonymityLabels } from './exit-labels'

export function AnonymityBadge({ level }: { level: AnonymityLevel | null }) {
  if (!level) return <Text c="dimmed">—</Text>
  return (
    <Tooltip label={anonymityHints[level]} multiline w={240}>
      <Badge size="sm" radius="sm" variant="light" tt="none" color={anonymityColor(level)}>
        {anonymityLabels[level]}
      </Badge>
    </Tooltip>
  )
}
