import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page, ProxyDto } from '../../../shared/contracts/dto'
import { dispatch } from '../../ipc/dispatch'
import { createFixture, type Fixture } from '../../../../test/support/fixture'
import { recordExit } from '../../../../test/support/exits'

// The list's search over real SQLite: the endpoint as the table shows it, exits, tags, notes.
let f: Fixture
const ids: Record<string, number> = {}

beforeAll(async () => {
  f = await createFixture()
  const acme = f.provider('Acme', 300)
  ids.v4 = f.proxy(acme, { host: '127.0.0.1', port: 18084 })
  ids.v4other = f.proxy(acme, { host: '127.0.0.1', port: 18085, username: 'ann' })
  ids.v6 = f.proxy(acme, { host: '::1', port: 18084, protocol: 'socks5' })
  ids.gw = f.proxy(acme, {
    host: 'gw.example.com',
    port: 7000,
    username: 'bob',
    protocol: 'socks5',
    remoteDns: true,
    tags: ['residential', 'eu-west'],
    notes: 'Ordered in March',
  })
  ids.exit = f.proxy(acme, { host: '10.9.9.9', port: 3128 })
  // Two exits remembered for one proxy: the older one is no longer its last check's exit_ip.
  recordExit(f, ids.exit, '203.0.113.77')
  recordExit(f, ids.exit, '2001:db8::42')
})

afterAll(async () => {
  await f.dispose()
})

async function search(text: string): Promise<number[]> {
  const envelope = await dispatch(f.ctx, 'proxies:list', { search: text })
  if (!envelope.ok) throw new Error(envelope.error.message)
  const page = envelope.value as Page<ProxyDto>
  expect(page.total).toBe(page.items.length)
  return page.items.map((p) => p.id)
}

describe('proxies:list search', () => {
  it.each([
    ['127.0.0.1:18084', ['v4']],
    ['127.0.0.1:1808', ['v4', 'v4other']],
    ['[::1]:18084', ['v6']],
    ['[::1]', ['v6']],
    ['::1', ['v6']],
    [':18084', ['v4', 'v6']],
    ['ann@127.0.0.1', ['v4other']],
    ['ann@127.0.0.1:18085', ['v4other']],
    ['BOB@gw.example.com:7000', ['gw']],
    ['bob@', ['gw']],
  ])('finds the endpoint as shown: %s', async (text, expected) => {
    expect(await search(text)).toEqual(expected.map((key) => ids[key]))
  })

  it('finds a proxy by its last exit IP and by an earlier one proxy_exits remembers', async () => {
    expect(await search('2001:db8::42')).toEqual([ids.exit])
    expect(await search('[2001:db8::42]')).toEqual([ids.exit])
    expect(await search('203.0.113.77')).toEqual([ids.exit])
    expect(await search('203.0.113')).toEqual([ids.exit])
  })

  it('finds tags and notes, case-insensitively, with LIKE characters taken literally', async () => {
    expect(await search('EU-WE')).toEqual([ids.gw])
    expect(await search('march')).toEqual([ids.gw])
    expect(await search('%')).toEqual([])
    // The tags' JSON punctuation is no tag text.
    expect(await search('","')).toEqual([])
  })

  it('reads a leading scheme as the protocol, socks5h as socks5 resolving names', async () => {
    expect(await search('socks5://[::1]:18084')).toEqual([ids.v6])
    expect(await search('socks5h://bob@gw')).toEqual([ids.gw])
    expect(await search('socks5h://[::1]')).toEqual([])
    expect(await search('http://127.0.0.1:18084')).toEqual([ids.v4])
    expect(await search('socks5://')).toEqual([ids.v6, ids.gw])
  })

  it('combines with the other filters', async () => {
    const envelope = await dispatch(f.ctx, 'proxies:list', { search: ':18084', protocol: 'http' })
    expect(envelope.ok && (envelope.value as Page<ProxyDto>).items.map((p) => p.id)).toEqual([
      ids.v4,
    ])
  })
})
