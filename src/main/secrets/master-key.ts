import { randomBytes } from 'node:crypto'

/** AES-256 wants exactly 32 bytes of key. */
export const MASTER_KEY_BYTES = 32

/** The version given to the first key; rotation will hand out the next integers. */
export const FIRST_KEY_VERSION = 1

export interface MasterKey {
  /** Written into every ciphertext, so that after a rotation old rows still name their key. */
  readonly version: number
  readonly key: Buffer
}

export type ParsedMasterKey = { ok: true; masterKey: MasterKey } | { ok: false; problem: string }

export function createMasterKey(version = FIRST_KEY_VERSION): MasterKey {
  return { version, key: randomBytes(MASTER_KEY_BYTES) }
}

/**
 * The keychain entry is JSON `{ "v": <key version>, "key": "<standard base64 of 32 bytes>" }`.
 * Fields beyond these two are ignored, so a later version can add (say) retired keys without
 * locking an older build out of the current one.
 */
export function serializeMasterKey(masterKey: MasterKey): string {
  return JSON.stringify({ v: masterKey.version, key: masterKey.key.toString('base64') })
}

/**
 * Problems are described without quoting the entry: it holds the key, and JSON.parse's own
 * messages would echo part of it.
 */
export function parseMasterKey(text: string): ParsedMasterKey {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { ok: false, problem: 'it is not JSON' }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, problem: 'it is not a JSON object' }
  }
  const { v, key } = value as { v?: unknown; key?: unknown }
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1) {
    return { ok: false, problem: 'its key version "v" is not a positive integer' }
  }
  if (typeof key !== 'string') {
    return { ok: false, problem: 'it has no "key" text' }
  }
  const bytes = Buffer.from(key, 'base64')
  // Node's base64 decoder skips characters it does not know; re-encoding catches that.
  if (bytes.toString('base64') !== key) {
    return { ok: false, problem: 'its "key" is not canonical base64' }
  }
  if (bytes.length !== MASTER_KEY_BYTES) {
    return {
      ok: false,
      problem: `its "key" is ${bytes.length} bytes long instead of ${MASTER_KEY_BYTES}`,
    }
  }
  return { ok: true, masterKey: { version: v, key: bytes } }
}
