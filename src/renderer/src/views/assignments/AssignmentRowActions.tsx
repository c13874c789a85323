import { ActionIcon, Group, Tooltip } from '@mantine/core'
import { IconArrowsExchange, IconLinkOff } from '@tabler/icons-react'
import type { AssignmentDto } from '../../../../shared/contracts/dto'

interface AssignmentRowActionsProps {
  assignment: AssignmentDto
  onRelease: () => void
  onMove: () => void
}

export function AssignmentRowActions({ assignment, onRelease, onMove }: AssignmentRowActionsProps) {
  const name = assignment.accountUsername
  return (
    <Group gap={2} wrap="nowrap">
      <Tooltip label="Move to another proxy">
        <ActionIcon variant="subtle" aria-label={`Move ${name}`} onClick={onMove}>
          <IconArrowsExchange size={18} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label="Release its proxy">
        <ActionIcon
          variant="subtle"
          color="orange"
          aria-label={`Release ${name}`}
          onClick={onRelease}
        >
          <IconLinkOff size={18} />
        </ActionIcon>
      </Tooltip>
    </Group>
  )
}
