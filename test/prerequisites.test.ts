import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const root = join(__dirname, '..')
// A PATH that finds node and nothing else (node may live in /usr/bin beside everything else).
const bin = mkdtempSync(join(tmpdir(), 'proxydeck-bare-path-'))
symlinkSync(process.execPath, join(bin, 'node'))
afterAll(() => rmSync(bin, { recursive: true, force: true }))

describe('npm test on a machine without the system packages', () => {
  it('stops before any suite and prints the one apt-get line that brings them all', () => {
    const result = spawnSync(process.execPath, [join(root, 'scripts', 'run-tests.mjs')], {
      cwd: root,
      env: { PATH: bin, HOME: process.env.HOME ?? '/tmp' },
      encoding: 'utf8',
    })
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('npm test needs programs this machine does not have:')
    expect(result.stderr).toContain('tinyproxy (tinyproxy): a real HTTP proxy')
    expect(result.stderr).toContain('gnome-keyring-daemon (gnome-keyring)')
    const install = result.stderr.split('\n').filter((line) => line.includes('apt-get install'))
    expect(install).toHaveLength(1)
    for (const pkg of ['dbus', 'dbus-x11', 'gnome-keyring', 'tinyproxy', 'dante-server', 'sqlite3'])
      expect(install[0]?.split(' ')).toContain(pkg)
    // Nothing ran: no lint, no vitest.
    expect(result.stdout).not.toContain('== lint')
  })
})
