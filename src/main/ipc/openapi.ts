import { z } from 'zod'
import { channels, eventChannels, type Channel } from '../../shared/channels'
import { contracts } from '../../shared/contracts'
import { errorCodes } from '../../shared/errors'

/*
 * The headless API described for other tools, generated from the zod contracts so it cannot drift
 * from what the bridge accepts. Served at GET /api/openapi.json; `npm run api:docs` writes
 * docs/openapi.json. Outputs are TypeScript types only, so `value` is left open.
 */

export const OPENAPI_PATH = '/api/openapi.json'

type JsonSchema = Record<string, unknown>

interface Operation {
  operationId: string
  summary: string
  tags?: string[]
  security?: Record<string, string[]>[]
  requestBody?: { required: boolean; content: Record<string, { schema: JsonSchema }> }
  responses: Record<string, JsonSchema>
}

export interface OpenApiDocument {
  openapi: '3.1.0'
  info: { title: string; version: string; description: string }
  servers: JsonSchema[]
  security: Record<string, string[]>[]
  paths: Record<string, { get?: Operation; post?: Operation }>
  components: {
    schemas: Record<string, JsonSchema>
    responses: Record<string, JsonSchema>
    securitySchemes: Record<string, JsonSchema>
  }
}

const ref = (kind: 'schemas' | 'responses', name: string) => ({
  $ref: `#/components/${kind}/${name}`,
})

/** A bridge refusal before any contract runs: the same envelope, with `ok: false`. */
const refusal = (description: string) => ({
  description,
  content: { 'application/json': { schema: ref('schemas', 'Failure') } },
})

export function buildOpenApiDocument(version: string): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {}
  for (const channel of channels) paths[`/api/${channel}`] = { post: channelOperation(channel) }
  paths['/api/events'] = { get: eventsOperation() }
  paths[OPENAPI_PATH] = {
    get: {
      operationId: 'openapi',
      summary: 'This document',
      responses: {
        '200': { description: 'The OpenAPI document', content: { 'application/json': {} } },
        '401': ref('responses', 'Unauthorized'),
      },
    },
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'ProxyDeck headless API',
      version,
      description:
        'The contracts of the desktop app, served by `npm run serve` on 127.0.0.1 only. Every ' +
        'method is `POST /api/<channel>` with a JSON body and `Authorization: Bearer <token>`; ' +
        'domain errors answer 200 with `ok: false`.',
    },
    servers: [
      {
        url: 'http://127.0.0.1:{port}',
        variables: { port: { default: '5199', description: '`npm run serve -- --port N`' } },
      },
    ],
    security: [{ bearer: [] }],
    paths,
    components: {
      schemas: {
        ErrorCode: { type: 'string', enum: [...errorCodes] },
        Error: {
          type: 'object',
          properties: {
            code: ref('schemas', 'ErrorCode'),
            message: { type: 'string' },
            details: { description: 'VALIDATION: `{ issues: [{ path, message, code }] }`' },
          },
          required: ['code', 'message'],
        },
        Success: {
          type: 'object',
          properties: { ok: { const: true }, value: { description: 'The method’s result' } },
          required: ['ok', 'value'],
        },
        Failure: {
          type: 'object',
          properties: { ok: { const: false }, error: ref('schemas', 'Error') },
          required: ['ok', 'error'],
        },
        Envelope: { oneOf: [ref('schemas', 'Success'), ref('schemas', 'Failure')] },
      },
      responses: {
        Envelope: {
          description: 'The result, or a domain error (VALIDATION, NOT_FOUND, CONFLICT, ...)',
          content: { 'application/json': { schema: ref('schemas', 'Envelope') } },
        },
        BadRequest: refusal('The body is not valid UTF-8 or not valid JSON (VALIDATION)'),
        Unauthorized: refusal('Missing or wrong token (UNAUTHORIZED)'),
        Forbidden: refusal('A Host header that is not a loopback name (FORBIDDEN)'),
        UnknownChannel: refusal('No such channel (UNKNOWN_CHANNEL)'),
        TooLarge: refusal('The body is larger than the bridge accepts (VALIDATION)'),
        NotJson: refusal('The body is not application/json (VALIDATION)'),
      },
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        eventsToken: {
          type: 'apiKey',
          in: 'query',
          name: 'token',
          description: 'Only for GET /api/events: EventSource cannot send headers.',
        },
      },
    },
  }
}

function channelOperation(channel: Channel): Operation {
  const input = contracts[channel].input
  return {
    operationId: channel,
    summary: channel,
    tags: [channel.split(':')[0] ?? channel],
    requestBody: {
      // Methods that take nothing (or only defaults) accept an empty body.
      required: !input.safeParse(undefined).success,
      content: { 'application/json': { schema: inputSchema(input) } },
    },
    responses: {
      '200': ref('responses', 'Envelope'),
      '400': ref('responses', 'BadRequest'),
      '401': ref('responses', 'Unauthorized'),
      '403': ref('responses', 'Forbidden'),
      '404': ref('responses', 'UnknownChannel'),
      '413': ref('responses', 'TooLarge'),
      '415': ref('responses', 'NotJson'),
    },
  }
}

/** The schema a caller must send: the input side of transforms and defaults. */
function inputSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input' }) as JsonSchema
  return rest
}

function eventsOperation(): Operation {
  return {
    operationId: 'events',
    summary: 'Server-Sent Events: every event the app emits',
    security: [{ bearer: [] }, { eventsToken: [] }],
    responses: {
      '200': {
        description: `A text/event-stream; each event's name is one of: ${eventChannels.join(', ')}. Its data is JSON.`,
        content: { 'text/event-stream': { schema: { type: 'string' } } },
      },
      '401': ref('responses', 'Unauthorized'),
    },
  }
}
