import { describe, expect, it } from 'vitest'
import { hashWithQuery, idParam, readHashQuery } from './hash-query'
import { activeFilterCount, emptyFilters, lastCheckParam, toListFilters } from './proxy-filters'

describe('proxy list filters', () => {
  it('sends nothing for empty filters', () => {
    expect(toListFilters(emptyFilters)).toEqual({})
    expect(activeFilterCount(emptyFilters)).toBe(0)
  })

  it('maps every filter to the proxies:list input', () => {
    const filters = toListFilters({
      providerId: 3,
      status: ['active', 'error'],
      protocol: ['socks5'],
      country: ' de ',
      location: ' Berlin ',
      model: 'none',
      tag: 'gold',
      freeSlots: 'full',
      search: ' user1 ',
      collision: true,
      lastCheck: 'failed',
      errorCode: ['timeout', 'auth_failed'],
      anonymity: ['elite'],
      network: ' AS13335 ',
    })
    expect(filters).toEqual({
      providerId: 3,
      status: ['active', 'error'],
      protocol: ['socks5'],
      country: 'DE',
      location: 'Berlin',
      modelId: null,
      tag: 'gold',
      hasFreeSlots: false,
      search: 'user1',
      collision: true,
      lastCheck: 'failed',
      errorCode: ['timeout', 'auth_failed'],
      anonymity: ['elite'],
      network: 'AS13335',
    })
  })

  it('waits for a full two-letter country and passes a model id through', () => {
    expect(toListFilters({ ...emptyFilters, country: 'd' })).toEqual({})
    expect(toListFilters({ ...emptyFilters, model: 4, freeSlots: 'free' })).toEqual({
      modelId: 4,
      hasFreeSlots: true,
    })
  })
})

describe('hash query parameters', () => {
  it('reads the last-check filter from the hash, ignoring unknown values', () => {
    expect(lastCheckParam(readHashQuery('#/proxies?lastCheck=failed'))).toBe('failed')
    expect(lastCheckParam(readHashQuery('#/proxies?lastCheck=maybe'))).toBe('any')
    expect(lastCheckParam(readHashQuery('#/proxies'))).toBe('any')
  })

  it('reads parameters after the route and ignores a hash without any', () => {
    expect(idParam(readHashQuery('#/proxies?provider=12'), 'provider')).toBe(12)
    expect(idParam(readHashQuery('#/proxies'), 'provider')).toBeNull()
    expect(idParam(readHashQuery('#/proxies?provider=abc'), 'provider')).toBeNull()
    expect(idParam(readHashQuery('#/proxies?provider=0'), 'provider')).toBeNull()
  })

  it('writes a hash without empty parameters', () => {
    expect(hashWithQuery('proxies', { provider: '3', status: null })).toBe('#/proxies?provider=3')
    expect(hashWithQuery('proxies', { provider: undefined })).toBe('#/proxies')
  })
})
