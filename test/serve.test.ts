import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deleteVaultKey } from '../src/main/secrets'

// `npm run serve` = build + `node out/main/serve.js`; this runs the built entry as an operator would.
const entry = resolve('out/main/serve.js')
const keychainService = `ProxyDeck-test-${randomUUID()}`
let dataDir: string
let child: ChildProcess
let printed: string

beforeAll(async () => {
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run npm run build first`)
  dataDir = mkdtempSync(join(tmpdir(), 'proxydeck-serve-'))
  child = spawn(process.execPath, [entry, '--port', '0', '--data-dir', dataDir], {
    env: { ...process.env, PROXYDECK_KEYCHAIN_SERVICE: keychainService },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  printed = await new Promise<string>((resolveLine, reject) => {
    const lines = createInterface({ input: child.stdout! })
    lines.on('line', (line) => {
      if (line.startsWith('ProxyDeck serving at ')) resolveLine(line)
    })
    child.once('exit', (code) => reject(new Error(`serve exited early with ${code}`)))
  })
})

afterAll(async () => {
  child?.kill('SIGTERM')
  await new Promise((r) => child?.once('exit', r))
  await deleteVaultKey(keychainService)
  rmSync(dataDir, { recursive: true, force: true })
})

describe('npm run serve', () => {
  it('prints one line with a loopback URL, a free port and a random token', () => {
    expect(printed).toMatch(/^ProxyDeck serving at http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/)
  })

  it('serves the renderer and the API on that URL, with the token', async () => {
    const url = new URL(printed.slice('ProxyDeck serving at '.length))
    const page = await fetch(new URL('/', url))
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<div id="root">')
    const token = url.searchParams.get('token')!
    const info = await fetch(new URL('/api/app:info', url), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{}',
    })
    const envelope = (await info.json()) as { ok: boolean; value: { dataDir: string } }
    expect(envelope).toMatchObject({ ok: true, value: { dataDir } })
    const anonymous = await fetch(new URL('/api/app:info', url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    })
    expect(anonymous.status).toBe(401)
  })

  it('refuses a bad --port with a plain message', async () => {
    const bad = spawn(process.execPath, [entry, '--port', '70000', '--data-dir', dataDir])
    let stderr = ''
    bad.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const code = await new Promise((r) => bad.once('exit', r))
    expect(code).toBe(1)
    expect(stderr).toContain('--port must be an integer from 0 to 65535')
  })
})
