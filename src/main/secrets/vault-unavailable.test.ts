// Points this process's keytar at session buses that cannot serve it. This works only because
// libsecret has not connected yet: vitest runs each test file in a process of its own, and a
// failed connection attempt is not cached (a successful one would be, for the process's life).
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../shared/errors'
import { deleteVaultKey, openVault, type Vault } from './vault'

const LINUX_HINT =
  'On Linux, start a Secret Service such as gnome-keyring and unlock it, then restart ProxyDeck.'
const CONSEQUENCE =
  'ProxyDeck can run, but cannot store or read proxy passwords until the keychain is available.'

let savedBusAddress: string | undefined
let tempDir: string

beforeEach(() => {
  savedBusAddress = process.env.DBUS_SESSION_BUS_ADDRESS
  tempDir = mkdtempSync(join(tmpdir(), 'proxydeck-vault-'))
})

afterEach(() => {
  if (savedBusAddress === undefined) delete process.env.DBUS_SESSION_BUS_ADDRESS
  else process.env.DBUS_SESSION_BUS_ADDRESS = savedBusAddress
  rmSync(tempDir, { recursive: true, force: true })
})

function expectRefusals(vault: Vault): void {
  for (const attempt of [
    () => vault.encrypt('s3cret-pw', 'proxy:1'),
    () => vault.decrypt('v1.1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA', 'proxy:1'),
  ]) {
    let thrown: unknown
    try {
      attempt()
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(AppError)
    expect((thrown as AppError).code).toBe('KEYCHAIN_UNAVAILABLE')
    expect((thrown as AppError).message).toBe(vault.status.message)
    expect((thrown as AppError).message).not.toContain('s3cret-pw')
  }
}

describe('without a usable keychain', () => {
  it('reports an absent D-Bus as unavailable, with a message an operator can act on', async () => {
    process.env.DBUS_SESSION_BUS_ADDRESS = `unix:path=${join(tempDir, 'no-bus-here')}`
    const service = `ProxyDeck-test-${randomUUID()}`

    const vault = await openVault({ service })

    expect(vault.status.status).toBe('unavailable')
    expect(vault.status.service).toBe(service)
    expect(vault.status.message).toMatch(
      /^The OS keychain could not be used \(reading the key failed: /,
    )
    expect(vault.status.message).toContain(CONSEQUENCE)
    if (process.platform === 'linux') expect(vault.status.message).toContain(LINUX_HINT)
    expectRefusals(vault)
    await expect(deleteVaultKey(service)).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' })
  })

  it('stops waiting for a bus that accepts the connection and never answers', async () => {
    // The D-Bus handshake starts with the client's AUTH line; a peer that stays silent after it
    // holds libsecret indefinitely, like a Secret Service stuck behind an unseen prompt.
    const socketPath = join(tempDir, 'silent-bus')
    const peers: Socket[] = []
    let heardFromClient!: () => void
    const clientSpoke = new Promise<void>((resolve) => (heardFromClient = resolve))
    const server: Server = createServer((socket) => {
      peers.push(socket)
      socket.once('data', () => heardFromClient())
    })
    await new Promise<void>((resolve) => server.listen(socketPath, resolve))
    process.env.DBUS_SESSION_BUS_ADDRESS = `unix:path=${socketPath}`

    try {
      const vault = await openVault({ service: `ProxyDeck-test-${randomUUID()}`, timeoutMs: 500 })
      await clientSpoke

      expect(vault.status.status).toBe('unavailable')
      expect(vault.status.message).toContain('(it did not answer within 0.5 s)')
      expect(vault.status.message).toContain(CONSEQUENCE)
      expectRefusals(vault)
    } finally {
      // Hanging up releases the worker thread still blocked in libsecret.
      for (const peer of peers) peer.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  })
})
