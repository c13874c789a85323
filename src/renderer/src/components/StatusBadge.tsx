import { Pill, type PillSize } from './cell-kit'
import type {
  AccountStatus,
  ModelStatus,
  ProviderStatus,
  ProxyStatus,
} from '../../../shared/domain'

export type AnyStatus = ProxyStatus | ProviderStatus | AccountStatus | ModelStatus

// One palette for every entity: green is usable, grey is switched off, red is broken.
const colors: Record<AnyStatus, string> = {
  active: 'teal',
  inactive: 'gray',
  error: 'red',
  testing: 'blue',
  suspended: 'orange',
  invalid: 'red',
  removed: 'gray',
}

const labels: Record<AnyStatus, string> = {
  active: 'Active',
  inactive: 'Inactive',
  error: 'Error',
  testing: 'Testing',
  suspended: 'Suspended',
  invalid: 'Invalid',
  removed: 'Removed',
}

export function statusLabel(status: AnyStatus): string {
  return labels[status]
}

export function statusColor(status: AnyStatus): string {
  return colors[status]
}

interface StatusBadgeProps {
  status: AnyStatus
  size?: PillSize
  /** Hover text: why a proxy is in error, say. */
  tip?: string
}

/**
 * A proxy's, provider's, account's or model's status as a coloured pill (a plain element: tables
 * draw one per row).
 */
export function StatusBadge({ status, size = 'sm', tip }: StatusBadgeProps) {
  return (
    <Pill color={colors[status]} size={size} tip={tip}>
      {labels[status]}
    </Pill>
  )
}
