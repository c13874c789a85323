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
      // EventSource cannot set headers, so the events stream may carry the token in the query.
      const header = req.headers.authorization
      const given = header?.startsWith('Bearer ')
        ? header.slice('Bearer '.length)
        : url.searchParams.get('token')
      if (!given) return false
      return timingSafeEqual(digest(given), expected)
    },
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest()
}
