// A session bus and gnome-keyring of a test file's own (temp HOME, no DISPLAY, so no unlock prompt
// can reach an operator's screen), for tests that lock the keyring. libsecret keeps its first bus
// connection for the life of the process, so a file using this must not touch the keychain
// before start() (vitest gives each test file its own process).
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { once } from 'node:events'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

export interface PrivateKeyring {
  /** The environment that reaches this keyring (for child processes such as dbus-send). */
  env: NodeJS.ProcessEnv
  /** dbus-send arguments that lock the login collection. */
  lockArgs: string[]
  stop(): Promise<void>
}

export async function startPrivateKeyring(): Promise<PrivateKeyring> {
  const home = mkdtempSync(join(tmpdir(), 'proxydeck-keyring-'))
  const baseEnv = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home }
  const bus: ChildProcess = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], {
    env: baseEnv,
    stdio: ['ignore', 'pipe', 'ignore'],
  })
  const [firstOutput] = (await Promise.race([
    once(bus.stdout!, 'data'),
    once(bus, 'error').then(([error]) => Promise.reject(error as Error)),
  ])) as [Buffer]
  const address = firstOutput.toString().split('\n')[0] ?? ''
  if (!address.startsWith('unix:')) throw new Error(`dbus-daemon printed no address: ${address}`)
  const env = { ...baseEnv, DBUS_SESSION_BUS_ADDRESS: address }
  const keyring = run('gnome-keyring-daemon', ['--unlock', '--components=secrets'], { env })
  keyring.child.stdin?.end('pw')
  await keyring
  const saved = process.env.DBUS_SESSION_BUS_ADDRESS
  process.env.DBUS_SESSION_BUS_ADDRESS = address
  return {
    env,
    lockArgs: [
      '--session',
      '--print-reply',
      '--dest=org.freedesktop.secrets',
      '/org/freedesktop/secrets',
      'org.freedesktop.Secret.Service.Lock',
      'array:objpath:/org/freedesktop/secrets/collection/login',
    ],
    async stop() {
      if (saved === undefined) delete process.env.DBUS_SESSION_BUS_ADDRESS
      else process.env.DBUS_SESSION_BUS_ADDRESS = saved
      // gnome-keyring-daemon leaves when its bus goes away.
      if (bus.exitCode === null) {
        const exited = once(bus, 'exit')
        bus.kill()
        await exited
      }
      rmSync(home, { recursive: true, force: true })
    },
  }
}
