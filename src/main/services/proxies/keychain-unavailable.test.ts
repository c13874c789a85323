// A file of its own: libsecret keeps its D-Bus connection for the life of the process, and vitest
// gives each test file a process, so pointing the bus at nothing here cannot affect other files.
import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../ipc/dispatch'
import { createFixture, type Fixture } from '../../../../test/support/fixture'

let f: Fixture
let provider: number

beforeAll(async () => {
  process.env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent'
  f = await createFixture()
  provider = f.provider()
})

afterAll(async () => {
  f.ctx.close()
  // dispose() would try to delete the keychain entry through the same absent bus.
  await f.dispose().catch(() => rmSync(f.dataDir, { recursive: true, force: true }))
})

describe('with the keychain unavailable', () => {
  it('the vault really is unavailable', () => {
    expect(f.ctx.vault.status.status).toBe('unavailable')
  })

  it('creating a proxy with a password fails with KEYCHAIN_UNAVAILABLE and stores nothing', async () => {
    const before = f.ctx.sqlite.serialize()
    const envelope = await dispatch(f.ctx, 'proxies:create', {
      providerId: provider,
      protocol: 'http',
      host: '192.0.2.20',
      port: 8080,
      password: 'not-stored-anywhere',
    })
    expect(envelope).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_UNAVAILABLE' } })
    expect(f.count('SELECT count(*) FROM proxies')).toBe(0)
    expect(f.ctx.sqlite.serialize().equals(before)).toBe(true)
  })

  it('setting a password on an existing proxy fails the same way and keeps the row as it was', async () => {
    const created = await dispatch(f.ctx, 'proxies:create', {
      providerId: provider,
      protocol: 'http',
      host: '192.0.2.21',
      port: 8080,
    })
    expect(created).toMatchObject({ ok: true, value: { hasPassword: false } })
    const id = created.ok ? (created.value as { id: number }).id : 0
    const envelope = await dispatch(f.ctx, 'proxies:update', { id, password: 'x', notes: 'n' })
    expect(envelope).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_UNAVAILABLE' } })
    expect(f.rows('SELECT notes, password_encrypted FROM proxies WHERE id = ?', id)).toEqual([
      { notes: null, password_encrypted: null },
    ])
  })
})
