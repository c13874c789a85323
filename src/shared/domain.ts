/**
 * The closed value sets stored as text columns. The schema turns each into a CHECK constraint, so
 * the database refuses a value that no service or view knows how to handle.
 */
export const providerServiceTypes = ['residential', 'datacenter', 'mobile', 'isp'] as const
export const providerStatuses = ['active', 'inactive', 'suspended'] as const

export const proxyProtocols = ['http', 'https', 'socks4', 'socks5'] as const
export const proxyStatuses = ['active', 'inactive', 'error', 'testing'] as const

export const modelStatuses = ['active', 'inactive'] as const

export const accountPlatforms = [
  'instagram',
  'tiktok',
  'twitter',
  'reddit',
  'onlyfans',
  'other',
] as const
export const accountStatuses = ['active', 'invalid', 'removed'] as const

// `rotated`: a rotating proxy was told to change its exit IP; every account on it changes IP too.
export const historyActions = ['assigned', 'released', 'reassigned', 'rotated'] as const
export const historyReasons = [
  'automatic',
  'manual',
  'cleanup',
  'account_invalid',
  'account_removed',
  'proxy_failed',
  'proxy_removed',
  'rotation',
] as const
export const historyActors = ['system', 'operator'] as const

/**
 * What an HTTP proxy tells the judge about this computer, read from the headers the judge saw on a
 * plain-HTTP (not tunnelled) request: `transparent` reveals this computer's address, `anonymous`
 * reveals a proxy but not the address, `elite` neither. SOCKS and CONNECT-only checks cannot be
 * judged that way: `not_applicable`, never guessed.
 */
export const anonymityLevels = ['transparent', 'anonymous', 'elite', 'not_applicable'] as const

/**
 * One platform target fetched through the proxy: `reached` (status in range, keyword present when
 * one is set), `blocked_status` (answered outside the range), `keyword_missing`, `failed` (no
 * answer; the error class says why).
 */
export const reachabilityOutcomes = [
  'reached',
  'blocked_status',
  'keyword_missing',
  'failed',
] as const

/** Why a check failed; a passing check stores no code. `judge_failed` blames the judge, not the proxy. */
export const checkErrorCodes = [
  'timeout',
  'refused',
  'dns_failed',
  'auth_failed',
  'tls_failed',
  'protocol_error',
  'judge_failed',
  'bad_response',
] as const

/**
 * How a proxy's last check ended, as the `lastCheck` filter and the providers' counts name it:
 * `failed` is any error class (the judges' too: the last check did not pass), `untested` never
 * checked.
 */
export const lastCheckStates = ['passed', 'failed', 'untested'] as const

export type ProviderServiceType = (typeof providerServiceTypes)[number]
export type ProviderStatus = (typeof providerStatuses)[number]
export type ProxyProtocol = (typeof proxyProtocols)[number]
export type ProxyStatus = (typeof proxyStatuses)[number]
export type ModelStatus = (typeof modelStatuses)[number]
export type AccountPlatform = (typeof accountPlatforms)[number]
export type AccountStatus = (typeof accountStatuses)[number]
export type HistoryAction = (typeof historyActions)[number]
export type HistoryReason = (typeof historyReasons)[number]
export type HistoryActor = (typeof historyActors)[number]
export type CheckErrorCode = (typeof checkErrorCodes)[number]
export type AnonymityLevel = (typeof anonymityLevels)[number]
export type LastCheckState = (typeof lastCheckStates)[number]
export type ReachabilityOutcome = (typeof reachabilityOutcomes)[number]
