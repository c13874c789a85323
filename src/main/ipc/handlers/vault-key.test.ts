// A data folder whose key is not in the keychain (moved to another computer, keychain reset):
// real SQLite files, the real keychain of the test session, a fresh keychain service name
// standing in for "another computer". Needs the test keyring session (npm test -- <this file>).
import { TEST_KEYCHAIN_TIMEOUT_MS } from '../../../../test/support/context'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import keytar from 'keytar'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { call, rejection } from '../../../../test/support/transfer'
import type { DownloadableExport } from '../../../shared/contracts/export'
import { createContext, type AppContext } from '../../context'

const PASSPHRASE = 'correct horse battery staple'
const services: string[] = []
const dirs: string[] = []
const open: AppContext[] = []

function newService(): string {
  const service = `ProxyDeck-test-${randomUUID()}`
  services.push(service)
  return service
}

async function start(dataDir: string, keychainService: string): Promise<AppContext> {
  const ctx = await createContext({
    dataDir,
    runtime: 'node',
    version: '0.0.0-test',
    keychainTimeoutMs: TEST_KEYCHAIN_TIMEOUT_MS,
    keychainService,
  })
  open.push(ctx)
  return ctx
}

function stop(ctx: AppContext): void {
  ctx.close()
  open.splice(open.indexOf(ctx), 1)
}

/** A data folder with one proxy whose password is sealed, and its key exported. */
async function folderWithPassword(password: string) {
  const dataDir = mkdtempSync(join(tmpdir(), 'proxydeck-moved-'))
  dirs.push(dataDir)
  const service = newService()
  const ctx = await start(dataDir, service)
  const provider = await call(ctx, 'providers:create', { name: 'P', monthlyCostPerProxyCents: 0 })
  const proxy = await call(ctx, 'proxies:create', {
    providerId: provider.id,
    protocol: 'http',
    host: '192.0.2.10',
    port: 8080,
    username: 'user',
    password,
  })
  const exported = (await call(ctx, 'app:exportKey', {
    passphrase: PASSPHRASE,
    confirm: true,
    destination: 'download',
  })) as DownloadableExport
  stop(ctx)
  return { dataDir, service, proxyId: proxy.id, keyFile: exported.content }
}

afterEach(() => {
  for (const ctx of open.splice(0)) ctx.close()
})

