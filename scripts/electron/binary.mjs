/**
 * The Electron runtime binary. Electron 45 no longer downloads it at `npm install`; the first run
 * does. We download it ourselves first (into a temp directory we own, so an interrupted download
 * leaves nothing behind) to report a failure in one plain sentence, then let Electron's own
 * installer unpack it from the cache.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { UserFacingError, describeError, lastErrorLine, runCaptured, toolEnv } from './process.mjs'

const require = createRequire(import.meta.url)

export const electronDir = dirname(require.resolve('electron/package.json'))
export const electronVersion = require('electron/package.json').version

/** Electron's NODE_MODULE_VERSION, shipped with the package (`abi_version`). */
export function electronAbi() {
  return readFileSync(join(electronDir, 'abi_version'), 'utf8').trim()
}

const platform =
  process.env.ELECTRON_INSTALL_PLATFORM || process.env.npm_config_platform || process.platform
const arch = process.env.ELECTRON_INSTALL_ARCH || process.env.npm_config_arch || process.arch

function executableName() {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron'
  if (platform === 'win32') return 'electron.exe'
  return 'electron'
}

/** The installed executable, checked the way Electron's installer checks it; null when missing. */
export function installedElectron() {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  if (override) {
    const exe = join(override, executableName())
    return existsSync(exe) ? exe : null
  }
  try {
    const version = readFileSync(join(electronDir, 'dist', 'version'), 'utf8').replace(/^v/, '')
    const recorded = readFileSync(join(electronDir, 'path.txt'), 'utf8')
    if (version.trim() !== electronVersion || recorded !== executableName()) return null
  } catch {
    return null
  }
  const exe = join(electronDir, 'dist', executableName())
  return existsSync(exe) ? exe : null
}

function downloadFailed(reason) {
  const source = process.env.ELECTRON_MIRROR ? `from ${process.env.ELECTRON_MIRROR}` : 'from GitHub'
  return new UserFacingError(
    `ProxyDeck needs the Electron runtime, which is downloaded ${source} on first start, and the ` +
      `download failed (${reason}). Connect to the network and run npm start again.\n` +
      'The headless mode works without Electron: npm run serve',
  )
}

/** Returns the Electron executable, downloading and unpacking it on first use. */
export async function ensureElectron({ log = console.log } = {}) {
  const existing = installedElectron()
  if (existing) return existing
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    throw new UserFacingError(
      `ELECTRON_OVERRIDE_DIST_PATH is set to ${process.env.ELECTRON_OVERRIDE_DIST_PATH}, ` +
        `which holds no ${executableName()}. Point it at an Electron ${electronVersion} folder or unset it.`,
    )
  }
  log(`Downloading the Electron ${electronVersion} runtime (about 100 MB, first start only)...`)
  const tempDirectory = mkdtempSync(join(tmpdir(), 'proxydeck-electron-download-'))
  const removeTemp = () => rmSync(tempDirectory, { recursive: true, force: true })
  const onInterrupt = () => {
    removeTemp()
    process.exit(130)
  }
  process.once('SIGINT', onInterrupt)
  process.once('SIGTERM', onInterrupt)
  try {
    const getPath = require.resolve('@electron/get', { paths: [electronDir] })
    const { downloadArtifact } = await import(pathToFileURL(getPath).href)
    // The same request Electron's installer makes, so it finds the archive in the cache next.
    await downloadArtifact({
      version: electronVersion,
      artifactName: 'electron',
      platform,
      arch,
      force: process.env.force_no_cache === 'true',
      cacheRoot: process.env.electron_config_cache,
      checksums: require(join(electronDir, 'checksums.json')),
      tempDirectory,
    })
  } catch (error) {
    throw downloadFailed(describeError(error))
  } finally {
    process.off('SIGINT', onInterrupt)
    process.off('SIGTERM', onInterrupt)
    removeTemp()
  }
  const unpack = await runCaptured(process.execPath, [join(electronDir, 'install.js')], {
    env: toolEnv(),
  })
  const exe = installedElectron()
  if (unpack.code !== 0 || !exe) {
    throw new UserFacingError(
      `The Electron runtime was downloaded but could not be unpacked (${lastErrorLine(unpack.output)}). ` +
        'Delete node_modules/electron/dist and run npm start again.',
    )
  }
  return exe
}
