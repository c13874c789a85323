import { describe, expect, it } from 'vitest'
import { AppError } from '../../shared/errors'
import { fingerprintOf } from './fingerprint'
import { keyFileFingerprint, unwrapMasterKey, wrapMasterKey } from './key-file'
import { createMasterKey } from './master-key'

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => new Error('expected a refusal'),
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(AppError)
  return error as AppError
}

describe('the key file', () => {
  it('round-trips the key under its passphrase and never holds the key in the clear', async () => {
    const key = createMasterKey(3)
    const text = await wrapMasterKey(key, 'a long passphrase', Date.UTC(2026, 0, 1))
    expect(text).not.toContain(key.key.toString('base64'))
    expect(text).not.toContain(key.key.toString('base64url'))
    expect(JSON.parse(text)).toMatchObject({ format: 'proxydeck-master-key', version: 1 })
    expect(keyFileFingerprint(text)).toEqual(fingerprintOf(key))
    const back = await unwrapMasterKey(text, 'a long passphrase')
    expect(back.version).toBe(3)
    expect(back.key.equals(key.key)).toBe(true)
  })

  it('refuses a wrong passphrase, edited parameters and files that are not key files', async () => {
    const text = await wrapMasterKey(createMasterKey(), 'a long passphrase', 0)
    const wrong = await refusal(unwrapMasterKey(text, 'A long passphrase'))
    expect(wrong.details).toEqual({ reason: 'wrong_passphrase' })

    const file = JSON.parse(text) as { fingerprint: { keyVersion: number }; kdf: { N: number } }
    const edited = JSON.stringify({ ...file, fingerprint: { ...file.fingerprint, keyVersion: 9 } })
    expect((await refusal(unwrapMasterKey(edited, 'a long passphrase'))).details).toEqual({
      reason: 'wrong_passphrase',
    })
    const greedy = JSON.stringify({ ...file, kdf: { ...file.kdf, N: 2 ** 24 } })
    for (const bad of [greedy, 'not json', '[]', JSON.stringify({ ...file, version: 2 })]) {
      expect((await refusal(unwrapMasterKey(bad, 'a long passphrase'))).details).toEqual({
        reason: 'not_a_key_file',
      })
    }
  })

  it('refuses, before running scrypt, a file whose parameters ask for more than 256 MiB', async () => {
    const text = await wrapMasterKey(createMasterKey(), 'a long passphrase', 0)
    const file = JSON.parse(text) as { kdf: { N: number; r: number; p: number } }
    const asking = (N: number, r: number, p = 1) =>
      JSON.stringify({ ...file, kdf: { ...file.kdf, N, r, p } })
    // Each field within its own bound, together 2 GiB and 384 MiB. keyFileFingerprint is
    // synchronous and never derives a key: a refusal there comes before scrypt.
    for (const greedy of [asking(2 ** 20, 16), asking(2 ** 20, 3), asking(2 ** 18, 8, 4)]) {
      let error: unknown
      try {
        keyFileFingerprint(greedy)
      } catch (e) {
        error = e
      }
      expect(error).toBeInstanceOf(AppError)
      expect((error as AppError).code).toBe('VALIDATION')
      expect((error as AppError).details).toEqual({ reason: 'not_a_key_file' })
      expect((error as AppError).message).toContain('256 MiB')
    }
    const refused = await refusal(unwrapMasterKey(asking(2 ** 20, 3), 'a long passphrase'))
    expect(refused.details).toEqual({ reason: 'not_a_key_file' })
    // Up to the bound is still read (the AAD covers the parameters, so it is the wrong passphrase).
    expect(() => keyFileFingerprint(asking(2 ** 17, 15, 4))).not.toThrow()
  })
})
