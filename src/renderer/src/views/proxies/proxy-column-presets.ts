import type { ColumnPreset } from '../../components'

/**
 * The proxies table's column presets (the toolbar's switch; hiding single columns still works).
 * Essentials is the scan for a proxy to use or fix, as the table opened before presets; Health
 * what the checks found; Costs what the proxy costs and serves; All every column.
 */
export const proxyColumnPresets: readonly ColumnPreset[] = [
  {
    value: 'essentials',
    label: 'Essentials',
    shown: [
      'host',
      'status',
      'lastResult',
      'responseTimeMs',
      'exitIp',
      'country',
      'model',
      'accountCount',
      'reachability',
      'protocol',
      'provider',
      'exitCollisions',
    ],
  },
  {
    value: 'health',
    label: 'Health',
    shown: [
      'host',
      'status',
      'lastResult',
      'responseTimeMs',
      'lastTestedAt',
      'reachability',
      'anonymity',
      'exitIp',
      'network',
      'exitCollisions',
      'tags',
    ],
  },
  {
    value: 'costs',
    label: 'Costs',
    shown: [
      'host',
      'status',
      'provider',
      'monthlyCost',
      'expiresAt',
      'model',
      'accountCount',
      'protocol',
      'tags',
    ],
  },
  { value: 'all', label: 'All', shown: null },
]
