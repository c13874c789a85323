import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { TestContext } from '../../../../test/support/context'
import type { ImportProgress } from '../../../shared/import-types'
import type { AppContext } from '../../context'
import { insertProxyRows } from '../proxies'
import {
  call,
  provider,
  recordEvents,
  rejection,
  snapshot,
  storedProxies,
  withContext,
} from '../../../../test/support/transfer'

// Line numbers are physical lines: the comment is line 1 and line 12 is blank.
const MIXED = `# provider list
10.0.0.1:8080:alice:pw-one
socks5://bob:pw%3Atwo@10.0.0.2:1080
carol:pw3@gw.example.com:9000
10.0.0.4:8080
10.0.0.5
10.0.0.6:70000:u:secret-a
bad_host!:8080:u:secret-b
ftp://u:secret-c@10.0.0.8:21
10.0.0.1:8080:alice:other-pw
198.51.100.7:3128:stored:new-pw

http://dave:pw5@[2001:db8::1]:8080
socks5h://eve:pw6@10.0.0.9:1080[https://rotate.example.com/r?k=1]
10.0.0.10:8080:frank`

const PASSWORDS = ['pw-one', 'pw:two', 'pw3', 'secret-a', 'secret-b', 'secret-c', 'other-pw', 'pw5']

describe('import: preview then commit on a real database', () => {
  let test: TestContext
  let ctx: AppContext
  let main: number
  let storedId: number

  beforeEach(async () => {
    test = await withContext()
    ctx = test.ctx
    main = provider(ctx, 'Main')
    ;[storedId] = insertProxyRows(ctx, [
      {
        providerId: main,
        protocol: 'http',
        host: '198.51.100.7',
        port: 3128,
        username: 'stored',
        password: 'old-pw',
        location: 'US-Texas',
      },
    ]) as [number]
  })
  afterEach(() => test.dispose())

  it('judges every line, masks passwords and stores nothing', async () => {
    const before = snapshot(ctx)
    const preview = await call(ctx, 'import:preview', { source: 'text', text: MIXED })

    expect(preview.format).toBe('lines')
    expect(preview.counts).toEqual({
      total: 13,
      new: 6,
      duplicate: 1,
      error: 5,
      duplicateOfStored: 1,
      duplicateOfLine: 0,
    })
    // Line 10 repeats line 2's proxy with another password: a conflict (issue 13), not a repeat.
    expect(preview.conflicts).toBe(1)
    expect(preview.errorsByReason).toEqual({
      missing_port: 1,
      port_out_of_range: 1,
      invalid_host: 1,
      unsupported_scheme: 1,
      missing_password: 1,
    })
    const byLine = new Map(preview.rows.items.map((row) => [row.line, row]))
    expect(byLine.get(6)).toMatchObject({ status: 'error', reason: 'missing_port' })
    expect(byLine.get(7)).toMatchObject({ status: 'error', reason: 'port_out_of_range' })
    expect(byLine.get(10)).toMatchObject({ status: 'conflict', conflictOf: { line: 2 } })
    expect(byLine.get(11)).toMatchObject({
      status: 'duplicate',
      duplicateOf: { kind: 'stored', proxyId: storedId },
    })
    expect(byLine.get(3)).toMatchObject({
      status: 'new',
      proxy: {
        protocol: 'socks5',
        host: '10.0.0.2',
        port: 1080,
        username: 'bob',
        hasPassword: true,
      },
    })
    expect(byLine.get(5)).toMatchObject({ proxy: { username: null, hasPassword: false } })
    // No password crosses to the renderer, not even inside an error's raw line.
    const wire = JSON.stringify(preview)
    for (const password of PASSWORDS) expect(wire).not.toContain(password)
    expect(wire).not.toContain('"password"')

    expect(snapshot(ctx).equals(before)).toBe(true)
  })

  it('pages and filters the previewed rows', async () => {
    const { importId } = await call(ctx, 'import:preview', {
      source: 'text',
      text: MIXED,
      pageSize: 4,
    })
    const errors = await call(ctx, 'import:previewRows', { importId, filter: 'error' })
    expect(errors.total).toBe(5)
    expect(errors.items.map((row) => row.line)).toEqual([6, 7, 8, 9, 15])
    const second = await call(ctx, 'import:previewRows', { importId, page: 2, pageSize: 4 })
    expect(second.items.map((row) => row.line)).toEqual([6, 7, 8, 9])
    const duplicates = await call(ctx, 'import:previewRows', { importId, filter: 'duplicate' })
    expect(duplicates.items.map((row) => row.line)).toEqual([11])
  })

  it('commits the valid rows with encrypted passwords, skipping duplicates', async () => {
    const { importId } = await call(ctx, 'import:preview', { source: 'text', text: MIXED })
    const result = await call(ctx, 'import:commit', { importId, providerId: main })
    expect(result).toEqual({
      importId,
      inserted: 6,
      updated: 0,
      skippedStored: 1,
      skippedLines: 0,
      errors: 5,
      conflicts: { keptFirst: 1, keptLast: 0 },
    })

    const proxies = storedProxies(ctx)
    expect(proxies).toHaveLength(7)
    const imported = proxies.filter((p) => p.id !== storedId)
    expect(imported.map((p) => [p.protocol, p.host, p.port, p.username, p.password])).toEqual([
      ['http', '10.0.0.1', 8080, 'alice', 'pw-one'],
      ['socks5', '10.0.0.2', 1080, 'bob', 'pw:two'],
      ['http', 'gw.example.com', 9000, 'carol', 'pw3'],
      ['http', '10.0.0.4', 8080, null, null],
      ['http', '2001:db8::1', 8080, 'dave', 'pw5'],
      ['socks5', '10.0.0.9', 1080, 'eve', 'pw6'],
    ])
    expect(imported.every((p) => p.provider === 'Main')).toBe(true)
    expect(imported[5]).toMatchObject({
      remoteDns: true,
      rotationUrl: 'https://rotate.example.com/r?k=1',
    })
    // Ids follow the input order, so "lowest id first" assignment follows the operator's file.
    expect(imported.map((p) => p.id)).toEqual([...imported.map((p) => p.id)].sort((a, b) => a - b))

    // Encrypted at rest: sealed text, bound to the row (a copy onto another row will not open).
    const sealed = ctx.sqlite
      .prepare('SELECT id, password_encrypted FROM proxies WHERE password_encrypted IS NOT NULL')
      .all() as { id: number; password_encrypted: string }[]
    expect(sealed).toHaveLength(6)
    for (const row of sealed) {
      expect(row.password_encrypted).toMatch(/^v1\.\d+\.[\w-]+\.[\w-]+$/)
      for (const password of PASSWORDS) expect(row.password_encrypted).not.toContain(password)
    }
    const first = sealed[1] as { id: number; password_encrypted: string }
    expect(() => ctx.vault.decrypt(first.password_encrypted, `proxy:${first.id + 1}`)).toThrow()

    // The stored duplicate is untouched with `skip`.
    const kept = proxies.find((p) => p.id === storedId)
    expect(kept).toMatchObject({ password: 'old-pw', location: 'US-Texas' })

    // A committed batch is gone.
    const again = await rejection(call(ctx, 'import:commit', { importId, providerId: main }))
    expect(again.code).toBe('NOT_FOUND')
  })

  it("updates stored duplicates with 'update', keeping what the line leaves empty", async () => {
    const { importId } = await call(ctx, 'import:preview', { source: 'text', text: MIXED })
    const result = await call(ctx, 'import:commit', {
      importId,
      providerId: main,
      duplicates: 'update',
    })
    expect(result).toMatchObject({ inserted: 6, updated: 1, skippedStored: 0, skippedLines: 0 })
    const updated = storedProxies(ctx).find((p) => p.id === storedId)
    expect(updated).toMatchObject({ password: 'new-pw', location: 'US-Texas', provider: 'Main' })
  })

  it('maps provider names of CSV rows and refuses unknown ones line by line', async () => {
    const other = provider(ctx, 'Acme Proxies')
    const csv = [
      'protocol,host,port,username,password,provider,location,tags',
      'http,10.1.0.1,8080,u1,p1,acme proxies,DE-Berlin,"a,b"',
      'socks5,10.1.0.2,1080,u2,p2,Nobody Inc,,',
      'https,10.1.0.3,443,u3,p3,,,',
    ].join('\n')
    const preview = await call(ctx, 'import:preview', { source: 'text', text: csv })
    expect(preview.format).toBe('csv')
    expect(preview.counts).toMatchObject({ new: 2, error: 1 })
    const errors = await call(ctx, 'import:previewRows', {
      importId: preview.importId,
      filter: 'error',
    })
    expect(errors.items).toEqual([
      expect.objectContaining({ line: 3, reason: 'unknown_provider', proxy: expect.anything() }),
    ])
    await call(ctx, 'import:commit', { importId: preview.importId, providerId: main })
    const rows = storedProxies(ctx).filter((p) => p.host.startsWith('10.1.'))
    expect(rows.map((p) => [p.host, p.provider, p.location, p.tags])).toEqual([
      ['10.1.0.1', 'Acme Proxies', 'DE-Berlin', ['a', 'b']],
      ['10.1.0.3', 'Main', null, []],
    ])
    expect(other).toBeGreaterThan(main)
  })

  it('emits throttled progress while parsing, encrypting and storing', async () => {
    const lines = Array.from(
      { length: 10_000 },
      (_, i) => `10.2.${i >> 8}.${i & 255}:${1000 + (i % 50_000)}:user${i}:pass${i}`,
    )
    const recorder = recordEvents(ctx, 'import:progress')
    const preview = await call(ctx, 'import:preview', { source: 'text', text: lines.join('\n') })
    const result = await call(ctx, 'import:commit', {
      importId: preview.importId,
      providerId: main,
    })
    recorder.stop()
    expect(result.inserted).toBe(10_000)

    const events = recorder.payloads as ImportProgress[]
    expect(events.every((e) => e.importId === preview.importId)).toBe(true)
    const phases = events.map((e) => e.phase)
    expect(phases.indexOf('parsing')).toBe(0)
    expect(phases.lastIndexOf('parsing')).toBeLessThan(phases.indexOf('encrypting'))
    expect(phases.lastIndexOf('encrypting')).toBeLessThan(phases.indexOf('storing'))
    for (const phase of ['parsing', 'encrypting', 'storing'] as const) {
      const ofPhase = events.filter((e) => e.phase === phase)
      expect(ofPhase.length).toBeGreaterThanOrEqual(2)
      // Throttled: far fewer events than rows, and never going backwards.
      expect(ofPhase.length).toBeLessThan(200)
      const done = ofPhase.map((e) => e.done)
      expect(done).toEqual([...done].sort((a, b) => a - b))
    }
    expect(events.filter((e) => e.phase === 'parsing').at(-1)).toMatchObject({
      parsed: 10_000,
      total: 10_000,
    })
    expect(events.at(-1)).toMatchObject({ phase: 'storing', stored: 10_000, done: 10_000 })
  })
})
