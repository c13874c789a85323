// What `npm test` needs from the system, checked before anything runs: without one of these a
// suite fails deep inside with a spawn error. Each entry is a program the tests start, and the
// Debian package that brings it. Outside Linux the keychain is the OS's own and the proxy servers
// must be installed by hand; only Linux gets the install line.
import { accessSync, constants } from 'node:fs'
import { delimiter, join } from 'node:path'

const needs = [
  { program: 'dbus-run-session', pkg: 'dbus', why: 'a private D-Bus session for the keychain' },
  { program: 'dbus-daemon', pkg: 'dbus', why: 'the locked-keyring test runs a bus of its own' },
  { program: 'dbus-send', pkg: 'dbus', why: 'the locked-keyring test locks the keyring' },
  { program: 'dbus-launch', pkg: 'dbus-x11', why: 'gnome-keyring starts its own bus helpers' },
  { program: 'gnome-keyring-daemon', pkg: 'gnome-keyring', why: 'the real keychain' },
  {
    program: 'chromium',
    pkg: 'chromium',
    why: 'the renderer e2e tests',
    path: '/usr/bin/chromium',
  },
  { program: 'tinyproxy', pkg: 'tinyproxy', why: 'a real HTTP proxy' },
  { program: 'microsocks', pkg: 'microsocks', why: 'a real SOCKS5 proxy' },
  { program: 'danted', pkg: 'dante-server', why: 'a real SOCKS4/5 proxy' },
  { program: 'squid', pkg: 'squid', why: 'a real HTTP proxy for the anonymity levels' },
  { program: 'openssl', pkg: 'openssl', why: 'the test CA and certificates' },
  { program: 'sqlite3', pkg: 'sqlite3', why: "the import benchmark's baseline" },
]

// The fixtures start programs by name, so what counts is what PATH finds (danted lives in
// /usr/sbin, which a non-root PATH may lack: then it is reported missing, rightly).
const searchPath = (process.env.PATH ?? '').split(delimiter).filter(Boolean)

function found(need) {
  const candidates = need.path ? [need.path] : searchPath.map((dir) => join(dir, need.program))
  return candidates.some((file) => {
    try {
      accessSync(file, constants.X_OK)
      return true
    } catch {
      return false
    }
  })
}

/** The missing programs, or [] when everything is there (always [] outside Linux). */
export function missingPrerequisites() {
  if (process.platform !== 'linux') return []
  return needs.filter((need) => !found(need))
}

/** One message: what is missing, why, and the one line that installs every package the tests use. */
export function prerequisitesMessage(missing) {
  const all = [...new Set(['libsecret-1-dev', ...needs.map((need) => need.pkg)])]
  return [
    'npm test needs programs this machine does not have:',
    ...missing.map((need) => `  ${need.program} (${need.pkg}): ${need.why}`),
    '',
    'Install everything the tests use with:',
    `  sudo apt-get install ${all.join(' ')}`,
  ].join('\n')
}
