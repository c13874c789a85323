import net from 'node:net'
import { echoedHeaders, type EchoedHeaders } from './anonymity'
import { normalizeIp } from './ip-ranges'

// Field names used by common IP-echo services: ipify/ifconfig.co `ip`, httpbin `origin`,
// ip-api `query`, ifconfig.me `ip_addr`.
const IP_FIELDS = ['ip', 'origin', 'query', 'ip_addr', 'address', 'client_ip', 'clientIp']

function lastIpIn(value: unknown): string | null {
  if (typeof value !== 'string') return null
  // httpbin's `origin` lists X-Forwarded-For first: the address that reached the judge is last.
  const candidates = value.split(',').map((part) => normalizeIp(part))
  for (let i = candidates.length - 1; i >= 0; i -= 1) {
    const candidate = candidates[i]
    if (candidate && net.isIP(candidate)) return candidate
  }
  return null
}

/** What a judge answered: the exit IP, and the request headers when the judge echoes them. */
export interface JudgeAnswer {
  ip: string | null
  /** A header-echo judge's `headers` object (httpbin `/get`, the test judge's `/get`). */
  headers: EchoedHeaders | null
}

const NOTHING: JudgeAnswer = Object.freeze({ ip: null, headers: null })

/**
 * Parses a judge body: JSON with a known IP field, or a bare IP as plain text. Echoed headers are
 * read only when `withHeaders` (the exit profile is on and the request was plain HTTP through the
 * proxy), so checks that do not need them pay nothing for them.
 */
export function parseJudgeAnswer(text: string, withHeaders: boolean): JudgeAnswer {
  const trimmed = text.trim()
  if (!trimmed.startsWith('{') && !trimmed.startsWith('"')) {
    return { ip: lastIpIn(trimmed), headers: null }
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(trimmed)
  } catch {
    return NOTHING
  }
  if (typeof parsed === 'string') return { ip: lastIpIn(parsed), headers: null }
  if (parsed === null || typeof parsed !== 'object') return NOTHING
  const record = parsed as Record<string, unknown>
  let ip: string | null = null
  for (const field of IP_FIELDS) {
    ip = lastIpIn(record[field])
    if (ip) break
  }
  return { ip, headers: withHeaders ? echoedHeaders(record.headers) : null }
}

/** The exit IP from a judge body: JSON with a known IP field, or a bare IP as plain text. */
export function parseExitIp(text: string): string | null {
  return parseJudgeAnswer(text, false).ip
}

/** A response body: undici's stream, http-exchange.ts's JudgeBody, any source of chunks. */
type Body = AsyncIterable<Buffer>

/** Reads at most `limit` bytes; null if the body is longer (the stream is then destroyed). */
export async function readCapped(body: Body, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of body) {
    const buffer = chunk as Buffer
    size += buffer.length
    if (size > limit) return null // leaving the loop destroys the stream
    chunks.push(buffer)
  }
  return Buffer.concat(chunks, size)
}

/**
 * Streams the body looking for `keyword` (UTF-8 bytes) and stops at the first match; only the
 * last few bytes are kept between chunks. Gives up after `limit` bytes.
 */
export async function bodyContains(body: Body, keyword: string, limit: number): Promise<boolean> {
  const needle = Buffer.from(keyword, 'utf8')
  let carry = Buffer.alloc(0)
  let size = 0
  for await (const chunk of body) {
    const room = limit - size
    const buffer = (chunk as Buffer).subarray(0, room)
    size += buffer.length
    const window = Buffer.concat([carry, buffer])
    if (window.includes(needle)) return true
    if (size >= limit) return false
    carry = window.subarray(Math.max(0, window.length - needle.length + 1))
  }
  return false
}
