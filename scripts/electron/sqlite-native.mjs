/**
 * An Electron-ABI build of better-sqlite3, kept apart from node_modules (which stays a Node build
 * for the tests). Made once per Electron version, platform and architecture in
 * `.electron-native/<electron version>/<platform>-<arch>/better_sqlite3.node`: a prebuilt binary
 * from better-sqlite3's releases when one exists, else compiled from a temporary copy of its
 * sources against Electron's headers. node_modules/better-sqlite3/build is never touched.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { electronAbi, electronVersion } from './binary.mjs'
import { UserFacingError, lastErrorLine, runCaptured, toolEnv } from './process.mjs'

const require = createRequire(import.meta.url)
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'))
const sqliteVersion = require('better-sqlite3/package.json').version

const BINARY = 'better_sqlite3.node'

export function nativeRoot(env = process.env) {
  return resolve(env.PROXYDECK_ELECTRON_NATIVE_DIR || join(projectRoot, '.electron-native'))
}

export function electronSqlitePath({ platform = process.platform, arch = process.arch } = {}) {
  return join(nativeRoot(), electronVersion, `${platform}-${arch}`, BINARY)
}

/**
 * Whether a binary registers itself for `abi`. NODE_MODULE_INIT exports `node_register_module_v<abi>`
 * from the headers it was compiled with, so this catches the trap of a Node build labelled Electron.
 */
export function registersForAbi(file, abi) {
  return readFileSync(file).includes(Buffer.from(`node_register_module_v${abi}\0`))
}

function readInfo(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}

/** Returns the path of a ready Electron-ABI better_sqlite3.node, building it when needed. */
export async function prepareElectronSqlite({
  platform = process.platform,
  arch = process.arch,
  log = console.log,
} = {}) {
  const target = electronSqlitePath({ platform, arch })
  const infoFile = join(dirname(target), 'build-info.json')
  const abi = electronAbi()
  const wanted = { electron: electronVersion, abi, betterSqlite3: sqliteVersion, platform, arch }
  const info = readInfo(infoFile)
  if (existsSync(target) && info && Object.entries(wanted).every(([k, v]) => info[k] === v)) {
    return target
  }
  log(
    `Preparing SQLite (better-sqlite3 ${sqliteVersion}) for Electron ${electronVersion} on ${platform}-${arch}, once...`,
  )
  const work = mkdtempSync(join(tmpdir(), 'proxydeck-sqlite-electron-'))
  const removeWork = () => rmSync(work, { recursive: true, force: true })
  const onInterrupt = () => {
    removeWork()
    process.exit(130)
  }
  process.once('SIGINT', onInterrupt)
  process.once('SIGTERM', onInterrupt)
  try {
    const source = join(work, 'better-sqlite3')
    cpSync(sqliteDir, source, {
      recursive: true,
      filter: (path) => {
        const rel = relative(sqliteDir, path)
        return !(rel === 'build' || rel.startsWith(`build${sep}`) || rel === 'node_modules')
      },
    })
    const attempts = []
    const prebuilt = await fetchPrebuilt(source, { platform, arch })
    attempts.push(`prebuilt download: ${prebuilt.reason ?? 'ok'}`)
    let method = 'prebuilt'
    if (!prebuilt.ok) {
      if (platform !== process.platform) {
        throw failure(attempts, 'No compiler fallback when packaging for another operating system.')
      }
      log('No prebuilt binary could be fetched; compiling from source (takes a few minutes)...')
      const compiled = await compile(source, { arch, devDir: join(work, 'headers') })
      attempts.push(`local build: ${compiled.reason ?? 'ok'}`)
      if (!compiled.ok) {
        // A compiler error needs its full output; a failed download says all in its reason.
        const logFile = compiled.downloaded ? keepBuildLog(dirname(target), compiled.output) : null
        throw failure(attempts, logFile ? `The compiler's output is in ${logFile}` : undefined)
      }
      method = 'compiled'
    }
    const built = join(source, 'build', 'Release', BINARY)
    if (!existsSync(built)) throw failure([...attempts, `no ${BINARY} was produced`])
    if (!registersForAbi(built, abi)) throw wrongAbi(built, abi, method)
    mkdirSync(dirname(target), { recursive: true })
    // Copy next to the target, then rename: a crash never leaves a truncated binary in place.
    cpSync(built, `${target}.partial`)
    renameSync(`${target}.partial`, target)
    writeFileSync(infoFile, `${JSON.stringify({ ...wanted, method }, null, 2)}\n`)
    rmSync(join(dirname(target), 'build-failure.log'), { force: true })
    log(`SQLite for Electron ready: ${relative(projectRoot, target) || target}`)
    return target
  } finally {
    process.off('SIGINT', onInterrupt)
    process.off('SIGTERM', onInterrupt)
    removeWork()
  }
}

