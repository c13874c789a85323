import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../ipc/dispatch'
import { createFixture, type Fixture } from '../../../../test/support/fixture'

let f: Fixture

beforeEach(async () => {
  f = await createFixture()
})

afterEach(async () => {
  await f.dispose()
})

/** The data dir's files (database, -wal, -shm) as bytes, read while the connection is open. */
function filesOnDisk(): { name: string; bytes: Buffer }[] {
  return readdirSync(f.dataDir).map((name) => ({
    name,
    bytes: readFileSync(join(f.dataDir, name)),
  }))
}

describe('stored passwords', () => {
  it('never appear in plaintext in the database file or its WAL', async () => {
    const provider = f.provider()
    const secrets = ['Plaintext-Sentinel-7Q2', 'second-Sentinel-X9', 'edited-Sentinel-K3']
    const created = await dispatch(f.ctx, 'proxies:create', {
      providerId: provider,
      protocol: 'http',
      host: '192.0.2.10',
      port: 3128,
      username: 'alice',
      password: secrets[0],
    })
    expect(created.ok).toBe(true)
    const id = created.ok ? (created.value as { id: number }).id : 0
    await dispatch(f.ctx, 'proxies:create', {
      providerId: provider,
      protocol: 'socks5',
      host: '192.0.2.11',
      port: 1080,
      password: secrets[1],
    })
    await dispatch(f.ctx, 'proxies:update', { id, password: secrets[2] })

    const before = filesOnDisk()
    expect(before.map((file) => file.name)).toEqual(
      expect.arrayContaining(['proxydeck.sqlite', 'proxydeck.sqlite-wal']),
    )
    // Also after a checkpoint has copied the WAL into the main file.
    f.ctx.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    for (const { name, bytes } of [...before, ...filesOnDisk()]) {
      for (const secret of secrets) {
        expect(bytes.includes(secret), `${secret} found in ${name}`).toBe(false)
        expect(
          bytes.includes(Buffer.from(secret, 'utf16le')),
          `${secret} (UTF-16) in ${name}`,
        ).toBe(false)
      }
    }
    // The sentinel search works: the username, stored in clear, is found.
    expect(before.some(({ bytes }) => bytes.includes('alice'))).toBe(true)
    expect(await dispatch(f.ctx, 'proxies:revealPassword', { id })).toEqual({
      ok: true,
      value: { password: secrets[2] },
    })
  })
})
