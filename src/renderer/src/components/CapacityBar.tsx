import { formatCount } from '../lib/format'
import { cellClasses } from './cell-kit'

interface CapacityBarProps {
  used: number
  capacity: number
  /** Bar width; the numbers sit to its right. */
  width?: number
  label?: string
}

/**
 * `used/capacity` with a small bar: teal with room, yellow when nearly full, red when full. Plain
 * elements with Mantine's Progress look (a table row holds one; Progress is a component tree).
 */
export function CapacityBar({ used, capacity, width = 56, label = 'Accounts' }: CapacityBarProps) {
  const ratio = capacity > 0 ? used / capacity : 0
  const color = ratio >= 1 ? 'red' : ratio >= 0.75 ? 'yellow' : 'teal'
  return (
    <div className={cellClasses.row} style={{ gap: 8 }}>
      <div
        className={cellClasses.bar}
        style={{ width }}
        role="progressbar"
        aria-label={`${label}: ${used} of ${capacity}`}
        aria-valuemin={0}
        aria-valuemax={capacity}
        aria-valuenow={Math.min(used, capacity)}
      >
        <div
          className={cellClasses.barFill}
          data-color={color}
          style={{ width: `${Math.min(100, ratio * 100)}%` }}
        />
      </div>
      <span className={cellClasses.numeric}>
        {formatCount(used)}/{formatCount(capacity)}
      </span>
    </div>
  )
}
