import type { ReachabilityResult } from '../../../../shared/contracts/dto'
import type { AnonymityLevel, ReachabilityOutcome } from '../../../../shared/domain'
import { countryName } from '../../lib/country'
import { checkErrorLabels } from '../checks/check-labels'

export const anonymityLabels: Record<AnonymityLevel, string> = {
  elite: 'Elite',
  anonymous: 'Anonymous',
  transparent: 'Transparent',
  not_applicable: 'Not applicable',
}

/** What each level means to the operator, for tooltips. */
export const anonymityHints: Record<AnonymityLevel, string> = {
  elite: 'Sites see neither this computer’s address nor that a proxy is in the way.',
  anonymous: 'Sites see that a proxy is in the way, but not this computer’s address.',
  transparent: 'Sites see this computer’s address: the proxy hides nothing.',
  not_applicable: 'SOCKS and tunnel-only proxies cannot be judged this way.',
}

export function anonymityColor(level: AnonymityLevel): string {
  return level === 'elite'
    ? 'teal'
    : level === 'anonymous'
      ? 'blue'
      : level === 'transparent'
        ? 'red'
        : 'gray'
}

export const reachabilityLabels: Record<ReachabilityOutcome, string> = {
  reached: 'Reached',
  blocked_status: 'Blocked',
  keyword_missing: 'Unexpected page',
  failed: 'Failed',
}

export function reachabilityColor(outcome: ReachabilityOutcome): string {
  return outcome === 'reached' ? 'teal' : outcome === 'failed' ? 'red' : 'orange'
}

/** "Reached (HTTP 200)", "Blocked (HTTP 403)", "Failed: Timed out". */
export function reachabilityText(result: ReachabilityResult): string {
  const label = reachabilityLabels[result.outcome]
  if (result.outcome === 'failed') {
    return result.errorCode ? `${label}: ${checkErrorLabels[result.errorCode]}` : label
  }
  return result.status === null ? label : `${label} (HTTP ${result.status})`
}

/** "Cloudflare, Inc. · AS13335", or whichever half is known; null when neither. */
export function networkText(asn: number | null, org: string | null): string | null {
  const parts = [org, asn === null ? null : `AS${asn}`].filter(Boolean)
  return parts.length ? parts.join(' · ') : null
}

/** "Berlin, Land Berlin, Germany" from what is known; null when nothing is. */
export function placeText(
  city: string | null,
  region: string | null,
  country: string | null,
): string | null {
  const parts = [city, region && region !== city ? region : null, countryName(country)]
  const known = parts.filter(Boolean)
  return known.length ? known.join(', ') : null
}
