import { createHmac, timingSafeEqual } from 'node:crypto'
import type { KeyFingerprint } from './key-database'
import type { MasterKey } from './master-key'

// A fixed, purpose-named message: the check value identifies the key and reveals nothing usable
// about it (HMAC-SHA256 is a PRF), so it may be stored beside the data and in backups.
const CHECK_MESSAGE = 'ProxyDeck master key check v1'

export function fingerprintOf(masterKey: MasterKey): KeyFingerprint {
  const check = createHmac('sha256', masterKey.key).update(CHECK_MESSAGE).digest('base64url')
  return { keyVersion: masterKey.version, check }
}

export function sameFingerprint(a: KeyFingerprint, b: KeyFingerprint): boolean {
  const left = Buffer.from(a.check)
  const right = Buffer.from(b.check)
  return (
    a.keyVersion === b.keyVersion && left.length === right.length && timingSafeEqual(left, right)
  )
}
