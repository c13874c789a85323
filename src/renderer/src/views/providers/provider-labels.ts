import type { ProviderServiceType } from '../../../../shared/domain'

export const serviceTypeLabels: Record<ProviderServiceType, string> = {
  residential: 'Residential',
  datacenter: 'Datacenter',
  mobile: 'Mobile',
  isp: 'ISP',
}
