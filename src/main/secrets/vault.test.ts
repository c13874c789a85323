// Needs an unlocked Secret Service: run inside the isolated D-Bus + gnome-keyring session (see
// src/main/secrets/README.md). Every entry lives under a unique throwaway service name.
import { execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import fc from 'fast-check'
import keytar from 'keytar'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../../shared/errors'
import { TEST_KEYCHAIN_TIMEOUT_MS } from '../../../test/support/context'
import { openDatabase } from '../db/connection'
import { keyDatabase } from '../db/key-check'
import { passwordAad } from '../services/proxies'
import { createMasterKey, serializeMasterKey } from './master-key'
import { DEFAULT_KEY_ACCOUNT, deleteVaultKey, openVault, type Vault } from './vault'

const SEALED_SHAPE = /^v1\.[1-9][0-9]*\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22,}$/

const createdEntries: Array<{ service: string; account: string }> = []

function testService(): string {
  const service = `ProxyDeck-test-${randomUUID()}`
  createdEntries.push({ service, account: DEFAULT_KEY_ACCOUNT })
  return service
}

async function openTestVault(): Promise<Vault> {
  const vault = await openVault({ timeoutMs: TEST_KEYCHAIN_TIMEOUT_MS, service: testService() })
  expect(vault.status).toEqual({ status: 'available', service: vault.status.service })
  return vault
}

function thrownBy(action: () => unknown): AppError {
  try {
    action()
  } catch (error) {
    expect(error).toBeInstanceOf(AppError)
    return error as AppError
  }
  throw new Error('expected an AppError, but nothing was thrown')
}

beforeAll(async () => {
  const probe = await openVault({ timeoutMs: TEST_KEYCHAIN_TIMEOUT_MS, service: testService() })
  if (probe.status.status !== 'available') {
    throw new Error(
      `These tests need an unlocked Secret Service; run them inside the isolated D-Bus session ` +
        `with gnome-keyring. ${probe.status.message}`,
    )
  }
})

afterEach(async () => {
  for (const { service, account } of createdEntries.splice(0)) {
    await deleteVaultKey(service, account)
  }
})

describe('the master key', () => {
  it('is created on first start and read back, unchanged, on the next', async () => {
    const service = testService()
    const first = await openVault({ timeoutMs: TEST_KEYCHAIN_TIMEOUT_MS, service })
    expect(first.status).toEqual({ status: 'available', service })

    const entry = await keytar.getPassword(service, DEFAULT_KEY_ACCOUNT)
    expect(entry).not.toBeNull()
    const parsed = JSON.parse(entry ?? '') as { v: number; key: string }
    expect(parsed.v).toBe(1)
    expect(Buffer.from(parsed.key, 'base64')).toHaveLength(32)
    expect(await keytar.findCredentials(service)).toHaveLength(1)

    const sealed = first.encrypt('correct horse battery staple', 'proxy:1')
    const second = await openVault({ timeoutMs: TEST_KEYCHAIN_TIMEOUT_MS, service })
    expect(second.status.status).toBe('available')
    expect(second.decrypt(sealed, 'proxy:1')).toBe('correct horse battery staple')
    expect(await keytar.getPassword(service, DEFAULT_KEY_ACCOUNT)).toBe(entry)
  })

  it('is kept under the account given, apart from other accounts', async () => {
    const service = testService()
    createdEntries.push({ service, account: 'other-key' })
    const main = await openVault({ timeoutMs: TEST_KEYCHAIN_TIMEOUT_MS, service })
    const other = await openVault({
      timeoutMs: TEST_KEYCHAIN_TIMEOUT_MS,
      service,
      account: 'other-key',
    })
    expect(other.status.status).toBe('available')
    expect(await keytar.getPassword(service, 'other-key')).not.toBe(
      await keytar.getPassword(service, DEFAULT_KEY_ACCOUNT),
    )
    const error = thrownBy(() => other.decrypt(main.encrypt('pw', 'proxy:1'), 'proxy:1'))
    expect(error.details).toEqual({ reason: 'authentication' })
  })

  it('once deleted, is replaced by a new key that cannot open the old secrets', async () => {
    const service = testService()
    const before = await openVault({ timeoutMs: TEST_KEYCHAIN_TIMEOUT_MS, service })
    const sealed = before.encrypt('pw', 'proxy:7')
    expect(await deleteVaultKey(service)).toBe(true)
    expect(await deleteVaultKey(service)).toBe(false)

    const after = await openVault({ timeoutMs: TEST_KEYCHAIN_TIMEOUT_MS, service })
    expect(after.status.status).toBe('available')
    expect(thrownBy(() => after.decrypt(sealed, 'proxy:7')).code).toBe('INTERNAL')
  })
})

