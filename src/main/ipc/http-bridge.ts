import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import type { AppContext } from '../context'
import { dispatch } from './dispatch'
import { bridgeAuth, EVENTS_PATH, type BridgeAuth } from './bridge-auth'
import { readJsonBody } from './bridge-body'
import { serveStatic, SECURITY_HEADERS } from './bridge-static'
import { handleEvents } from './bridge-events'
import { buildOpenApiDocument, OPENAPI_PATH } from './openapi'

export interface BridgeOptions {
  /** Always loopback: the bridge is for this machine (or an SSH tunnel to it). */
  host?: '127.0.0.1'
  port: number
  token: string
  rendererDir: string
  /** Largest accepted request body; imports of 100k lines fit easily. */
  maxBodyBytes?: number
}

export interface RunningBridge {
  url: string
  port: number
  token: string
  close(): Promise<void>
}

const API_PREFIX = '/api/'

/**
 * The headless transport: the same contracts as the Electron IPC, served as
 * `POST /api/<channel>` (JSON in, envelope out), Server-Sent Events at `/api/events`, their
 * OpenAPI description at `/api/openapi.json`, plus the built renderer at `/`. Token required for
 * /api; Host header checked everywhere. The rules are in this folder's README.
 */
export async function startBridge(ctx: AppContext, options: BridgeOptions): Promise<RunningBridge> {
  const host = options.host ?? '127.0.0.1'
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024 * 1024
  const auth = bridgeAuth(options.token)
  const server = createServer((req, res) => {
    void route(ctx, auth, req, res, options.rendererDir, maxBodyBytes)
  })
  await listen(server, host, options.port)
  const port = (server.address() as AddressInfo).port
  const sockets = new Set<Socket>()
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  return {
    url: `http://${host}:${port}/?token=${encodeURIComponent(options.token)}`,
    port,
    token: options.token,
    close: () =>
      new Promise<void>((resolve) => {
        // SSE connections never end on their own: close them so the server can stop.
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}

async function route(
  ctx: AppContext,
  auth: BridgeAuth,
  req: IncomingMessage,
  res: ServerResponse,
  rendererDir: string,
  maxBodyBytes: number,
): Promise<void> {
  try {
    if (!auth.hostAllowed(req.headers.host)) {
      return reply(res, 403, failure('FORBIDDEN', 'This address is not allowed to reach ProxyDeck'))
    }
    const url = new URL(req.url ?? '/', 'http://bridge.invalid')
    if (!url.pathname.startsWith(API_PREFIX))
      return serveStatic(req, res, rendererDir, url.pathname)
    if (!auth.tokenValid(req, url)) {
      return reply(res, 401, failure('UNAUTHORIZED', 'Missing or wrong token'))
    }
    if (url.pathname === OPENAPI_PATH) {
      if (req.method !== 'GET') return reply(res, 405, failure('VALIDATION', 'Use GET'))
      return reply(res, 200, buildOpenApiDocument(ctx.version))
    }
    if (url.pathname === EVENTS_PATH) {
      if (req.method !== 'GET') return reply(res, 405, failure('VALIDATION', 'Use GET for events'))
      return handleEvents(ctx, req, res)
    }
    if (req.method !== 'POST') {
      return reply(res, 405, failure('VALIDATION', 'Use POST with a JSON body'))
    }
    const channel = channelOf(url.pathname)
    if (channel === null) {
      return reply(res, 404, failure('UNKNOWN_CHANNEL', 'Unknown method: not a valid channel name'))
    }
    const body = await readJsonBody(req, maxBodyBytes)
    if (!body.ok) return reply(res, body.status, failure('VALIDATION', body.message))
    const envelope = await dispatch(ctx, channel, body.input)
    const status = !envelope.ok && envelope.error.code === 'UNKNOWN_CHANNEL' ? 404 : 200
    return reply(res, status, envelope)
  } catch (error) {
    console.error('bridge request failed:', error)
    if (!res.headersSent) reply(res, 500, failure('INTERNAL', 'The request failed unexpectedly'))
    else res.end()
  }
}

function failure(code: string, message: string) {
  return { ok: false, error: { code, message } }
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
  })
  res.end(text)
}

/** The channel a path names, or null when its percent-encoding is broken (`/api/%ZZ`). */
function channelOf(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname.slice(API_PREFIX.length))
  } catch {
    return null
  }
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
}
