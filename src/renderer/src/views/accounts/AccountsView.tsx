import { ComingSoon } from '../../shell/ComingSoon'

export function AccountsView() {
  return (
    <ComingSoon
      title="Accounts"
      summary="Accounts per model and platform, their status and the proxy each one goes out through."
    />
  )
}
