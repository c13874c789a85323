import { ComingSoon } from '../../shell/ComingSoon'

export function HistoryView() {
  return (
    <ComingSoon
      title="History"
      summary="The append-only log of assignments and releases, and each proxy's recent check results."
    />
  )
}
