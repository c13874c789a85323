/**
 * What the vault needs to know about the database whose passwords it guards. Implemented over
 * SQLite in db/key-check.ts; a plain object in tests. Without one, the vault behaves as on a
 * database that holds no password yet.
 */
export interface KeyFingerprint {
  keyVersion: number
  /** HMAC-SHA256 check value of the key (fingerprint.ts), base64url: never the key itself. */
  check: string
}

export interface SealedSample {
  stored: string
  /** The row identity it was sealed with, e.g. `proxy:42`. */
  aad: string
}

export interface KeyDatabase {
  recordedFingerprint(): KeyFingerprint | null
  /** One sealed password, or null when none is stored. */
  sealedSample(): SealedSample | null
  recordFingerprint(fingerprint: KeyFingerprint, at: number): void
  /** Clears every sealed password and records the new key's fingerprint, in one transaction. */
  resetPasswords(fingerprint: KeyFingerprint, at: number): number
}
