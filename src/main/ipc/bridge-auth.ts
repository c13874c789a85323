import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

export interface BridgeAuth {
  hostAllowed(hostHeader: string | undefined): boolean
  tokenValid(req: IncomingMessage, url: URL): boolean
}

// Loopback names only: a foreign Host header means DNS rebinding or a misrouted request. Any port,
// because an SSH tunnel may map the bridge to a different local port.
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

export function bridgeAuth(token: string): BridgeAuth {
  const expected = digest(token)
  return {
    hostAllowed(hostHeader) {
      if (!hostHeader) return false
      const match = /^(\[[^\]]+\]|[^:]+)(?::(\d{1,5}))?$/.exec(hostHeader.trim().toLowerCase())
      return match !== null && LOOPBACK_HOSTS.has(match[1] ?? '')
    },
    tokenValid(req, url) {
      const header = req.headers.authorization
      const given = header?.startsWith('Bearer ')
        ? header.slice('Bearer '.length)
        : queryTokenAllowed(req, url)
          ? url.searchParams.get('token')
          : null
      if (!given) return false
      return timingSafeEqual(digest(given), expected)
    },
  }
}

/** The events stream's path: the one place a token may travel in the query string. */
export const EVENTS_PATH = '/api/events'

/**
 * EventSource cannot set headers, so `GET /api/events` may carry the token as `?token=`. Nowhere
 * else: a query string ends up in logs, history and Referer headers, and a POST (which can reveal
 * passwords) always needs `Authorization: Bearer`.
 */
function queryTokenAllowed(req: IncomingMessage, url: URL): boolean {
  return req.method === 'GET' && url.pathname === EVENTS_PATH
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest()
}