afterAll(async () => {
  for (const service of services) {
    for (const { account } of await keytar.findCredentials(service)) {
      await keytar.deletePassword(service, account)
    }
  }
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

describe('a data folder on a keychain without its key', () => {
  it('starts unavailable without minting a key, and works again after importing the key', async () => {
    const original = await folderWithPassword('s3cret-pw')
    const elsewhere = newService()
    const ctx = await start(original.dataDir, elsewhere)

    expect(ctx.vault.status).toMatchObject({ status: 'unavailable', problem: 'key_missing' })
    expect(ctx.vault.status.message).toContain(
      "The key that protects these passwords is not in this computer's keychain: import it, or " +
        'reset the passwords.',
    )
    expect(await keytar.findCredentials(elsewhere)).toEqual([])
    // Everything that needs no password works.
    expect((await call(ctx, 'proxies:list', {})).total).toBe(1)
    await call(ctx, 'providers:create', { name: 'Q', monthlyCostPerProxyCents: 0 })
    const refused = await rejection(call(ctx, 'proxies:revealPassword', { id: original.proxyId }))
    expect(refused.code).toBe('KEYCHAIN_UNAVAILABLE')

    const imported = await call(ctx, 'app:importKey', {
      source: { kind: 'content', text: original.keyFile },
      passphrase: PASSPHRASE,
    })
    expect(imported.keychain).toEqual({ status: 'available', service: elsewhere })
    expect(await call(ctx, 'proxies:revealPassword', { id: original.proxyId })).toEqual({
      password: 's3cret-pw',
    })
    expect(await keytar.findCredentials(elsewhere)).toHaveLength(1)

    // And on the next start, without anything imported.
    stop(ctx)
    const again = await start(original.dataDir, elsewhere)
    expect(again.vault.status.status).toBe('available')
    expect(
      again.vault.decrypt(sealedOf(again, original.proxyId), `proxy:${original.proxyId}`),
    ).toBe('s3cret-pw')
  })

  it('refuses a wrong passphrase and a key file of another database, changing nothing', async () => {
    const mine = await folderWithPassword('mine')
    const theirs = await folderWithPassword('theirs')
    const elsewhere = newService()
    const ctx = await start(mine.dataDir, elsewhere)
    const before = ctx.sqlite.serialize()

    const wrong = await rejection(
      call(ctx, 'app:importKey', {
        source: { kind: 'content', text: mine.keyFile },
        passphrase: 'not the passphrase',
      }),
    )
    expect(wrong.code).toBe('VALIDATION')
    expect(wrong.details).toEqual({ reason: 'wrong_passphrase' })

    const foreign = await rejection(
      call(ctx, 'app:importKey', {
        source: { kind: 'content', text: theirs.keyFile },
        passphrase: PASSPHRASE,
      }),
    )
    expect(foreign.code).toBe('VALIDATION')
    expect(foreign.details).toEqual({ reason: 'other_database' })
    expect(foreign.message).toContain('belongs to another database')

    const garbage = await rejection(
      call(ctx, 'app:importKey', { source: { kind: 'content', text: '{"a":1}' }, passphrase: 'x' }),
    )
    expect(garbage.details).toEqual({ reason: 'not_a_key_file' })

    expect(ctx.vault.status.status).toBe('unavailable')
    expect(await keytar.findCredentials(elsewhere)).toEqual([])
    expect(ctx.sqlite.serialize().equals(before)).toBe(true)
  })

  it('starts unavailable when the keychain holds another key, and leaves that key alone', async () => {
    const mine = await folderWithPassword('mine')
    const theirs = await folderWithPassword('theirs')
    const theirKey = await keytar.getPassword(theirs.service, 'master-key')

    const ctx = await start(mine.dataDir, theirs.service)

    expect(ctx.vault.status).toMatchObject({ status: 'unavailable', problem: 'key_mismatch' })
    expect(ctx.vault.status.message).toContain('import it, or reset the passwords')
    expect(await keytar.getPassword(theirs.service, 'master-key')).toBe(theirKey)
  })

  it('records the fingerprint of a database from before fingerprints, after opening a password', async () => {
    const mine = await folderWithPassword('old')
    const theirs = await folderWithPassword('other')
    const legacy = await start(mine.dataDir, mine.service)
    legacy.sqlite.exec('DELETE FROM vault_key_check')
    stop(legacy)

    // Another key does not open the sealed password: refused, and nothing recorded.
    const wrong = await start(mine.dataDir, theirs.service)
    expect(wrong.vault.status.problem).toBe('key_mismatch')
    expect(wrong.sqlite.prepare('SELECT count(*) AS n FROM vault_key_check').get()).toEqual({
      n: 0,
    })
    stop(wrong)

    const right = await start(mine.dataDir, mine.service)
    expect(right.vault.status.status).toBe('available')
    expect(right.sqlite.prepare('SELECT count(*) AS n FROM vault_key_check').get()).toEqual({
      n: 1,
    })
  })

  it('resets the passwords: cleared, a new key, the proxies otherwise kept', async () => {
    const original = await folderWithPassword('lost')
    const elsewhere = newService()
    const ctx = await start(original.dataDir, elsewhere)
    expect(ctx.vault.status.status).toBe('unavailable')

    const reset = await call(ctx, 'app:resetPasswords', { confirm: true })

    expect(reset).toEqual({ cleared: 1, keychain: { status: 'available', service: elsewhere } })
    const proxy = await call(ctx, 'proxies:get', { id: original.proxyId })
    expect(proxy).toMatchObject({ host: '192.0.2.10', username: 'user', hasPassword: false })
    await call(ctx, 'proxies:update', { id: original.proxyId, password: 'new-pw' })
    stop(ctx)
    const again = await start(original.dataDir, elsewhere)
    expect(again.vault.status.status).toBe('available')
    expect(await call(again, 'proxies:revealPassword', { id: original.proxyId })).toEqual({
      password: 'new-pw',
    })
  })
})

describe('a password reset', () => {
  it('puts an unavailable vault in place before it clears a password, so the old key seals none', async () => {
    const original = await folderWithPassword('old-pw')
    const ctx = await start(original.dataDir, original.service)
    expect(ctx.vault.status.status).toBe('available')
    // Inside the reset's own transaction, as each sealed password is cleared: what would a write
    // that slipped in now seal with?
    const seen: string[] = []
    ctx.sqlite.function('proxydeck_test_seen', () => {
      seen.push(ctx.vault.status.status)
      try {
        ctx.vault.encrypt('slipped-in', `proxy:${original.proxyId}`)
        seen.push('sealed with the old key')
      } catch {
        seen.push('refused')
      }
      return null
    })
    ctx.sqlite.exec(
      `CREATE TEMP TRIGGER observe_reset AFTER UPDATE OF password_encrypted ON proxies
         WHEN NEW.password_encrypted IS NULL BEGIN SELECT proxydeck_test_seen(); END`,
    )

    const reset = await call(ctx, 'app:resetPasswords', { confirm: true })

    expect(reset.cleared).toBe(1)
    expect(seen).toEqual(['unavailable', 'refused'])
    expect(ctx.vault.status.status).toBe('available')
  })
})

function sealedOf(ctx: AppContext, proxyId: number): string {
  const row = ctx.sqlite
    .prepare('SELECT password_encrypted AS p FROM proxies WHERE id = ?')
    .get(proxyId) as {
    p: string
  }
  return row.p
}
