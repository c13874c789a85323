#!/usr/bin/env node
// A private D-Bus session with an unlocked gnome-keyring in a throwaway HOME, so the real keychain
// code runs without touching the operator's keyring. Used by `npm test` (scripts/run-tests.mjs)
// and by benchmarks that store passwords (bench/import.ts).
//
//   node scripts/keyring-session.mjs <command> [args...]   runs the command inside a session
//
// Inside, PROXYDECK_TEST_KEYRING=1 is set, so a script that re-executes itself does it once.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const KEYRING_SESSION_ENV = 'PROXYDECK_TEST_KEYRING'

/** True on Linux outside a session made by this script: the caller should re-run inside one. */
export function needsKeyringSession() {
  return process.platform === 'linux' && !process.env[KEYRING_SESSION_ENV]
}

/**
 * Runs `command args` inside a fresh session and returns its exit status. `who` names the caller
 * in the message shown when dbus-run-session or gnome-keyring-daemon is missing.
 */
export function runInKeyringSession(command, args, { who, cwd = process.cwd() }) {
  for (const tool of ['dbus-run-session', 'gnome-keyring-daemon']) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) {
      console.error(
        `${who} needs ${tool} on Linux (it uses a real, private keychain).\n` +
          'Install: sudo apt-get install dbus dbus-x11 gnome-keyring libsecret-1-dev',
      )
      return 1
    }
  }
  const home = mkdtempSync(join(tmpdir(), 'proxydeck-test-home-'))
  const script =
    'eval "$(printf %s proxydeck-test | gnome-keyring-daemon --unlock --components=secrets)" && ' +
    'export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK && exec "$0" "$@"'
  const result = spawnSync('dbus-run-session', ['--', 'sh', '-c', script, command, ...args], {
    cwd,
    stdio: 'inherit',
    env: {
      ...process.env,
      HOME: home,
      [KEYRING_SESSION_ENV]: '1',
      XDG_DATA_HOME: join(home, '.local/share'),
    },
  })
  rmSync(home, { recursive: true, force: true })
  return result.status ?? 1
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [command, ...args] = process.argv.slice(2)
  if (!command) {
    console.error('usage: node scripts/keyring-session.mjs <command> [args...]')
    process.exit(2)
  }
  process.exit(runInKeyringSession(command, args, { who: command }))
}
