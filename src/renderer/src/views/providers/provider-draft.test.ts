import { describe, expect, it } from 'vitest'
import type { ProviderDto } from '../../../../shared/contracts/dto'
import {
  createInputFromDraft,
  draftFromProvider,
  emptyProviderDraft,
  updateInputFromDraft,
} from './provider-draft'

const provider: ProviderDto = {
  id: 4,
  name: 'Acme',
  monthlyCostPerProxyCents: 450,
  contactEmail: null,
  website: 'https://acme.example',
  serviceType: 'residential',
  status: 'active',
  notes: null,
  createdAt: 1,
  updatedAt: 1,
}

describe('provider form drafts', () => {
  it('creates with empty texts as null', () => {
    const input = createInputFromDraft({
      ...emptyProviderDraft,
      name: 'Byte',
      monthlyCostPerProxyCents: 200,
      contactEmail: '  ',
    })
    expect(input).toEqual({
      name: 'Byte',
      monthlyCostPerProxyCents: 200,
      contactEmail: null,
      website: null,
      serviceType: null,
      status: 'active',
      notes: null,
    })
  })

  it('updates only what changed, clearing a field with null', () => {
    const draft = draftFromProvider(provider)
    expect(updateInputFromDraft(provider, draft)).toBeNull()
    expect(
      updateInputFromDraft(provider, { ...draft, website: '', monthlyCostPerProxyCents: 999 }),
    ).toEqual({ id: 4, website: null, monthlyCostPerProxyCents: 999 })
  })
})
