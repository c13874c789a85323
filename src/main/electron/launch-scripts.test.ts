/**
 * `npm start`'s preparation steps, run as the operator would run them, against a local server
 * that stands in for GitHub and electronjs.org (so the result is the same with or without network).
 */
import { execFileSync, spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = resolve(__dirname, '../../..')
const electronDir = join(root, 'node_modules/electron')
const electronVersion = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version
const electronAbi = readFileSync(join(electronDir, 'abi_version'), 'utf8').trim()
const nodeSqlite = join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node')
const electronInstalled = existsSync(join(electronDir, 'dist'))
const SCRIPT_DEADLINE_MS = 90_000

interface Run {
  code: number | null
  output: string
}

function runScript(script: string, env: NodeJS.ProcessEnv, args: string[] = []): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(root, 'scripts', script), ...args], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    // Never hang the suite on a stalled network: kill the whole attempt past the deadline.
    const timer = setTimeout(() => child.kill('SIGKILL'), SCRIPT_DEADLINE_MS)
    child.once('error', reject)
    child.once('close', (code) => {
      clearTimeout(timer)
      resolvePromise({ code, output })
    })
  })
}

/** The test runner's environment without anything that would redirect the downloads. */
function baseEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (/electron_(mirror|custom|override|config_cache)|binary_host|force_no_cache/i.test(key))
      continue
    if (/^PROXYDECK_/.test(key)) continue
    env[key] = value
  }
  return { ...env, ELECTRON_GET_NO_PROGRESS: '1', ...extra }
}

function expectPlainMessage(output: string): void {
  expect(output).toContain('The headless mode works without Electron: npm run serve')
  expect(output).not.toContain('NODE_MODULE_VERSION')
  expect(output).not.toMatch(/^\s+at .+[(:]\d+/m) // no stack frames
  expect(output).not.toMatch(/gyp ERR!|prebuild-install warn/)
}

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex')
}

/** Answers 404 to everything and remembers what was asked. */
let server: Server
let mirror: string
const requested: string[] = []
const scratch: string[] = []

function tempDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `proxydeck-${label}-`))
  scratch.push(dir)
  return dir
}

beforeAll(async () => {
  server = createServer((req, res) => {
    requested.push(req.url ?? '')
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not here')
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  mirror = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise((done) => server.close(done))
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true })
})

describe.skipIf(electronInstalled)('npm start without the Electron runtime', () => {
  it('says in one plain message that the download failed and what to do', async () => {
    const cache = tempDir('electron-cache')
    const temp = tempDir('tmp')
    const run = await runScript(
      'start-electron.mjs',
      baseEnv({ ELECTRON_MIRROR: `${mirror}/`, electron_config_cache: cache, TMPDIR: temp }),
    )
    expect(run.code).not.toBe(0)
    expect(run.output).toContain(
      'ProxyDeck needs the Electron runtime, which is downloaded from ' +
        `${mirror}/ on first start, and the download failed (Response code 404`,
    )
    expect(run.output).toContain('Connect to the network and run npm start again.')
    expectPlainMessage(run.output)
    const archive = `electron-v${electronVersion}-${process.platform}-${process.arch}.zip`
    expect(requested).toContain(`/v${electronVersion}/${archive}`)
    // Nothing half-downloaded is left: not in the cache, not in temp, not in node_modules.
    expect(readdirSync(cache)).toEqual([])
    expect(readdirSync(temp)).toEqual([])
    expect(existsSync(join(electronDir, 'dist'))).toBe(false)
  })

  it('names the network error when nothing answers', async () => {
    const closed = createServer()
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done))
    const port = (closed.address() as AddressInfo).port
    await new Promise((done) => closed.close(done))
    const run = await runScript(
      'start-electron.mjs',
      baseEnv({
        ELECTRON_MIRROR: `http://127.0.0.1:${port}/`,
        electron_config_cache: tempDir('electron-cache'),
        TMPDIR: tempDir('tmp'),
      }),
    )
    expect(run.code).not.toBe(0)
    expect(run.output).toMatch(/the download failed \(connect ECONNREFUSED 127\.0\.0\.1:\d+\)/)
    expectPlainMessage(run.output)
  })
})

