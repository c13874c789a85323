import os from 'node:os'
import { normalizeIp } from './ip-ranges'

/** This computer's addresses, as a transparent proxy would pass them on to a judge. */
export interface OwnAddresses {
  has(ip: string): boolean
  /** An address a judge reported when asked directly (the public address behind NAT). */
  learn(ip: string): void
  /** Whether any address was learnt from a judge yet. */
  learntAny(): boolean
}

const INTERFACES_TTL_MS = 60_000
const MAX_LEARNT = 16

/**
 * The addresses of this machine's interfaces (re-read at most once a minute: a laptop changes
 * networks) plus the ones judges reported when asked directly (judge-probe.ts). `fixed` replaces
 * the interfaces, for tests that need a known set.
 */
export function createOwnAddresses(fixed?: readonly string[]): OwnAddresses {
  const learnt = new Set<string>()
  let interfaces = new Set<string>()
  let readAt = -Infinity
  const key = (ip: string): string => normalizeIp(ip).toLowerCase()
  const current = (): Set<string> => {
    if (fixed) {
      if (readAt === -Infinity) {
        interfaces = new Set(fixed.map(key))
        readAt = 0
      }
      return interfaces
    }
    const now = Date.now()
    if (now - readAt > INTERFACES_TTL_MS) {
      const next = new Set<string>()
      for (const list of Object.values(os.networkInterfaces())) {
        for (const entry of list ?? []) next.add(key(entry.address.replace(/%.*$/, '')))
      }
      interfaces = next
      readAt = now
    }
    return interfaces
  }
  return {
    has: (ip) => {
      const address = key(ip)
      return learnt.has(address) || current().has(address)
    },
    learntAny: () => learnt.size > 0,
    learn: (ip) => {
      if (learnt.size >= MAX_LEARNT) learnt.clear()
      learnt.add(key(ip))
    },
  }
}
