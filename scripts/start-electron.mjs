#!/usr/bin/env node
/**
 * `npm start`: the desktop app from a source checkout, in three steps that each run only when
 * needed: (a) the Electron runtime (downloaded on first start), (b) an Electron build of SQLite kept
 * apart from node_modules (which stays a Node build for `npm test`), (c) the electron-vite build.
 * Then Electron runs on the project with PROXYDECK_SQLITE_BINDING naming that SQLite build.
 * Arguments after `--` go to the app, e.g. `npm start -- --data-dir /tmp/pd`.
 */
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ensureElectron } from './electron/binary.mjs'
import {
  UserFacingError,
  exitWithError,
  lastErrorLine,
  runCaptured,
  toolEnv,
} from './electron/process.mjs'
import { prepareElectronSqlite } from './electron/sqlite-native.mjs'

const require = createRequire(import.meta.url)
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')

const BUILT = ['out/main/index.js', 'out/preload/index.js', 'out/renderer/index.html']
const SOURCES = [
  'src',
  'electron.vite.config.ts',
  'package.json',
  'tsconfig.node.json',
  'tsconfig.web.json',
]

/** Newest modification time under the given paths (files and folders, recursively). */
function newestMtime(paths) {
  let newest = 0
  const visit = (path) => {
    const stat = statSync(path, { throwIfNoEntry: false })
    if (!stat) return
    newest = Math.max(newest, stat.mtimeMs)
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name))
  }
  for (const path of paths) visit(join(projectRoot, path))
  return newest
}

function buildIsCurrent() {
  const built = BUILT.map((file) => statSync(join(projectRoot, file), { throwIfNoEntry: false }))
  if (built.some((stat) => !stat)) return false
  const oldestOutput = Math.min(...built.map((stat) => stat.mtimeMs))
  return newestMtime(SOURCES) <= oldestOutput
}

async function buildIfStale() {
  if (buildIsCurrent()) return
  console.log('Building ProxyDeck (electron-vite build)...')
  const bin = join(
    dirname(require.resolve('electron-vite/package.json')),
    'bin',
    'electron-vite.js',
  )
  const result = await runCaptured(process.execPath, [bin, 'build'], {
    cwd: projectRoot,
    env: toolEnv(),
  })
  if (result.code !== 0) {
    console.error(result.output)
    throw new UserFacingError(
      `The build failed (${lastErrorLine(result.output)}); see the output above.`,
    )
  }
}

function launch(electron, sqliteBinding, appArgs) {
  const child = spawn(electron, ['.', ...appArgs], {
    cwd: projectRoot,
    stdio: 'inherit',
    env: toolEnv(process.env, { PROXYDECK_SQLITE_BINDING: sqliteBinding }),
  })
  const forward = (signal) => () => child.kill(signal)
  process.on('SIGINT', forward('SIGINT'))
  process.on('SIGTERM', forward('SIGTERM'))
  child.once('error', (error) => exitWithError(error))
  child.once('exit', (code, signal) => {
    if (code !== 0 && process.platform === 'linux' && process.getuid?.() === 0) {
      // Chromium's sandbox refuses root; the fix is another user, not --no-sandbox.
      console.error(
        '\nRunning as root? Electron refuses to start as root with its sandbox on: run npm start ' +
          'as a regular user. The headless mode works as root: npm run serve\n',
      )
    }
    process.exit(code ?? (signal ? 1 : 0))
  })
}

async function main() {
  const appArgs = process.argv.slice(2)
  const electron = await ensureElectron()
  const sqliteBinding = await prepareElectronSqlite()
  await buildIfStale()
  if (!existsSync(sqliteBinding)) throw new UserFacingError(`Missing ${sqliteBinding}`)
  launch(electron, sqliteBinding, appArgs)
}

main().catch(exitWithError)
