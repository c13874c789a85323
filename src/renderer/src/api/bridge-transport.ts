import type { Transport } from '../../../shared/client'
import type { Envelope, ErrorCode } from '../../../shared/errors'
import { createEventStream } from './event-stream'

/**
 * The HTTP bridge of `npm run serve`: `POST /api/<channel>` answered with the same envelope the
 * Electron IPC uses, and events over SSE. Failures of the bridge itself (no token, unreachable,
 * not JSON) come back as envelopes too, so callers see one kind of error.
 */
export function createBridgeTransport(token: string | null, baseUrl = ''): Transport {
  const events = createEventStream(`${baseUrl}/api/events?token=${encodeURIComponent(token ?? '')}`)

  return {
    async invoke(channel, input) {
      let response: Response
      try {
        response = await fetch(`${baseUrl}/api/${channel}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token ?? ''}` },
          body: JSON.stringify(input ?? {}),
        })
      } catch {
        return failure('INTERNAL', 'Cannot reach ProxyDeck: is `npm run serve` still running?')
      }
      if (response.status === 401) {
        return failure(
          'UNAUTHORIZED',
          'Access token missing or wrong: open the address printed by `npm run serve`.',
        )
      }
      if (response.status === 403) {
        return failure('FORBIDDEN', 'ProxyDeck refused this page: open it at 127.0.0.1.')
      }
      const body = await response.json().catch(() => undefined)
      if (isEnvelope(body)) return body
      return failure('INTERNAL', `Unexpected answer from ProxyDeck (HTTP ${response.status}).`)
    },
    subscribe(event, listener) {
      return events.subscribe(event, listener)
    },
  }
}

function failure(code: ErrorCode, message: string): Envelope<never> {
  return { ok: false, error: { code, message } }
}

function isEnvelope(body: unknown): body is Envelope<unknown> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false
  if (body.ok === true) return 'value' in body
  return body.ok === false && 'error' in body && typeof body.error === 'object'
}
