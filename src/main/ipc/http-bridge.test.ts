import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestContext } from '../../../test/support/context'
import { startTestBridge, type TestBridge } from '../../../test/support/bridge'
import { rawRequest } from '../../../test/support/http'
import type { RunningBridge } from './http-bridge'

const TOKEN = 'test-token-123'
let served: TestBridge
let test: TestContext
let bridge: RunningBridge

beforeAll(async () => {
  served = await startTestBridge(TOKEN)
  ;({ test, bridge } = served)
})

afterAll(() => served?.dispose())

function call(channel: string, body: unknown, headers: Record<string, string> = {}) {
  return rawRequest({
    port: bridge.port,
    path: `/api/${channel}`,
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${TOKEN}`,
      ...headers,
    },
    body: JSON.stringify(body),
  })
}

describe('http bridge', () => {
  it('binds to loopback and prints a URL carrying the token', () => {
    expect(bridge.url).toBe(`http://127.0.0.1:${bridge.port}/?token=${TOKEN}`)
    expect(bridge.port).toBeGreaterThan(0)
  })

  it('answers a contract call with an envelope', async () => {
    const res = await call('app:info', {})
    expect(res.status).toBe(200)
    const envelope = JSON.parse(res.body)
    expect(envelope.ok).toBe(true)
    expect(envelope.value.dataDir).toBe(test.dataDir)
    expect(envelope.value.keychain.status).toBe('available')
    expect(res.headers['cache-control']).toBe('no-store')
  })

  it('refuses a missing or wrong token with 401', async () => {
    const missing = await call('app:info', {}, { authorization: '' })
    expect(missing.status).toBe(401)
    expect(JSON.parse(missing.body).error.code).toBe('UNAUTHORIZED')
    const wrong = await call('app:info', {}, { authorization: 'Bearer nope' })
    expect(wrong.status).toBe(401)
    const events = await rawRequest({ port: bridge.port, path: '/api/events' })
    expect(events.status).toBe(401)
  })

  it('refuses a foreign Host header with 403, on the API and on pages', async () => {
    const api = await call('app:info', {}, { host: 'evil.example:80' })
    expect(api.status).toBe(403)
    const page = await rawRequest({
      port: bridge.port,
      path: '/',
      headers: { host: 'evil.example' },
    })
    expect(page.status).toBe(403)
    const tunnelled = await call('app:info', {}, { host: `localhost:9999` })
    expect(tunnelled.status).toBe(200)
  })

  it('accepts only JSON bodies on POST', async () => {
    const form = await call('app:info', {}, { 'content-type': 'application/x-www-form-urlencoded' })
    expect(form.status).toBe(415)
    const bad = await rawRequest({
      port: bridge.port,
      path: '/api/app:info',
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: '{not json',
    })
    expect(bad.status).toBe(400)
    expect(JSON.parse(bad.body).error.code).toBe('VALIDATION')
  })

  it('answers an unknown channel with 404 and UNKNOWN_CHANNEL', async () => {
    const res = await call('proxies:nope', {})
    expect(res.status).toBe(404)
    expect(JSON.parse(res.body).error.code).toBe('UNKNOWN_CHANNEL')
  })

  it('serves the renderer with a CSP and never a file outside it', async () => {
    const page = await rawRequest({ port: bridge.port, path: '/' })
    expect(page.status).toBe(200)
    expect(page.body).toContain('<title>ProxyDeck</title>')
    expect(page.headers['content-security-policy']).toContain("script-src 'self'")
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json']) {
      const res = await rawRequest({ port: bridge.port, path })
      expect(res.body).not.toContain('"name": "proxydeck"')
    }
  })

  it('streams events to an authorised client', async () => {
    const controller = new AbortController()
    const res = await fetch(`http://127.0.0.1:${bridge.port}/api/events?token=${TOKEN}`, {
      signal: controller.signal,
    })
    expect(res.headers.get('content-type')).toContain('text/event-stream')
    const reader = res.body!.getReader()
    const decoder = new TextDecoder()
    const received = (async () => {
      let text = ''
      while (!text.includes('event: settings:changed')) {
        const { value, done } = await reader.read()
        if (done) break
        text += decoder.decode(value)
      }
      return text
    })()
    const set = await call('settings:set', { checkConcurrency: 32 })
    expect(JSON.parse(set.body).value.checkConcurrency).toBe(32)
    const text = await received
    controller.abort()
    const data = text.split('event: settings:changed\ndata: ')[1]?.split('\n')[0]
    expect(JSON.parse(data ?? 'null').checkConcurrency).toBe(32)
  })
})