describe('two instances starting at once', () => {
  it('uses the key another instance stored while this one probed, never overwriting it', async () => {
    const service = testService()
    const theirs = serializeMasterKey(createMasterKey(1))
    const opened = openDatabase({ file: ':memory:' })
    try {
      const real = keyDatabase(opened.sqlite, passwordAad)
      let stored = false
      const database = {
        ...real,
        // Asked after the probe, before a key is created: another ProxyDeck process (a real one,
        // through keytar and the same Secret Service) stores its key right now.
        sealedSample() {
          if (!stored) {
            stored = true
            execFileSync(process.execPath, [
              '-e',
              'require("keytar").setPassword(process.argv[1], process.argv[2], process.argv[3])',
              service,
              DEFAULT_KEY_ACCOUNT,
              theirs,
            ])
          }
          return real.sealedSample()
        },
      }

      const vault = await openVault({ service, timeoutMs: TEST_KEYCHAIN_TIMEOUT_MS, database })

      expect(stored).toBe(true)
      expect(vault.status.status).toBe('available')
      expect(await keytar.getPassword(service, DEFAULT_KEY_ACCOUNT)).toBe(theirs)
    } finally {
      opened.close()
    }
  })
})

describe('a malformed keychain entry', () => {
  const cases: Array<[string, string, string]> = [
    ['text that is not JSON', 'hunter2-not-json', 'it is not JSON'],
    ['a JSON array', '[1, "abc"]', 'it is not a JSON object'],
    ['a version that is not a positive integer', `{"v":0,"key":"${'A'.repeat(43)}="}`, '"v"'],
    ['a missing key', '{"v":1}', 'it has no "key" text'],
    ['a key that is not base64', '{"v":1,"key":"not base64!"}', 'not canonical base64'],
    [
      'a key of the wrong length',
      `{"v":1,"key":"${Buffer.alloc(16, 7).toString('base64')}"}`,
      '16 bytes',
    ],
  ]

  it.each(cases)('holding %s is reported and left untouched', async (_, entry, problem) => {
    const service = testService()
    await keytar.setPassword(service, DEFAULT_KEY_ACCOUNT, entry)

    const vault = await openVault({ timeoutMs: TEST_KEYCHAIN_TIMEOUT_MS, service })
    expect(vault.status.status).toBe('unavailable')
    expect(vault.status.service).toBe(service)
    const message = vault.status.message ?? ''
    expect(message).toContain('does not hold a valid ProxyDeck key')
    expect(message).toContain(problem)
    expect(message).toContain('will not replace it')
    expect(message).not.toContain(entry)

    const error = thrownBy(() => vault.encrypt('pw', 'proxy:1'))
    expect(error.code).toBe('KEYCHAIN_UNAVAILABLE')
    expect(error.message).toBe(message)
    expect(thrownBy(() => vault.decrypt('v1.1.AAAA.AAAA', 'proxy:1')).code).toBe(
      'KEYCHAIN_UNAVAILABLE',
    )
    expect(await keytar.getPassword(service, DEFAULT_KEY_ACCOUNT)).toBe(entry)
  })
})

