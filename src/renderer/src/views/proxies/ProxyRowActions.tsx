import { IconPencil, IconTrash } from '@tabler/icons-react'
import type { ProxyDto } from '../../../../shared/contracts/dto'
import { CellRow, IconButton } from '../../components'
import { TestProxyIcon } from '../../features/exit'
import { PasswordReveal } from './PasswordReveal'
import { proxyLabel } from './proxy-label'

interface ProxyRowActionsProps {
  proxy: ProxyDto
  onEdit: (proxy: ProxyDto) => void
  onDelete: (proxy: ProxyDto) => void
  /** After the row's own test ended (the table refreshes on data:changed too). */
  onTested?: () => void
}

export function ProxyRowActions({ proxy, onEdit, onDelete, onTested }: ProxyRowActionsProps) {
  const label = proxyLabel(proxy)
  return (
    // Hover names are data-tip (one document-wide tooltip, HoverTips): a Mantine Tooltip per
    // icon was four portals a row.
    <CellRow gap={2}>
      <TestProxyIcon proxy={proxy} onTested={onTested} />
      <PasswordReveal proxy={proxy} />
      <IconButton aria-label={`Edit ${label}`} tip="Edit" onClick={() => onEdit(proxy)}>
        <IconPencil size={16} />
      </IconButton>
      <IconButton
        color="red"
        aria-label={`Delete ${label}`}
        tip="Delete"
        onClick={() => onDelete(proxy)}
      >
        <IconTrash size={16} />
      </IconButton>
    </CellRow>
  )
}