describe('preparing the Electron build of SQLite without network', () => {
  it('fails with a plain message and leaves node_modules and the output folder untouched', async () => {
    const before = sha256(nodeSqlite)
    const nativeDir = tempDir('electron-native')
    const temp = tempDir('tmp')
    const run = await runScript(
      'prepare-electron-native.mjs',
      baseEnv({
        PROXYDECK_ELECTRON_NATIVE_DIR: nativeDir,
        PROXYDECK_ELECTRON_HEADERS_URL: mirror,
        npm_config_better_sqlite3_binary_host: mirror,
        // What `npm start` inherits from this machine's npmrc: must not turn into a Node build.
        npm_config_nodedir: '/usr',
        TMPDIR: temp,
      }),
    )
    expect(run.code).not.toBe(0)
    expect(run.output).toContain(`built for Electron ${electronVersion}, and preparing it failed`)
    expect(run.output).toMatch(/prebuilt download: No prebuilt binaries found/)
    expect(run.output).toMatch(/local build: could not download Electron's headers: 404/)
    expectPlainMessage(run.output)
    const tarball = `-electron-v${electronAbi}-${process.platform}-${process.arch}.tar.gz`
    expect(requested.some((url) => url.endsWith(tarball))).toBe(true)
    expect(requested).toContain(`/v${electronVersion}/node-v${electronVersion}-headers.tar.gz`)
    // The temporary source copy is gone and no binary (partial or not) was published.
    expect(readdirSync(temp)).toEqual([])
    expect(readdirSync(nativeDir, { recursive: true })).toEqual([])
    // node_modules keeps the Node build the tests use, byte for byte, and it still loads.
    expect(sha256(nodeSqlite)).toBe(before)
    const db = new Database(':memory:')
    expect(db.prepare('select 1 as one').get()).toEqual({ one: 1 })
    db.close()
  })
})

/**
 * A stand-in for better-sqlite3's release asset: the Node build with its registration symbol
 * rewritten to Electron's ABI (same length), packed the way prebuild-install expects.
 */
function fakeElectronPrebuilt(): Buffer {
  const dir = tempDir('prebuilt')
  const binary = Buffer.from(readFileSync(nodeSqlite))
  const from = Buffer.from(`node_register_module_v${process.versions.modules}\0`)
  const to = Buffer.from(`node_register_module_v${electronAbi}\0`)
  expect(to.length).toBe(from.length)
  for (let at = binary.indexOf(from); at !== -1; at = binary.indexOf(from, at + 1))
    to.copy(binary, at)
  mkdirSync(join(dir, 'build', 'Release'), { recursive: true })
  writeFileSync(join(dir, 'build', 'Release', 'better_sqlite3.node'), binary)
  execFileSync('tar', ['czf', join(dir, 'prebuilt.tar.gz'), '-C', dir, 'build'])
  return readFileSync(join(dir, 'prebuilt.tar.gz'))
}

describe.skipIf(process.platform !== 'linux')('preparing with a prebuilt binary available', () => {
  let assets: Server
  let assetsUrl: string
  const assetRequests: string[] = []
  const nativeDir = tempDir('electron-native')
  const env = () =>
    baseEnv({
      PROXYDECK_ELECTRON_NATIVE_DIR: nativeDir,
      npm_config_better_sqlite3_binary_host: assetsUrl,
      PROXYDECK_ELECTRON_HEADERS_URL: assetsUrl,
      npm_config_cache: tempDir('npm-cache'),
      TMPDIR: tempDir('tmp'),
    })
  const expected = join(nativeDir, electronVersion, `${process.platform}-${process.arch}`)

  beforeAll(async () => {
    const tarball = fakeElectronPrebuilt()
    assets = createServer((req, res) => {
      assetRequests.push(req.url ?? '')
      if (
        req.url?.endsWith(`-electron-v${electronAbi}-${process.platform}-${process.arch}.tar.gz`)
      ) {
        res.writeHead(200, { 'content-length': tarball.length }).end(tarball)
      } else {
        res.writeHead(404, { 'content-length': 0 }).end()
      }
    })
    await new Promise<void>((done) => assets.listen(0, '127.0.0.1', done))
    assetsUrl = `http://127.0.0.1:${(assets.address() as AddressInfo).port}`
  })

  afterAll(async () => {
    await new Promise((done) => assets.close(done))
  })

  it('publishes it once, records what it is, and reuses it without asking again', async () => {
    const first = await runScript('prepare-electron-native.mjs', env())
    expect(first.code, first.output).toBe(0)
    expect(first.output.trim().split('\n').at(-1)).toBe(join(expected, 'better_sqlite3.node'))
    const published = join(expected, 'better_sqlite3.node')
    expect(readFileSync(published).includes(`node_register_module_v${electronAbi}\0`)).toBe(true)
    expect(JSON.parse(readFileSync(join(expected, 'build-info.json'), 'utf8'))).toMatchObject({
      electron: electronVersion,
      abi: electronAbi,
      method: 'prebuilt',
    })
    expect(readdirSync(expected).sort()).toEqual(['better_sqlite3.node', 'build-info.json'])
    const asked = assetRequests.length

    const second = await runScript('prepare-electron-native.mjs', env())
    expect(second.code).toBe(0)
    expect(second.output).not.toContain('Preparing')
    expect(assetRequests.length).toBe(asked)
  })

  it('npm start hands that binary to Electron with the app arguments and its exit code', async () => {
    // A stand-in Electron executable (the real one cannot be downloaded here) that reports what
    // it was given.
    const dist = tempDir('electron-dist')
    writeFileSync(
      join(dist, 'electron'),
      '#!/bin/sh\n' +
        'echo "ARGS=$*"\n' +
        'echo "BINDING=$PROXYDECK_SQLITE_BINDING"\n' +
        'echo "RUN_AS_NODE=${ELECTRON_RUN_AS_NODE:-unset}"\n' +
        'exit 7\n',
      { mode: 0o755 },
    )
    const run = await runScript(
      'start-electron.mjs',
      { ...env(), ELECTRON_OVERRIDE_DIST_PATH: dist, ELECTRON_RUN_AS_NODE: '1' },
      ['--data-dir', '/tmp/pd-data'],
    )
    expect(run.code, run.output).toBe(7)
    expect(run.output).toContain('ARGS=. --data-dir /tmp/pd-data')
    expect(run.output).toContain(`BINDING=${join(expected, 'better_sqlite3.node')}`)
    expect(run.output).toContain('RUN_AS_NODE=unset')
    expect(existsSync(join(root, 'out/main/index.js'))).toBe(true)
  })
})

describe('the ABI guard', () => {
  it('tells a Node build from an Electron one by the registration symbol it exports', async () => {
    const modulePath = join(root, 'scripts/electron/sqlite-native.mjs')
    const { registersForAbi } = (await import(modulePath)) as {
      registersForAbi: (file: string, abi: string) => boolean
    }
    expect(registersForAbi(nodeSqlite, process.versions.modules)).toBe(true)
    expect(registersForAbi(nodeSqlite, electronAbi)).toBe(false)
  })

  it('keeps npm config that would redirect node-gyp out of the tools environment', async () => {
    const modulePath = join(root, 'scripts/electron/process.mjs')
    const { toolEnv } = (await import(modulePath)) as {
      toolEnv: (env: NodeJS.ProcessEnv) => Record<string, string>
    }
    const env = toolEnv({
      PATH: '/usr/bin',
      npm_config_nodedir: '/usr',
      npm_config_target: '20.0.0',
      npm_package_config_node_gyp_nodedir: '/usr',
      npm_config_https_proxy: 'http://proxy:3128',
      npm_config_better_sqlite3_binary_host: 'http://mirror',
      ELECTRON_RUN_AS_NODE: '1',
    })
    expect(env).toEqual({
      PATH: '/usr/bin',
      npm_config_https_proxy: 'http://proxy:3128',
      npm_config_better_sqlite3_binary_host: 'http://mirror',
    })
  })
})
