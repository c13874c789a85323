import type { InputOf } from '../../../../shared/contracts'
import type { ProviderDto } from '../../../../shared/contracts/dto'
import type { ProviderServiceType, ProviderStatus } from '../../../../shared/domain'

export interface ProviderDraft {
  name: string
  monthlyCostPerProxyCents: number | null
  contactEmail: string
  website: string
  serviceType: ProviderServiceType | null
  status: ProviderStatus
  notes: string
}

export type ProviderCreate = Exclude<InputOf<'providers:create'>, undefined>
export type ProviderUpdate = Exclude<InputOf<'providers:update'>, undefined>

export const emptyProviderDraft: ProviderDraft = {
  name: '',
  monthlyCostPerProxyCents: null,
  contactEmail: '',
  website: '',
  serviceType: null,
  status: 'active',
  notes: '',
}

export function draftFromProvider(provider: ProviderDto): ProviderDraft {
  return {
    name: provider.name,
    monthlyCostPerProxyCents: provider.monthlyCostPerProxyCents,
    contactEmail: provider.contactEmail ?? '',
    website: provider.website ?? '',
    serviceType: provider.serviceType,
    status: provider.status,
    notes: provider.notes ?? '',
  }
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim())

function fields(draft: ProviderDraft) {
  return {
    name: draft.name,
    monthlyCostPerProxyCents: draft.monthlyCostPerProxyCents,
    contactEmail: orNull(draft.contactEmail),
    website: orNull(draft.website),
    serviceType: draft.serviceType,
    status: draft.status,
    notes: orNull(draft.notes),
  }
}

export function createInputFromDraft(draft: ProviderDraft): ProviderCreate {
  return fields(draft) as ProviderCreate
}

/** Only the changed fields; null when nothing changed. */
export function updateInputFromDraft(
  provider: ProviderDto,
  draft: ProviderDraft,
): ProviderUpdate | null {
  const before = fields(draftFromProvider(provider)) as Record<string, unknown>
  const changes: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(fields(draft))) {
    if (value !== before[key]) changes[key] = value
  }
  return Object.keys(changes).length ? ({ id: provider.id, ...changes } as ProviderUpdate) : null
}

export const providerFormFields = [
  'name',
  'monthlyCostPerProxyCents',
  'contactEmail',
  'website',
  'serviceType',
  'status',
  'notes',
] as const
