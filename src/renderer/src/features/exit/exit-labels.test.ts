import { describe, expect, it } from 'vitest'
import { networkText, placeText, reachabilityText } from './exit-labels'

describe('exit profile in words', () => {
  it('names the network by org and AS number, either or both', () => {
    expect(networkText(13335, 'Cloudflare, Inc.')).toBe('Cloudflare, Inc. · AS13335')
    expect(networkText(15169, null)).toBe('AS15169')
    expect(networkText(null, 'Some ISP')).toBe('Some ISP')
    expect(networkText(null, null)).toBeNull()
  })

  it('writes a place from city, region and country, skipping what is missing', () => {
    expect(placeText('Munich', 'Bavaria', 'DE')).toBe('Munich, Bavaria, Germany')
    expect(placeText('Berlin', 'Berlin', 'DE')).toBe('Berlin, Germany')
    expect(placeText(null, null, 'BR')).toBe('Brazil')
    expect(placeText(null, null, null)).toBeNull()
  })

  it('says what a platform target answered', () => {
    const base = {
      platform: 'instagram',
      url: 'https://x',
      status: null,
      errorCode: null,
      message: null,
    } as const
    expect(reachabilityText({ ...base, outcome: 'reached', status: 200 })).toBe(
      'Reached (HTTP 200)',
    )
    expect(reachabilityText({ ...base, outcome: 'blocked_status', status: 403 })).toBe(
      'Blocked (HTTP 403)',
    )
    expect(reachabilityText({ ...base, outcome: 'failed', errorCode: 'timeout' })).toBe(
      'Failed: Timed out',
    )
  })
})
