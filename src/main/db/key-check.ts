import type Database from 'better-sqlite3'
import type { KeyDatabase, KeyFingerprint } from '../secrets/key-database'
import { exclusiveGate } from './exclusive'

/**
 * The vault's view of one database (secrets/key-database.ts): the recorded key fingerprint and
 * whether any sealed password exists. `aad` names a proxy row as the vault's associated data;
 * it comes from the proxies service, which this folder may not import.
 */
export function keyDatabase(
  sqlite: Database.Database,
  aad: (proxyId: number) => string,
): KeyDatabase {
  return {
    recordedFingerprint: () => readKeyCheck(sqlite),
    sealedSample() {
      const row = sqlite
        .prepare(
          'SELECT id, password_encrypted AS sealed FROM proxies WHERE password_encrypted IS NOT NULL LIMIT 1',
        )
        .get() as { id: number; sealed: string } | undefined
      return row ? { stored: row.sealed, aad: aad(row.id) } : null
    },
    recordFingerprint: (fingerprint, at) => recordKeyCheck(sqlite, fingerprint, at),
    resetPasswords(fingerprint, at) {
      // Would join an import's open transaction otherwise (db/exclusive.ts).
      exclusiveGate(sqlite).assertFree()
      return sqlite.transaction(() => {
        const cleared = sqlite
          .prepare(
            'UPDATE proxies SET password_encrypted = NULL, updated_at = ? WHERE password_encrypted IS NOT NULL',
          )
          .run(at).changes
        recordKeyCheck(sqlite, fingerprint, at)
        return cleared
      })()
    },
  }
}

export function readKeyCheck(sqlite: Database.Database): KeyFingerprint | null {
  const row = sqlite
    .prepare('SELECT key_version AS keyVersion, check_value AS checkValue FROM vault_key_check')
    .get() as { keyVersion: number; checkValue: string } | undefined
  return row ? { keyVersion: row.keyVersion, check: row.checkValue } : null
}

export function recordKeyCheck(
  sqlite: Database.Database,
  fingerprint: KeyFingerprint,
  at: number,
): void {
  sqlite
    .prepare(
      `INSERT INTO vault_key_check (id, key_version, check_value, recorded_at) VALUES (1, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET key_version = excluded.key_version,
         check_value = excluded.check_value, recorded_at = excluded.recorded_at`,
    )
    .run(fingerprint.keyVersion, fingerprint.check, at)
}

export function countSealedPasswords(sqlite: Database.Database): number {
  const row = sqlite
    .prepare('SELECT count(*) AS n FROM proxies WHERE password_encrypted IS NOT NULL')
    .get() as { n: number }
  return row.n
}
