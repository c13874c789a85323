import * as crypto from 'node:crypto'
import { AppError } from '../../shared/errors'
import type { MasterKey } from './master-key'
import { sealingCore, type SealRefusal } from './seal-core'

// This thread's instance of the one sealing implementation (seal-core.ts), nonce pool included.
const core = sealingCore(crypto)

/**
 * A sealed secret is the text `v1.<key version>.<nonce>.<ciphertext+tag>`:
 * - `v1`: this layout, AES-256-GCM with a 12-byte nonce and a 16-byte tag;
 * - key version: decimal, the `v` of the master key that sealed it;
 * - nonce and ciphertext+tag: unpadded base64url (RFC 4648 §5), so the text never holds a `.`.
 * The caller's associated data (the row identity, e.g. `proxy:42`) is authenticated, not stored:
 * a sealed secret copied onto another row fails to open there.
 */
export const SEALED_FORMAT = core.layout.format

const ALGORITHM = core.layout.algorithm
const NONCE_BYTES = core.layout.nonceBytes
const TAG_BYTES = core.layout.tagBytes
const KEY_VERSION_PATTERN = /^[1-9][0-9]{0,14}$/

export type OpenFailure = 'format' | 'key_version' | 'authentication'

export function sealSecret(masterKey: MasterKey, plaintext: string, aad: string): string {
  const reason = core.refusal(plaintext, aad)
  if (reason !== null) throw refusalError(reason, aad)
  return core.seal(masterKey.key, masterKey.version, plaintext, aad)
}

/** What sealing a refused secret throws, here and for the seal worker's refusals alike. */
export function refusalError(reason: SealRefusal, aad: string): AppError {
  if (reason === 'aad') return noRowIdentity()
  return new AppError(
    'VALIDATION',
    `The secret for ${aad} contains an unpaired UTF-16 surrogate, which cannot be stored.`,
  )
}

/** `keys` maps key versions to keys: today one entry, after a rotation also the retired ones. */
export function openSecret(keys: ReadonlyMap<number, Buffer>, stored: string, aad: string): string {
  checkAad(aad)
  const parts = stored.split('.')
  const [format, versionText, nonceText, sealedText] = parts
  if (
    parts.length !== 4 ||
    format !== SEALED_FORMAT ||
    versionText === undefined ||
    !KEY_VERSION_PATTERN.test(versionText)
  ) {
    throw openError(
      'format',
      `The stored secret for ${aad} is not in a format ProxyDeck recognises ` +
        `(expected ${SEALED_FORMAT}.<key version>.<nonce>.<ciphertext>).`,
    )
  }
  const nonce = decodeBase64Url(nonceText)
  const sealed = decodeBase64Url(sealedText)
  if (nonce?.length !== NONCE_BYTES || sealed === undefined || sealed.length < TAG_BYTES) {
    throw openError(
      'format',
      `The stored secret for ${aad} is damaged: its nonce or ciphertext is not valid.`,
    )
  }
  const keyVersion = Number(versionText)
  const key = keys.get(keyVersion)
  if (key === undefined) {
    throw openError(
      'key_version',
      `The stored secret for ${aad} was sealed with key version ${keyVersion}, ` +
        'which the OS keychain entry does not hold. Re-enter the password.',
    )
  }
  const decipher = crypto.createDecipheriv(ALGORITHM, key, nonce, { authTagLength: TAG_BYTES })
  decipher.setAAD(Buffer.from(aad, 'utf8'))
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES))
  const body = sealed.subarray(0, sealed.length - TAG_BYTES)
  try {
    // Nothing from update() leaves this function unless final() has verified the tag.
    const plaintext = Buffer.concat([decipher.update(body), decipher.final()])
    return plaintext.toString('utf8')
  } catch {
    throw openError(
      'authentication',
      `The stored secret for ${aad} could not be decrypted: it was altered, belongs to another ` +
        'row, or was sealed with a different key. Re-enter the password.',
    )
  }
}

function checkAad(aad: string): void {
  // The same rule sealing applies (seal-core.ts): the empty plaintext only tests the identity.
  if (core.refusal('', aad) !== null) throw noRowIdentity()
}

function noRowIdentity(): AppError {
  return new AppError('INTERNAL', 'A secret must be sealed and opened with a row identity.')
}

function decodeBase64Url(text: string | undefined): Buffer | undefined {
  if (text === undefined) return undefined
  const bytes = Buffer.from(text, 'base64url')
  // The decoder skips characters it does not know; only the canonical form is accepted.
  return bytes.toString('base64url') === text ? bytes : undefined
}

function openError(reason: OpenFailure, message: string): AppError {
  return new AppError('INTERNAL', message, { reason })
}
