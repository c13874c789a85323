import {
  createCipheriv,
  createDecipheriv,
  randomBytes,
  scrypt,
  type ScryptOptions,
} from 'node:crypto'
import { AppError } from '../../shared/errors'
import { fingerprintOf, sameFingerprint } from './fingerprint'
import type { KeyFingerprint } from './key-database'
import { MASTER_KEY_BYTES, type MasterKey } from './master-key'

/**
 * An exported master key: versioned JSON holding the key sealed with AES-256-GCM under a key
 * derived from the operator's passphrase by scrypt. Everything but the ciphertext (format,
 * scrypt parameters, the key's fingerprint) is authenticated as associated data, so a file whose
 * parameters or fingerprint were edited does not open.
 */
export const KEY_FILE_FORMAT = 'proxydeck-master-key'
export const KEY_FILE_VERSION = 1

// N = 2^17, r = 8: 128 MiB and ~0.3 s here, OWASP's recommended floor for scrypt.
const SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const
// Bounds on what a file may ask for, so a crafted file cannot make import eat memory or hours.
const MAX_N = 2 ** 20
const MAX_R = 16
const MAX_P = 4
// Each bound alone still allows N = 2^20 with r = 16: 2 GiB. So the memory scrypt needs is capped
// too. OpenSSL reckons it as 128·r·(N + p + 2) bytes (V plus B) and refuses above `maxmem`.
const MAX_SCRYPT_MEMORY = 256 * 1024 * 1024

interface KeyFileJson {
  format: typeof KEY_FILE_FORMAT
  version: typeof KEY_FILE_VERSION
  fingerprint: KeyFingerprint
  kdf: { name: 'scrypt'; N: number; r: number; p: number; salt: string }
  cipher: { name: 'aes-256-gcm'; nonce: string; sealed: string }
  createdAt: string
}

export async function wrapMasterKey(
  masterKey: MasterKey,
  passphrase: string,
  now: number,
): Promise<string> {
  const salt = randomBytes(16)
  const nonce = randomBytes(12)
  const header: Pick<KeyFileJson, 'format' | 'version' | 'fingerprint' | 'kdf'> = {
    format: KEY_FILE_FORMAT,
    version: KEY_FILE_VERSION,
    fingerprint: fingerprintOf(masterKey),
    kdf: { name: 'scrypt' as const, ...SCRYPT, salt: salt.toString('base64url') },
  }
  const wrappingKey = await deriveKey(passphrase, salt, SCRYPT)
  const cipher = createCipheriv('aes-256-gcm', wrappingKey, nonce)
  cipher.setAAD(associatedData(header))
  const sealed = Buffer.concat([cipher.update(masterKey.key), cipher.final(), cipher.getAuthTag()])
  const file: KeyFileJson = {
    ...header,
    cipher: {
      name: 'aes-256-gcm',
      nonce: nonce.toString('base64url'),
      sealed: sealed.toString('base64url'),
    },
    createdAt: new Date(now).toISOString(),
  }
  return `${JSON.stringify(file, null, 2)}\n`
}

/** The fingerprint a key file says it holds, before any passphrase is tried. */
export function keyFileFingerprint(text: string): KeyFingerprint {
  return parseKeyFile(text).fingerprint
}

/** Opens a key file; a wrong passphrase or an edited file is AppError VALIDATION, never a key. */
export async function unwrapMasterKey(text: string, passphrase: string): Promise<MasterKey> {
  const file = parseKeyFile(text)
  const { N, r, p, salt } = file.kdf
  const wrappingKey = await deriveKey(passphrase, Buffer.from(salt, 'base64url'), { N, r, p })
  const sealed = Buffer.from(file.cipher.sealed, 'base64url')
  const decipher = createDecipheriv(
    'aes-256-gcm',
    wrappingKey,
    Buffer.from(file.cipher.nonce, 'base64url'),
  )
  decipher.setAAD(associatedData(file))
  decipher.setAuthTag(sealed.subarray(sealed.length - 16))
  let key: Buffer
  try {
    key = Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()])
  } catch {
    throw new AppError(
      'VALIDATION',
      'The passphrase does not open this key file (or the file was altered). Nothing was changed.',
      { reason: 'wrong_passphrase' },
    )
  }
  const masterKey = { version: file.fingerprint.keyVersion, key }
  if (
    key.length !== MASTER_KEY_BYTES ||
    !sameFingerprint(fingerprintOf(masterKey), file.fingerprint)
  ) {
    throw notAKeyFile('the key inside does not match its fingerprint')
  }
  return masterKey
}

function associatedData(
  header: Pick<KeyFileJson, 'format' | 'version' | 'fingerprint' | 'kdf'>,
): Buffer {
  const { format, version, fingerprint, kdf } = header
  return Buffer.from(JSON.stringify([format, version, fingerprint, kdf]), 'utf8')
}

function deriveKey(
  passphrase: string,
  salt: Buffer,
  params: { N: number; r: number; p: number },
): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: MAX_SCRYPT_MEMORY }
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, 32, options, (error, key) =>
      error ? reject(error) : resolve(key),
    )
  })
}

function parseKeyFile(text: string): KeyFileJson {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw notAKeyFile('it is not JSON')
  }
  const file = value as Partial<KeyFileJson> | null
  if (typeof file !== 'object' || file === null || file.format !== KEY_FILE_FORMAT) {
    throw notAKeyFile('it is not a ProxyDeck key file')
  }
  if (file.version !== KEY_FILE_VERSION) {
    throw notAKeyFile(`its version ${String(file.version)} is not one this ProxyDeck reads`)
  }
  const { fingerprint, kdf, cipher } = file
  const okFingerprint =
    typeof fingerprint?.check === 'string' &&
    Number.isSafeInteger(fingerprint.keyVersion) &&
    fingerprint.keyVersion >= 1
  const okKdf =
    kdf?.name === 'scrypt' &&
    isPowerOfTwo(kdf.N) &&
    kdf.N <= MAX_N &&
    inRange(kdf.r, MAX_R) &&
    inRange(kdf.p, MAX_P) &&
    typeof kdf.salt === 'string'
  const okCipher =
    cipher?.name === 'aes-256-gcm' &&
    typeof cipher.nonce === 'string' &&
    Buffer.from(cipher.nonce, 'base64url').length === 12 &&
    typeof cipher.sealed === 'string' &&
    Buffer.from(cipher.sealed, 'base64url').length > 16
  if (!okFingerprint || !okKdf || !okCipher)
    throw notAKeyFile('some of its fields are missing or out of range')
  if (scryptMemory(file.kdf as KeyFileJson['kdf']) > MAX_SCRYPT_MEMORY) {
    throw notAKeyFile('its scrypt parameters ask for more than 256 MiB of memory')
  }
  return file as KeyFileJson
}

function scryptMemory({ N, r, p }: { N: number; r: number; p: number }): number {
  return 128 * r * (N + p + 2)
}

function isPowerOfTwo(n: unknown): n is number {
  return (
    Number.isSafeInteger(n) && (n as number) >= 2 && ((n as number) & ((n as number) - 1)) === 0
  )
}

function inRange(n: unknown, max: number): boolean {
  return Number.isSafeInteger(n) && (n as number) >= 1 && (n as number) <= max
}

function notAKeyFile(why: string): AppError {
  return new AppError(
    'VALIDATION',
    `This is not a usable ProxyDeck key file: ${why}. Nothing was changed.`,
    {
      reason: 'not_a_key_file',
    },
  )
}