describe('sealing and opening passwords', () => {
  it('round-trips unicode, empty and long passwords in the documented form', async () => {
    const vault = await openTestVault()
    const passwords = [
      'hunter2',
      '',
      'pässwörd ✓ 密码 пароль 🔑🏳️‍🌈',
      'dots.and\nnewlines\0and "quotes"',
      'x'.repeat(100_000),
    ]
    for (const [index, password] of passwords.entries()) {
      const aad = `proxy:${index + 1}`
      const sealed = vault.encrypt(password, aad)
      expect(sealed).toMatch(SEALED_SHAPE)
      if (password.length > 3) expect(sealed).not.toContain(password)
      expect(vault.decrypt(sealed, aad)).toBe(password)
    }
  })

  it('round-trips any well-formed text under any row identity', async () => {
    const vault = await openTestVault()
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        fc.string({ unit: 'binary', minLength: 1 }),
        (password, aad) => {
          expect(vault.decrypt(vault.encrypt(password, aad), aad)).toBe(password)
        },
      ),
      { numRuns: 200 },
    )
  })

  it('gives a different sealed text, nonce included, each time', async () => {
    const vault = await openTestVault()
    const sealed = Array.from({ length: 50 }, () => vault.encrypt('same password', 'proxy:1'))
    expect(new Set(sealed).size).toBe(50)
    expect(new Set(sealed.map((text) => text.split('.')[2])).size).toBe(50)
    for (const text of sealed) expect(vault.decrypt(text, 'proxy:1')).toBe('same password')
  })

  it('refuses a sealed text opened as another row', async () => {
    const vault = await openTestVault()
    const sealed = vault.encrypt('s3cret-pw', 'proxy:42')
    const error = thrownBy(() => vault.decrypt(sealed, 'proxy:43'))
    expect(error.code).toBe('INTERNAL')
    expect(error.details).toEqual({ reason: 'authentication' })
    expect(error.message).toContain('proxy:43')
    expect(error.message).toContain('could not be decrypted')
    expect(error.message).not.toContain('s3cret-pw')
  })

  it('refuses every kind of tampering without revealing the password', async () => {
    const vault = await openTestVault()
    const sealed = vault.encrypt('s3cret-pw', 'proxy:42')
    const [format, version, nonce, body] = sealed.split('.') as [string, string, string, string]
    const flip = (text: string, at: number): string => {
      const bytes = Buffer.from(text, 'base64url')
      bytes[at] = (bytes[at] ?? 0) ^ 0x01
      return bytes.toString('base64url')
    }
    const bodyBytes = Buffer.from(body, 'base64url').length
    const shortBody = Buffer.from(body, 'base64url')
      .subarray(0, bodyBytes - 3)
      .toString('base64url')
    const tampered: Array<[string, string, string]> = [
      ['ciphertext byte', [format, version, nonce, flip(body, 0)].join('.'), 'authentication'],
      ['tag byte', [format, version, nonce, flip(body, bodyBytes - 1)].join('.'), 'authentication'],
      ['nonce byte', [format, version, flip(nonce, 5), body].join('.'), 'authentication'],
      ['truncated tag', [format, version, nonce, shortBody].join('.'), 'authentication'],
      ['key version', [format, '2', nonce, body].join('.'), 'key_version'],
      ['format', ['v2', version, nonce, body].join('.'), 'format'],
      ['extra part', `${sealed}.AAAA`, 'format'],
      ['short nonce', [format, version, nonce.slice(0, 8), body].join('.'), 'format'],
      ['non-base64url body', [format, version, nonce, `${body}+`].join('.'), 'format'],
      ['empty text', '', 'format'],
      ['plaintext left in the column', 's3cret-pw', 'format'],
    ]
    for (const [what, text, reason] of tampered) {
      const error = thrownBy(() => vault.decrypt(text, 'proxy:42'))
      expect({ what, code: error.code, details: error.details }).toEqual({
        what,
        code: 'INTERNAL',
        details: { reason },
      })
      expect(error.message).not.toContain('s3cret-pw')
    }
  })

  it('refuses a missing row identity and unpaired surrogates', async () => {
    const vault = await openTestVault()
    expect(thrownBy(() => vault.encrypt('pw', '')).code).toBe('INTERNAL')
    expect(thrownBy(() => vault.decrypt(vault.encrypt('pw', 'proxy:1'), '')).code).toBe('INTERNAL')
    const error = thrownBy(() => vault.encrypt('half \ud83d of an emoji', 'proxy:1'))
    expect(error.code).toBe('VALIDATION')
    expect(error.message).not.toContain('of an emoji')
  })
})
