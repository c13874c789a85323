import { ComingSoon } from '../../shell/ComingSoon'

export function ProxiesView() {
  return (
    <ComingSoon
      title="Proxies"
      summary="Every proxy with its provider, protocol, status, latency, exit IP and country: import, test in bulk, filter and monitor health."
    />
  )
}
