import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ProxyDto } from '../../../shared/contracts/dto'
import { dispatch } from '../../ipc/dispatch'
import { createFixture, type Fixture } from '../../../../test/support/fixture'

let f: Fixture
let provider: number

beforeAll(async () => {
  f = await createFixture()
  provider = f.provider('Acme', 700)
})

afterAll(async () => {
  await f.dispose()
})

async function ok<T>(channel: Parameters<typeof dispatch>[1], input: unknown): Promise<T> {
  const envelope = await dispatch(f.ctx, channel, input)
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.code} ${envelope.error.message}`)
  return envelope.value as T
}

const connection = (id: number, format: string) =>
  ok<{ value: string }>('proxies:connectionString', { id, format }).then((r) => r.value)

describe('proxies:connectionString', () => {
  it('writes the proxy with its decrypted password in each shape, without the rotation link', async () => {
    const { id } = await ok<ProxyDto>('proxies:create', {
      providerId: provider,
      protocol: 'socks5',
      remoteDns: true,
      host: 'gate.example.net',
      port: 7000,
      username: 'user-1',
      password: 'p@ss:w/rd',
      rotationUrl: 'https://api.example.net/rotate?key=k',
    })
    expect(await connection(id, 'protocol://user:pass@host:port')).toBe(
      'socks5h://user-1:p%40ss%3Aw%2Frd@gate.example.net:7000',
    )
    expect(await connection(id, 'user:pass@host:port')).toBe(
      'user-1:p%40ss%3Aw%2Frd@gate.example.net:7000',
    )
    expect(await connection(id, 'host:port:user:pass')).toBe(
      'gate.example.net:7000:user-1:p@ss:w/rd',
    )
  })

  it('brackets an IPv6 host and leaves out credentials a proxy does not have', async () => {
    const { id } = await ok<ProxyDto>('proxies:create', {
      providerId: provider,
      protocol: 'http',
      host: '2001:db8::7',
      port: 8080,
    })
    expect(await connection(id, 'protocol://user:pass@host:port')).toBe('http://[2001:db8::7]:8080')
    expect(await connection(id, 'host:port:user:pass')).toBe('[2001:db8::7]:8080')
    expect(await connection(id, 'user:pass@host:port')).toBe('[2001:db8::7]:8080')
  })

  it('refuses an unknown format or proxy and changes nothing', async () => {
    const { id } = await ok<ProxyDto>('proxies:create', {
      providerId: provider,
      protocol: 'http',
      host: '10.1.1.1',
      port: 3128,
      username: 'u',
      password: 'secret',
    })
    for (const input of [
      { id, format: 'curl' },
      { id, format: 'url', extra: 1 },
      { id: 'x', format: 'user:pass@host:port' },
      { id },
    ]) {
      const envelope = await dispatch(f.ctx, 'proxies:connectionString', input)
      expect(envelope).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
      expect(JSON.stringify(envelope)).not.toContain('secret')
    }
    expect(
      await dispatch(f.ctx, 'proxies:connectionString', {
        id: 99_999,
        format: 'user:pass@host:port',
      }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})
