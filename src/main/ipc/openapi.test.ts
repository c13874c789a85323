import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { version } from '../../../package.json'
import { channels } from '../../shared/channels'
import { errorCodes } from '../../shared/errors'
import type { TestContext } from '../../../test/support/context'
import { startTestBridge, type TestBridge } from '../../../test/support/bridge'
import { rawRequest } from '../../../test/support/http'
import type { RunningBridge } from './http-bridge'
import { buildOpenApiDocument, OPENAPI_PATH, type OpenApiDocument } from './openapi'

const TOKEN = 'openapi-token-789'
let served: TestBridge
let test: TestContext
let bridge: RunningBridge

beforeAll(async () => {
  served = await startTestBridge(TOKEN)
  ;({ test, bridge } = served)
})

afterAll(() => served?.dispose())

describe('OpenAPI document', () => {
  const doc = buildOpenApiDocument('1.2.3')

  it('is OpenAPI 3.1 with a POST per channel, its input schema as the request body', () => {
    expect(doc.openapi).toBe('3.1.0')
    expect(doc.info.version).toBe('1.2.3')
    const contractPaths = Object.keys(doc.paths).filter(
      (p) => p !== '/api/events' && p !== OPENAPI_PATH,
    )
    expect(contractPaths.sort()).toEqual(channels.map((c) => `/api/${c}`).sort())
    for (const channel of channels) {
      const post = doc.paths[`/api/${channel}`]?.post
      expect(post?.operationId, channel).toBe(channel)
      const schema = post?.requestBody?.content['application/json']?.schema
      expect(schema, channel).toBeTypeOf('object')
      expect(JSON.stringify(schema), channel).not.toContain('$schema')
      expect(post?.responses['200']).toEqual({ $ref: '#/components/responses/Envelope' })
    }
    // Methods that take nothing may be called with no body; the others need one.
    expect(doc.paths['/api/app:info']?.post?.requestBody?.required).toBe(false)
    expect(doc.paths['/api/proxies:create']?.post?.requestBody?.required).toBe(true)
    const create = doc.paths['/api/proxies:create']?.post?.requestBody?.content['application/json']
    expect(create?.schema).toMatchObject({
      type: 'object',
      required: expect.arrayContaining(['providerId', 'protocol', 'host', 'port']),
      additionalProperties: false,
    })
  })

  it('describes the envelope, the error codes, bearer auth and the events stream', () => {
    expect(doc.components.securitySchemes.bearer).toEqual({ type: 'http', scheme: 'bearer' })
    expect(doc.security).toEqual([{ bearer: [] }])
    const envelope = doc.components.schemas.Envelope as { oneOf: unknown[] }
    expect(envelope.oneOf).toHaveLength(2)
    expect(doc.components.schemas.ErrorCode).toEqual({ type: 'string', enum: [...errorCodes] })
    const events = doc.paths['/api/events']?.get
    expect(events?.security).toEqual([{ bearer: [] }, { eventsToken: [] }])
    expect(events?.responses['200']).toMatchObject({ content: { 'text/event-stream': {} } })
    expect(doc.components.securitySchemes.eventsToken).toEqual({
      type: 'apiKey',
      in: 'query',
      name: 'token',
      description: expect.any(String),
    })
  })

  it('is served behind the token at GET /api/openapi.json', async () => {
    const res = await rawRequest({
      port: bridge.port,
      path: OPENAPI_PATH,
      headers: { authorization: `Bearer ${TOKEN}` },
    })
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toContain('application/json')
    const served = JSON.parse(res.body) as OpenApiDocument
    expect(served).toEqual(buildOpenApiDocument(test.ctx.version))
    expect((await rawRequest({ port: bridge.port, path: OPENAPI_PATH })).status).toBe(401)
    const query = await rawRequest({ port: bridge.port, path: `${OPENAPI_PATH}?token=${TOKEN}` })
    expect(query.status).toBe(401)
  })

  it('docs/openapi.json is current (npm run api:docs writes it)', () => {
    const committed = JSON.parse(
      readFileSync(join(__dirname, '../../../docs/openapi.json'), 'utf8'),
    )
    expect(committed, 'docs/openapi.json is stale: run npm run api:docs').toEqual(
      buildOpenApiDocument(version),
    )
  })
})
