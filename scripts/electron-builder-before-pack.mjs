/**
 * electron-builder `beforePack` hook: prepares the Electron build of better-sqlite3 for the
 * platform and architecture being packaged and stages it where electron-builder.yml's
 * extraResources picks it up (`.electron-native/package/<os>-<arch>/`). Packaging stops with a
 * plain message when it cannot be prepared: an app without it could not open its database.
 */
import { copyFileSync, mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { prepareElectronSqlite } from './electron/sqlite-native.mjs'

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')

// electron-builder's Arch enum, by value.
const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal']
// Its `${os}` macro: the build configuration key of each platform.
const OS_KEYS = { linux: 'linux', darwin: 'mac', mas: 'mac', win32: 'win' }

export default async function beforePack(context) {
  const arch = ARCH_NAMES[context.arch]
  const platform = context.electronPlatformName === 'mas' ? 'darwin' : context.electronPlatformName
  const os = OS_KEYS[context.electronPlatformName]
  if (!arch || arch === 'universal' || !os) {
    throw new Error(
      `ProxyDeck packages one architecture at a time; got ${platform}/${arch ?? context.arch}. ` +
        'Build x64 and arm64 separately instead of universal.',
    )
  }
  const binary = await prepareElectronSqlite({ platform, arch, log: (line) => console.log(line) })
  const staged = join(
    projectRoot,
    '.electron-native',
    'package',
    `${os}-${arch}`,
    'better_sqlite3.node',
  )
  mkdirSync(dirname(staged), { recursive: true })
  copyFileSync(binary, staged)
}
