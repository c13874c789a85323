import { ComingSoon } from '../../shell/ComingSoon'

export function AssignmentsView() {
  return (
    <ComingSoon
      title="Assignments"
      summary="Auto-assign free proxies to accounts (one model per proxy, up to its account limit) and reassign by hand."
    />
  )
}
