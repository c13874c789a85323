import type { InputOf } from '../../../../shared/contracts'
import type { ProxyDto } from '../../../../shared/contracts/dto'
import type { ProxyProtocol, ProxyStatus } from '../../../../shared/domain'

/** The proxy form's values as the inputs hold them (numbers may be '' while empty). */
export interface ProxyDraft {
  providerId: number | null
  protocol: ProxyProtocol
  remoteDns: boolean
  host: string
  port: number | string
  username: string
  /** Edit: '' keeps the stored password. */
  password: string
  /** Edit: remove the stored password. */
  clearPassword: boolean
  location: string
  country: string
  status: ProxyStatus
  maxAccounts: number | string
  monthlyCostOverrideCents: number | null
  tags: string[]
  notes: string
  expiresAt: Date | null
  rotationUrl: string
  sticky: boolean
}

export type ProxyCreate = Exclude<InputOf<'proxies:create'>, undefined>
export type ProxyUpdate = Exclude<InputOf<'proxies:update'>, undefined>

export function emptyProxyDraft(providerId: number | null = null): ProxyDraft {
  return {
    providerId,
    protocol: 'http',
    remoteDns: false,
    host: '',
    port: '',
    username: '',
    password: '',
    clearPassword: false,
    location: '',
    country: '',
    status: 'active',
    maxAccounts: 3,
    monthlyCostOverrideCents: null,
    tags: [],
    notes: '',
    expiresAt: null,
    rotationUrl: '',
    sticky: false,
  }
}

/** The stored fields the form edits (and the id it saves to); the rest of a ProxyDto is display. */
export type EditedProxy = Pick<
  ProxyDto,
  | 'id'
  | 'providerId'
  | 'protocol'
  | 'remoteDns'
  | 'host'
  | 'port'
  | 'username'
  | 'location'
  | 'country'
  | 'status'
  | 'maxAccounts'
  | 'monthlyCostOverrideCents'
  | 'tags'
  | 'notes'
  | 'expiresAt'
  | 'rotationUrl'
  | 'sticky'
>

export function draftFromProxy(proxy: EditedProxy): ProxyDraft {
  return {
    providerId: proxy.providerId,
    protocol: proxy.protocol,
    remoteDns: proxy.remoteDns,
    host: proxy.host,
    port: proxy.port,
    username: proxy.username ?? '',
    password: '',
    clearPassword: false,
    location: proxy.location ?? '',
    country: proxy.country ?? '',
    status: proxy.status,
    maxAccounts: proxy.maxAccounts,
    monthlyCostOverrideCents: proxy.monthlyCostOverrideCents,
    tags: proxy.tags,
    notes: proxy.notes ?? '',
    expiresAt: proxy.expiresAt === null ? null : new Date(proxy.expiresAt),
    rotationUrl: proxy.rotationUrl ?? '',
    sticky: proxy.sticky,
  }
}

// An emptied number goes out as null so main answers with its own "Enter a port number".
function numberOrNull(value: number | string): number | null {
  if (value === '') return null
  const number = typeof value === 'number' ? value : Number(value)
  return Number.isFinite(number) ? number : null
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim())

/** Every field in the shape both contracts take (password aside). */
function fields(draft: ProxyDraft) {
  return {
    providerId: draft.providerId ?? undefined,
    protocol: draft.protocol,
    // socks5h is a SOCKS5 detail; other protocols always resolve locally.
    remoteDns: draft.protocol === 'socks5' ? draft.remoteDns : false,
    host: draft.host.trim(),
    port: numberOrNull(draft.port),
    username: orNull(draft.username),
    location: orNull(draft.location),
    country: orNull(draft.country),
    status: draft.status,
    maxAccounts: numberOrNull(draft.maxAccounts),
    monthlyCostOverrideCents: draft.monthlyCostOverrideCents,
    tags: draft.tags,
    notes: orNull(draft.notes),
    expiresAt: draft.expiresAt ? draft.expiresAt.getTime() : null,
    rotationUrl: orNull(draft.rotationUrl),
    sticky: draft.sticky,
  }
}

export function createInputFromDraft(draft: ProxyDraft): ProxyCreate {
  const input = fields(draft) as ProxyCreate
  if (draft.password !== '') input.password = draft.password
  return input
}

/** Only the fields that changed; null when nothing did. */
export function updateInputFromDraft(proxy: EditedProxy, draft: ProxyDraft): ProxyUpdate | null {
  const before = fields(draftFromProxy(proxy)) as Record<string, unknown>
  const after = fields(draft) as Record<string, unknown>
  const changes: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(after)) {
    if (JSON.stringify(value) !== JSON.stringify(before[key])) changes[key] = value
  }
  if (draft.clearPassword) changes.password = null
  else if (draft.password !== '') changes.password = draft.password
  if (Object.keys(changes).length === 0) return null
  return { id: proxy.id, ...changes } as ProxyUpdate
}

/** Form field names, to place VALIDATION issues whose path is one of them. */
export const proxyFormFields = [
  'providerId',
  'protocol',
  'remoteDns',
  'host',
  'port',
  'username',
  'password',
  'location',
  'country',
  'status',
  'maxAccounts',
  'monthlyCostOverrideCents',
  'tags',
  'notes',
  'expiresAt',
  'rotationUrl',
  'sticky',
] as const
