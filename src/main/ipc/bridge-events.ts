import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AppContext } from '../context'
import { SECURITY_HEADERS } from './bridge-static'

const HEARTBEAT_MS = 25_000

/** One Server-Sent Events stream: every event the context emits, until the client goes away. */
export function handleEvents(ctx: AppContext, req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
  })
  // A first comment so clients (and proxies in between) see the stream open at once.
  res.write(': connected\n\n')
  const unsubscribe = ctx.events.subscribe((event, payload) => {
    res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`)
  })
  const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS)
  heartbeat.unref()
  req.on('close', () => {
    clearInterval(heartbeat)
    unsubscribe()
  })
}
