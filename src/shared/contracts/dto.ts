import type {
  AccountPlatform,
  AccountStatus,
  AnonymityLevel,
  CheckErrorCode,
  HistoryAction,
  HistoryActor,
  HistoryReason,
  LastCheckState,
  ModelStatus,
  ProviderServiceType,
  ProviderStatus,
  ProxyProtocol,
  ProxyStatus,
  ReachabilityOutcome,
} from '../domain'

/*
 * What the services return across the boundary. Times are epoch milliseconds, money is integer
 * cents, and no DTO ever carries a password or its ciphertext (`hasPassword` says whether one is
 * stored; `proxies:revealPassword` is the only way to read it).
 */

export interface Page<T> {
  items: T[]
  /** Rows matching the filters, over all pages. */
  total: number
  page: number
  pageSize: number
}

export interface ProviderDto {
  id: number
  name: string
  monthlyCostPerProxyCents: number
  contactEmail: string | null
  website: string | null
  serviceType: ProviderServiceType | null
  status: ProviderStatus
  notes: string | null
  createdAt: number
  updatedAt: number
}

export interface ProviderStats {
  proxyCount: number
  proxiesByStatus: Record<ProxyStatus, number>
  /** How each proxy's last check ended, whatever its status (an active proxy may just have failed). */
  proxiesByLastCheck: Record<LastCheckState, number>
  /** Active accounts on this provider's proxies. */
  assignedAccounts: number
  /** Sum of max_accounts over the provider's proxies. */
  capacity: number
  /** Sum of each proxy's effective monthly cost (override, else the provider's price). */
  monthlySpendCents: number
}

export interface ProviderListItem extends ProviderDto {
  stats: ProviderStats
}

/** One platform target fetched through the proxy during a check (Settings → platform targets). */
export interface ReachabilityResult {
  /** The platform whose target this is; `custom` for the operator's own URL + keyword check. */
  platform: AccountPlatform | 'custom'
  url: string
  outcome: ReachabilityOutcome
  /** The HTTP status the target answered; null when it never answered. */
  status: number | null
  /** Why it failed (`failed` only); the same classes as a check's. */
  errorCode: CheckErrorCode | null
  message: string | null
}

export interface ProxyDto {
  id: number
  providerId: number
  providerName: string
  protocol: ProxyProtocol
  remoteDns: boolean
  host: string
  port: number
  username: string | null
  hasPassword: boolean
  location: string | null
  country: string | null
  status: ProxyStatus
  assignedModelId: number | null
  assignedModelName: string | null
  accountCount: number
  maxAccounts: number
  monthlyCostOverrideCents: number | null
  /** The override when set, else the provider's per-proxy price. */
  monthlyCostCents: number
  tags: string[]
  notes: string | null
  expiresAt: number | null
  rotationUrl: string | null
  sticky: boolean
  lastTestedAt: number | null
  lastSuccessAt: number | null
  lastErrorCode: CheckErrorCode | null
  lastErrorMessage: string | null
  responseTimeMs: number | null
  exitIp: string | null
  /** The last successful check's exit profile (see ExitProfileFields). */
  exitRegion: string | null
  exitCity: string | null
  exitTimezone: string | null
  exitAsn: number | null
  exitOrg: string | null
  anonymity: AnonymityLevel | null
  reachability: ReachabilityResult[] | null
  consecutiveFailures: number
  createdAt: number
  updatedAt: number
  /** Isolation guard: proxies of another model whose recent exits this one shares (0: none). */
  exitCollisions: number
}

export interface ProxyDetail extends ProxyDto {
  /** Active accounts on the proxy, in id order. */
  accounts: AccountDto[]
}

export interface ModelDto {
  id: number
  name: string
  notes: string | null
  status: ModelStatus
  createdAt: number
  updatedAt: number
}

export interface ModelListItem extends ModelDto {
  stats: {
    /** Accounts of the model in any status. */
    accounts: number
    activeAccounts: number
    assignedAccounts: number
    /** Proxies currently serving the model. */
    proxies: number
  }
}

export interface AccountDto {
  id: number
  modelId: number
  modelName: string
  platform: AccountPlatform
  username: string
  status: AccountStatus
  proxyId: number | null
  /** `host:port` of the proxy, for display; null when unassigned. */
  proxyLabel: string | null
  notes: string | null
  createdAt: number
  updatedAt: number
}

export interface AssignmentDto {
  accountId: number
  accountUsername: string
  platform: AccountPlatform
  modelId: number
  modelName: string
  proxyId: number
  proxyLabel: string
  proxyProtocol: ProxyProtocol
  proxyStatus: ProxyStatus
  providerId: number
  providerName: string
  /** When the account got onto this proxy (latest `assigned`/`reassigned` history row). */
  assignedAt: number | null
}

export interface HistoryDto {
  id: number
  proxyId: number
  accountId: number
  modelId: number
  action: HistoryAction
  reason: HistoryReason
  assignedBy: HistoryActor
  /** Why, in words, when the reason alone does not say (a forced exit collision, ...). */
  detail: string | null
  createdAt: number
  /** Display names; null when the proxy, account or model has since been deleted. */
  proxyLabel: string | null
  accountUsername: string | null
  modelName: string | null
}
