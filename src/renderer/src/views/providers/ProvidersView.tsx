import { ComingSoon } from '../../shell/ComingSoon'

export function ProvidersView() {
  return (
    <ComingSoon
      title="Providers"
      summary="Proxy providers with their service type, monthly cost per proxy, contact and status, and the proxies each one supplies."
    />
  )
}
