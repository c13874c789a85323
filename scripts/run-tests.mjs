#!/usr/bin/env node
// `npm test`: lint, typecheck, build, then every vitest suite (unit, integration, e2e).
// On Linux the whole run happens inside a private D-Bus session with an unlocked gnome-keyring in a
// throwaway HOME, so the real keychain code is exercised without touching the operator's keyring.
// `npm test -- <vitest args>` skips lint/typecheck/build and runs just those tests (same keyring).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const bin = (name) => join(root, 'node_modules', '.bin', name)
const args = process.argv.slice(2)

if (process.platform === 'linux' && !process.env.PROXYDECK_TEST_KEYRING) {
  process.exit(reexecInKeyringSession())
}

const steps = args.length
  ? [['vitest', [bin('vitest'), 'run', ...args]]]
  : [
      ['lint', [bin('eslint'), '.', '--max-warnings', '0']],
      ['typecheck (node)', [bin('tsc'), '-p', 'tsconfig.node.json', '--noEmit']],
      ['typecheck (web)', [bin('tsc'), '-p', 'tsconfig.web.json', '--noEmit']],
      ['build', [bin('electron-vite'), 'build']],
      ['vitest (unit, integration, e2e)', [bin('vitest'), 'run']],
    ]

for (const [name, [command, ...commandArgs]] of steps) {
  console.log(`\n== ${name}`)
  const started = Date.now()
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit' })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  if (result.status !== 0) {
    console.error(`\n== ${name} FAILED after ${seconds}s`)
    process.exit(result.status ?? 1)
  }
  console.log(`== ${name} passed in ${seconds}s`)
}

function reexecInKeyringSession() {
  for (const tool of ['dbus-run-session', 'gnome-keyring-daemon']) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) {
      console.error(
        `npm test needs ${tool} on Linux (the tests use a real, private keychain).\n` +
          'Install: sudo apt-get install dbus dbus-x11 gnome-keyring libsecret-1-dev',
      )
      return 1
    }
  }
  const home = mkdtempSync(join(tmpdir(), 'proxydeck-test-home-'))
  const script =
    'eval "$(printf %s proxydeck-test | gnome-keyring-daemon --unlock --components=secrets)" && ' +
    'export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK && exec node "$0" "$@"'
  const result = spawnSync(
    'dbus-run-session',
    ['--', 'sh', '-c', script, fileURLToPath(import.meta.url), ...args],
    {
      cwd: root,
      stdio: 'inherit',
      env: {
        ...process.env,
        HOME: home,
        PROXYDECK_TEST_KEYRING: '1',
        XDG_DATA_HOME: join(home, '.local/share'),
      },
    },
  )
  rmSync(home, { recursive: true, force: true })
  return result.status ?? 1
}
