import { describe, expect, it } from 'vitest'
import {
  createInputFromDraft,
  draftFromProxy,
  emptyProxyDraft,
  updateInputFromDraft,
  type EditedProxy,
} from './proxy-draft'

const proxy: EditedProxy = {
  id: 7,
  providerId: 2,
  protocol: 'socks5',
  remoteDns: true,
  host: 'gate.example.net',
  port: 1080,
  username: 'session-1',
  location: 'US-California',
  country: 'US',
  status: 'active',
  maxAccounts: 3,
  monthlyCostOverrideCents: null,
  tags: ['gold'],
  notes: null,
  expiresAt: 1_800_000_000_000,
  rotationUrl: null,
  sticky: false,
}

describe('proxy form drafts', () => {
  it('turns a new draft into a create input, empty texts as null and no empty password', () => {
    const draft = { ...emptyProxyDraft(2), host: ' 203.0.113.7 ', port: 8080, username: '' }
    const input = createInputFromDraft(draft)
    expect(input).toMatchObject({
      providerId: 2,
      protocol: 'http',
      remoteDns: false,
      host: '203.0.113.7',
      port: 8080,
      username: null,
      country: null,
      maxAccounts: 3,
      monthlyCostOverrideCents: null,
      expiresAt: null,
    })
    expect('password' in input).toBe(false)
    expect(createInputFromDraft({ ...draft, password: 's3cret' }).password).toBe('s3cret')
  })

  it('sends an emptied number as null so main names the field', () => {
    const input = createInputFromDraft({ ...emptyProxyDraft(1), port: '', maxAccounts: '' })
    expect(input.port).toBeNull()
    expect(input.maxAccounts).toBeNull()
  })

  it('drops remote DNS for protocols other than SOCKS5', () => {
    const draft = { ...emptyProxyDraft(1), protocol: 'http' as const, remoteDns: true }
    expect(createInputFromDraft(draft).remoteDns).toBe(false)
  })

  it('sends only changed fields on update, and nothing when nothing changed', () => {
    expect(updateInputFromDraft(proxy, draftFromProxy(proxy))).toBeNull()
    const draft = { ...draftFromProxy(proxy), notes: 'rack 4', tags: ['gold', 'eu'] }
    expect(updateInputFromDraft(proxy, draft)).toEqual({
      id: 7,
      notes: 'rack 4',
      tags: ['gold', 'eu'],
    })
  })

  it('keeps, replaces or clears the stored password on update', () => {
    const base = draftFromProxy(proxy)
    expect(base.password).toBe('')
    expect(updateInputFromDraft(proxy, { ...base, password: 'new' })).toEqual({
      id: 7,
      password: 'new',
    })
    expect(updateInputFromDraft(proxy, { ...base, clearPassword: true })).toEqual({
      id: 7,
      password: null,
    })
  })

  it('round-trips the expiry through a Date and clears it with null', () => {
    const base = draftFromProxy(proxy)
    expect(base.expiresAt?.getTime()).toBe(proxy.expiresAt)
    expect(updateInputFromDraft(proxy, { ...base, expiresAt: null })).toEqual({
      id: 7,
      expiresAt: null,
    })
  })
})
