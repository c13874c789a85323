// A password reset whose keychain write fails after the passwords were cleared: the keyring is
// locked (the operator's screen lock) right as the reset clears them. Its own bus and keyring
// (test/support/private-keyring.ts), since it locks them; real SQLite files.
import { execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { TEST_KEYCHAIN_TIMEOUT_MS } from '../../../../test/support/context'
import { startPrivateKeyring, type PrivateKeyring } from '../../../../test/support/private-keyring'
import { call, rejection } from '../../../../test/support/transfer'
import { createContext } from '../../context'

let keyring: PrivateKeyring
beforeAll(async () => {
  keyring = await startPrivateKeyring()
})
afterAll(() => keyring.stop())

it('announces the cleared passwords when the keychain locks during a reset, then refuses', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'proxydeck-reset-locked-'))
  const ctx = await createContext({
    dataDir,
    runtime: 'node',
    version: '0.0.0-test',
    keychainService: `ProxyDeck-test-${randomUUID()}`,
    keychainTimeoutMs: TEST_KEYCHAIN_TIMEOUT_MS,
  })
  try {
    expect(ctx.vault.status.status).toBe('available')
    const provider = await call(ctx, 'providers:create', { name: 'P', monthlyCostPerProxyCents: 0 })
    const proxy = await call(ctx, 'proxies:create', {
      providerId: provider.id,
      protocol: 'http',
      host: '192.0.2.30',
      port: 8080,
      username: 'user',
      password: 'pw-to-clear',
    })
    // The reset's probe has passed; as it clears the password, the keyring locks.
    ctx.sqlite.function('proxydeck_test_lock', () => {
      execFileSync('dbus-send', keyring.lockArgs, { env: keyring.env })
      return null
    })
    ctx.sqlite.exec(
      `CREATE TEMP TRIGGER lock_during_reset AFTER UPDATE OF password_encrypted ON proxies
         WHEN NEW.password_encrypted IS NULL BEGIN SELECT proxydeck_test_lock(); END`,
    )
    const changes: unknown[] = []
    const stop = ctx.events.subscribe((event, payload) => {
      if (event === 'data:changed') changes.push(payload)
    })

    const refused = await rejection(call(ctx, 'app:resetPasswords', { confirm: true }))
    stop()

    expect(refused.code).toBe('KEYCHAIN_UNAVAILABLE')
    // The passwords are gone all the same: the open views must hear it.
    expect(changes).toEqual([{ kinds: ['proxies', 'vault'] }])
    expect(ctx.vault.status.status).not.toBe('available')
    expect(await call(ctx, 'proxies:get', { id: proxy.id })).toMatchObject({ hasPassword: false })
  } finally {
    ctx.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
})
