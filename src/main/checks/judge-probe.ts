import type tls from 'node:tls'
import { Client } from 'undici'
import { bodyContains, parseExitIp, readCapped } from './judge-answer'

/** How long a judge's direct answer (or silence) is trusted: a sweep asks each judge about once. */
const PROBE_TTL_MS = 30_000
/** A direct request to a healthy judge takes well under this. */
const PROBE_TIMEOUT_MS = 5_000
/** Probes below this budget are not started: the check's own deadline comes first. */
const MIN_BUDGET_MS = 100
const MAX_CACHED = 100

/** What a judge must answer to count as up: an IP (judges) or the keyword (a custom check). */
export interface ProbeSpec {
  keyword?: string
  bodyLimit: number
}

/**
 * True when at least one of `urls` answers as expected when asked directly, without any proxy,
 * within `budgetMs`; false otherwise (including when the budget ran out first).
 */
export type JudgeProbe = (
  urls: readonly string[],
  spec: ProbeSpec,
  budgetMs: number,
) => Promise<boolean>

/**
 * Asks judges directly whether they are up. The checker uses it only when a proxy could not reach
 * any judge (CONNECT answered 5xx, SOCKS "host unreachable", ...): if a judge answers from here,
 * the judges are fine and the proxy's own upstream is broken, so the proxy is at fault after all.
 * Answers are cached per URL, so thousands of proxies behind one dead gateway cost one direct
 * request per judge per TTL, not one per proxy.
 */
export function createJudgeProbe(
  secureContext: tls.SecureContext | undefined,
  learnOwnAddress: (ip: string) => void = () => {},
): JudgeProbe {
  const cache = new Map<string, { until: number; up: Promise<boolean> }>()

  const cached = (url: string, spec: ProbeSpec): Promise<boolean> => {
    const key = `${spec.keyword ?? ''}\n${url}`
    const hit = cache.get(key)
    if (hit && hit.until > Date.now()) return hit.up
    if (cache.size >= MAX_CACHED) cache.clear()
    const up = askDirectly(url, spec, secureContext, learnOwnAddress)
    cache.set(key, { until: Date.now() + PROBE_TTL_MS, up })
    return up
  }

  return (urls, spec, budgetMs) => {
    if (urls.length === 0 || budgetMs < MIN_BUDGET_MS) return Promise.resolve(false)
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), budgetMs)
      let pending = urls.length
      const settle = (up: boolean): void => {
        pending -= 1
        if (up || pending === 0) {
          clearTimeout(timer)
          resolve(up)
        }
      }
      for (const url of urls) void cached(url, spec).then(settle)
    })
  }
}

/** One direct GET; never rejects. */
async function askDirectly(
  url: string,
  spec: ProbeSpec,
  secureContext: tls.SecureContext | undefined,
  learnOwnAddress: (ip: string) => void,
): Promise<boolean> {
  let client: Client | undefined
  try {
    const target = new URL(url)
    if (target.protocol !== 'http:' && target.protocol !== 'https:') return false
    client = new Client(target.origin, {
      connectTimeout: PROBE_TIMEOUT_MS,
      headersTimeout: PROBE_TIMEOUT_MS,
      bodyTimeout: PROBE_TIMEOUT_MS,
      ...(secureContext ? { connect: { secureContext } } : {}),
    })
    const response = await client.request({
      path: `${target.pathname}${target.search}`,
      method: 'GET',
      headers: { 'user-agent': 'ProxyDeck-check/1', 'accept-encoding': 'identity' },
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    })
    response.body.on('error', () => {})
    if (response.statusCode < 200 || response.statusCode > 299) {
      response.body.destroy()
      return false
    }
    if (spec.keyword !== undefined) {
      return await bodyContains(response.body, spec.keyword, spec.bodyLimit)
    }
    const body = await readCapped(response.body, spec.bodyLimit)
    const ip = body === null ? null : parseExitIp(body.toString('utf8'))
    // Asked without a proxy, the judge saw this computer: its public address behind any NAT,
    // which a transparent proxy would pass on (anonymity.ts).
    if (ip !== null) learnOwnAddress(ip)
    return ip !== null
  } catch {
    return false
  } finally {
    client?.destroy().catch(() => {})
  }
}
