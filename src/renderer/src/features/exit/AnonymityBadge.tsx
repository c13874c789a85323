import type { AnonymityLevel } from '../../../../shared/domain'
import { Dash, Pill } from '../../components'
import { anonymityColor, anonymityHints, anonymityLabels } from './exit-labels'

export function AnonymityBadge({ level }: { level: AnonymityLevel | null }) {
  if (!level) return <Dash />
  return (
    <Pill textCase="none" color={anonymityColor(level)} tip={anonymityHints[level]}>
      {anonymityLabels[level]}
    </Pill>
  )
}