async function fetchPrebuilt(source, { platform, arch }) {
  const bin = require.resolve('prebuild-install/bin.js', { paths: [sqliteDir] })
  const args = [
    '--runtime',
    'electron',
    '--target',
    electronVersion,
    '--platform',
    platform,
    '--arch',
    arch,
  ]
  const result = await runCaptured(process.execPath, [bin, ...args, '--verbose'], {
    cwd: source,
    env: toolEnv(),
  })
  return result.code === 0 ? { ok: true } : { ok: false, reason: prebuiltReason(result.output) }
}

function prebuiltReason(output) {
  const warning = [...output.matchAll(/^prebuild-install (?:warn|err!?) install (.+)$/gim)].at(-1)
  return warning ? warning[1].trim() : lastErrorLine(output)
}

async function compile(source, { arch, devDir }) {
  const gyp = require.resolve('node-gyp/bin/node-gyp.js')
  const headers = process.env.PROXYDECK_ELECTRON_HEADERS_URL || 'https://electronjs.org/headers'
  const args = [
    'rebuild',
    '--release',
    `--target=${electronVersion}`,
    `--arch=${arch}`,
    `--dist-url=${headers}`,
    `--devdir=${devDir}`,
    '--jobs=max',
  ]
  const result = await runCaptured(process.execPath, [gyp, ...args], {
    cwd: source,
    env: toolEnv(),
  })
  if (result.code === 0) return { ok: true }
  const downloaded = !/rolling back install/.test(result.output)
  return { ok: false, downloaded, reason: gypReason(result.output), output: result.output }
}

function keepBuildLog(dir, output) {
  const file = join(dir, 'build-failure.log')
  mkdirSync(dir, { recursive: true })
  writeFileSync(file, output)
  return file
}

/** node-gyp's own words are a stack trace; keep the part that says what went wrong. */
function gypReason(output) {
  const stack = output.match(/^gyp ERR! stack (?:\w*Error: )?(.+)$/m)?.[1]?.trim()
  if (/rolling back install/.test(output)) {
    const url = [...output.matchAll(/^gyp http GET (\S+)/gm)].at(-1)?.[1] ?? 'electronjs.org'
    if (stack && !/most likely not a problem with node-gyp/.test(stack)) {
      return `could not download Electron's headers: ${stack}`
    }
    return `could not download Electron's headers from ${url} (no network)`
  }
  return stack ?? lastErrorLine(output)
}

function wrongAbi(file, abi, method) {
  const found = readFileSync(file)
    .toString('latin1')
    .match(/node_register_module_v(\d+)/)?.[1]
  const source =
    method === 'prebuilt'
      ? 'the prebuilt binary that was downloaded (check npm_config_better_sqlite3_binary_host)'
      : "the local build, so the headers it used were not Electron's (check PROXYDECK_ELECTRON_HEADERS_URL)"
  return new UserFacingError(
    `The SQLite library prepared for Electron ${electronVersion} came out for another runtime ` +
      `(ABI ${found ?? 'unknown'} instead of ${abi}) from ${source}. Nothing was installed; ` +
      'node_modules is unchanged.\nThe headless mode works without Electron: npm run serve',
  )
}

function failure(attempts, extra) {
  return new UserFacingError(
    `ProxyDeck's desktop window needs its SQLite library (better-sqlite3 ${sqliteVersion}) built for ` +
      `Electron ${electronVersion}, and preparing it failed:\n` +
      attempts.map((line) => `  - ${line}\n`).join('') +
      (extra ? `${extra}\n` : '') +
      'Both ways need the network (GitHub for the prebuilt binary, electronjs.org for the headers; ' +
      'compiling also needs Python and a C++ compiler). Connect to the network and run npm start again.\n' +
      'The headless mode works without Electron: npm run serve',
  )
}
