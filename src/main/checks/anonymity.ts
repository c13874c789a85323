import net from 'node:net'
import type { AnonymityLevel } from '../../shared/domain'
import { normalizeIp } from './ip-ranges'

/** Request headers as a header-echo judge reported them: lower-case names, one string each. */
export type EchoedHeaders = Readonly<Record<string, string>>

/**
 * Headers that carry a client address. This computer's own address in any of them makes the proxy
 * transparent. `x-tinyproxy` is tinyproxy's `XTinyproxy Yes`: it holds the client's address.
 */
export const ADDRESS_HEADERS: readonly string[] = [
  'x-forwarded-for',
  'forwarded',
  'x-real-ip',
  'client-ip',
  'x-client-ip',
  'x-originating-ip',
  'true-client-ip',
  'cf-connecting-ip',
  'x-cluster-client-ip',
  'fastly-client-ip',
  'x-forwarded',
  'forwarded-for',
  'x-remote-ip',
  'x-remote-addr',
  'x-proxyuser-ip',
  'x-tinyproxy',
]

/** Headers whose mere presence says a proxy handled the request (anonymous at best). */
export const PROXY_HEADERS: readonly string[] = [
  'via',
  'proxy-connection',
  'x-proxy-id',
  'proxy-agent',
  'x-proxy-connection',
  'x-bluecoat-via',
  'x-via',
]

/** Every IP address written in a header value (`for="[2001:db8::1]:80"`, `1.2.3.4:5678`, ...). */
export function addressesIn(value: string): string[] {
  const found: string[] = []
  for (const raw of value.split(/[\s,;"=[\]]+/)) {
    if (!raw) continue
    let token = normalizeIp(raw)
    if (net.isIP(token) === 0) {
      // IPv4 with a port; a bare IPv6 address with a port is always bracketed (handled above).
      const withPort = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(token)
      if (!withPort) continue
      token = withPort[1] as string
      if (net.isIP(token) === 0) continue
    }
    found.push(token.toLowerCase())
  }
  return found
}

/**
 * The level seen by a judge that echoes the request headers it received over a plain-HTTP request
 * sent through the proxy (never a CONNECT tunnel: the proxy cannot add headers inside one).
 * - transparent: an address header holds one of this computer's addresses (`isOwn`);
 * - anonymous: a proxy header is present, or an address header holds something other than the
 *   exit address (another address, `unknown`, ...);
 * - elite: neither.
 * An address header that holds only `exitIp` (the address the judge saw the request come from) is
 * what a load balancer in front of the judge appends, not the proxy, and is not held against it.
 */
export function classifyAnonymity(
  headers: EchoedHeaders,
  exitIp: string | null,
  isOwn: (ip: string) => boolean,
): Exclude<AnonymityLevel, 'not_applicable'> {
  const exit = exitIp === null ? null : normalizeIp(exitIp).toLowerCase()
  let revealing = false
  for (const name of ADDRESS_HEADERS) {
    const value = headers[name]
    if (value === undefined) continue
    const addresses = addressesIn(value)
    for (const address of addresses) if (isOwn(address)) return 'transparent'
    if (addresses.length === 0 || addresses.some((address) => address !== exit)) revealing = true
  }
  if (revealing) return 'anonymous'
  for (const name of PROXY_HEADERS) if (headers[name] !== undefined) return 'anonymous'
  return 'elite'
}

/** A judge's `headers` object → EchoedHeaders (names lower-cased, arrays joined); null if absent. */
export function echoedHeaders(value: unknown): EchoedHeaders | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null
  const out: Record<string, string> = {}
  const source = value as Record<string, unknown>
  for (const name in source) {
    const field = source[name]
    const text =
      typeof field === 'string'
        ? field
        : Array.isArray(field)
          ? field.filter((part) => typeof part === 'string').join(', ')
          : null
    if (text === null) continue
    const key = name.toLowerCase()
    out[key] = out[key] === undefined ? text : `${out[key]}, ${text}`
  }
  return out
}
