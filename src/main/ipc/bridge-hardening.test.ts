// Findings of the bridge audit (issue 11, item 4): each case failed before its fix.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestContext } from '../../../test/support/context'
import { startTestBridge, type TestBridge } from '../../../test/support/bridge'
import { rawRequest, type RawResponse } from '../../../test/support/http'
import { dispatch } from './dispatch'
import type { RunningBridge } from './http-bridge'

const TOKEN = 'hardening-token-456'
let served: TestBridge
let test: TestContext
let bridge: RunningBridge

beforeAll(async () => {
  served = await startTestBridge(TOKEN)
  ;({ test, bridge } = served)
})

afterAll(() => served?.dispose())

const bearer = { authorization: `Bearer ${TOKEN}` }

function post(path: string, headers: Record<string, string>, body: string | Buffer = '{}') {
  return rawRequest({ port: bridge.port, path, method: 'POST', headers, body })
}

/** A POST whose body is raw bytes (may be invalid UTF-8). */
function postBytes(path: string, body: Buffer): Promise<RawResponse> {
  return post(path, { ...bearer, 'content-type': 'application/json' }, body)
}

async function createdProxyId(): Promise<number> {
  const provider = await dispatch(test.ctx, 'providers:create', {
    name: 'Audit',
    monthlyCostPerProxyCents: 100,
  })
  if (!provider.ok) throw new Error(provider.error.message)
  const proxy = await dispatch(test.ctx, 'proxies:create', {
    providerId: (provider.value as { id: number }).id,
    protocol: 'http',
    host: '127.0.0.1',
    port: 8080,
    username: 'u',
    password: 'very-secret',
  })
  if (!proxy.ok) throw new Error(proxy.error.message)
  return (proxy.value as { id: number }).id
}

describe('bridge hardening', () => {
  it('takes the token from the query string on GET /api/events only, never on a POST', async () => {
    const id = await createdProxyId()
    const json = { 'content-type': 'application/json' }
    const reveal = await post(
      `/api/proxies:revealPassword?token=${TOKEN}`,
      json,
      JSON.stringify({ id }),
    )
    expect(reveal.status).toBe(401)
    expect(reveal.body).not.toContain('very-secret')
    expect(JSON.parse(reveal.body).error.code).toBe('UNAUTHORIZED')
    expect((await post(`/api/app:info?token=${TOKEN}`, json)).status).toBe(401)
    // With the header it works, and the events stream still takes the query token.
    const withHeader = await post(
      '/api/proxies:revealPassword',
      { ...json, ...bearer },
      JSON.stringify({ id }),
    )
    expect(JSON.parse(withHeader.body).value.password).toBe('very-secret')
    const controller = new AbortController()
    const events = await fetch(`http://127.0.0.1:${bridge.port}/api/events?token=${TOKEN}`, {
      signal: controller.signal,
    })
    expect(events.status).toBe(200)
    controller.abort()
  })

  it('answers a path with bad percent-encoding as an unknown channel, not a 500', async () => {
    const res = await post('/api/%ZZ', { ...bearer, 'content-type': 'application/json' })
    expect(res.status).toBe(404)
    expect(JSON.parse(res.body).error.code).toBe('UNKNOWN_CHANNEL')
  })

  it('matches the JSON media type exactly', async () => {
    for (const type of [
      'application/jsonp',
      'application/json-seq',
      'application/jsonx; charset=utf-8',
    ]) {
      const res = await post('/api/app:info', { ...bearer, 'content-type': type })
      expect(res.status, type).toBe(415)
    }
    for (const type of [
      'application/json',
      'application/json; charset=utf-8',
      'Application/JSON ;charset=UTF-8',
    ]) {
      const res = await post('/api/app:info', { ...bearer, 'content-type': type })
      expect(res.status, type).toBe(200)
    }
  })

  it('refuses a body that is not valid UTF-8', async () => {
    const before = test.ctx.sqlite.serialize()
    const body = Buffer.concat([
      Buffer.from('{"name":"bad'),
      Buffer.from([0xff, 0xfe, 0xc3]),
      Buffer.from('"}'),
    ])
    const res = await postBytes('/api/models:create', body)
    expect(res.status).toBe(400)
    const envelope = JSON.parse(res.body)
    expect(envelope.error.code).toBe('VALIDATION')
    expect(envelope.error.message).toContain('UTF-8')
    expect(test.ctx.sqlite.serialize().equals(before)).toBe(true)
  })

  it('refuses a NUL or a lone surrogate in a text field, naming the field', async () => {
    for (const name of ['nul\u0000name', 'lone\ud800surrogate']) {
      const res = await post(
        '/api/models:create',
        { ...bearer, 'content-type': 'application/json' },
        JSON.stringify({ name }),
      )
      const envelope = JSON.parse(res.body)
      expect(envelope.error.code).toBe('VALIDATION')
      expect(envelope.error.details.issues[0].path).toBe('name')
    }
  })
})
