// Runs its own session bus and gnome-keyring (in a temp HOME, without DISPLAY, so no unlock prompt
// can appear on an operator's screen), then locks the keyring under a running vault. libsecret
// keeps its first successful bus connection for the life of the process, which is why this lives
// in a file of its own (vitest gives each test file its own process).
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { once } from 'node:events'
import { promisify } from 'node:util'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { AppError } from '../../shared/errors'
import { TEST_KEYCHAIN_TIMEOUT_MS } from '../../../test/support/context'
import { DEFAULT_KEY_ACCOUNT, openVault } from './vault'

const run = promisify(execFile)

let home: string
let bus: ChildProcess | undefined
let busEnv: NodeJS.ProcessEnv
let savedBusAddress: string | undefined

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'proxydeck-keyring-'))
  const baseEnv = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home }
  const daemon = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], {
    env: baseEnv,
    stdio: ['ignore', 'pipe', 'ignore'],
  })
  bus = daemon
  const [firstOutput] = (await Promise.race([
    once(daemon.stdout, 'data'),
    once(daemon, 'error').then(([error]) => Promise.reject(error as Error)),
  ])) as [Buffer]
  const address = firstOutput.toString().split('\n')[0] ?? ''
  expect(address).toMatch(/^unix:/)
  busEnv = { ...baseEnv, DBUS_SESSION_BUS_ADDRESS: address }
  // Same start as the test session's: unlock (creating) the login keyring with a password on stdin.
  const keyring = run('gnome-keyring-daemon', ['--unlock', '--components=secrets'], { env: busEnv })
  keyring.child.stdin?.end('pw')
  await keyring
  savedBusAddress = process.env.DBUS_SESSION_BUS_ADDRESS
  process.env.DBUS_SESSION_BUS_ADDRESS = address
})

afterAll(async () => {
  if (savedBusAddress === undefined) delete process.env.DBUS_SESSION_BUS_ADDRESS
  else process.env.DBUS_SESSION_BUS_ADDRESS = savedBusAddress
  // gnome-keyring-daemon leaves when its bus goes away.
  if (bus && bus.exitCode === null) {
    const exited = once(bus, 'exit')
    bus.kill()
    await exited
  }
  rmSync(home, { recursive: true, force: true })
})

async function callSecretService(method: string, argument: string): Promise<string> {
  const { stdout } = await run(
    'dbus-send',
    [
      '--session',
      '--print-reply',
      '--dest=org.freedesktop.secrets',
      '/org/freedesktop/secrets',
      `org.freedesktop.Secret.Service.${method}`,
      argument,
    ],
    { env: busEnv },
  )
  return stdout
}

/** Item paths matching keytar's attributes; listing them needs no unlock, unlike reading them. */
async function findItems(service: string): Promise<{ unlocked: string[]; locked: string[] }> {
  const reply = await callSecretService(
    'SearchItems',
    `dict:string:string:service,${service},account,${DEFAULT_KEY_ACCOUNT}`,
  )
  const [unlocked = '', locked = ''] = reply.split('array [').slice(1)
  const paths = (text: string) =>
    [...text.matchAll(/object path "([^"]+)"/g)].map((m) => m[1] ?? '')
  return { unlocked: paths(unlocked), locked: paths(locked) }
}

it('reports a locked keyring as locked and never tries to create a key', async () => {
  const service = `ProxyDeck-test-${randomUUID()}`
  const unlocked = await openVault({ service, timeoutMs: TEST_KEYCHAIN_TIMEOUT_MS })
  expect(unlocked.status.status).toBe('available')
  unlocked.encrypt('pw', 'proxy:1')
  const before = await findItems(service)
  expect(before.unlocked).toHaveLength(1)
  expect(before.locked).toEqual([])

  await callSecretService('Lock', 'array:objpath:/org/freedesktop/secrets/collection/login')
  // A locked keyring reads as "no entry"; a probe write tells it from an empty one, so no key is
  // created, whether or not the database records one.
  const locked = await openVault({ service, timeoutMs: TEST_KEYCHAIN_TIMEOUT_MS })

  expect(locked.status.status).toBe('locked')
  expect(locked.status.problem).toBe('locked')
  expect(locked.status.message).toMatch(/^The OS keychain is locked \(.*locked/)
  expect(locked.status.message).toContain('Unlock it')
  expect(locked.status.message).toContain('did not create a new key')
  let refusal: unknown
  try {
    locked.encrypt('pw', 'proxy:1')
  } catch (error) {
    refusal = error
  }
  expect(refusal).toBeInstanceOf(AppError)
  expect((refusal as AppError).code).toBe('KEYCHAIN_UNAVAILABLE')
  // The very item written on first start is still the only one, now locked.
  expect(await findItems(service)).toEqual({ unlocked: [], locked: before.unlocked })

  // A service with no entry at all, on the locked keyring: locked too, and nothing created.
  const fresh = `ProxyDeck-test-${randomUUID()}`
  const never = await openVault({ service: fresh, timeoutMs: TEST_KEYCHAIN_TIMEOUT_MS })
  expect(never.status).toMatchObject({ status: 'locked', problem: 'locked' })
  expect(await findItems(fresh)).toEqual({ unlocked: [], locked: [] })
})
