import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '../../../../test/support/context'
import type { InputOf } from '../../../shared/contracts'
import type { DownloadableExport } from '../../../shared/contracts/export'
import { lineShapes, type ProxyScheme } from '../../../shared/import-types'
import type { AppContext } from '../../context'
import { createAccount } from '../accounts/accounts'
import { assignAccount } from '../assignment/moves'
import { createModel } from '../models'
import { insertProxyRows, removeProxies } from '../proxies'
import type { FileDialogs } from './file-dialogs'
import {
  call,
  provider,
  rejection,
  snapshot,
  storedProxies,
  type StoredProxy,
} from '../../../../test/support/transfer'

/** Proxies that exercise what each format must carry: IPv6, socks5h, odd passwords, no user. */
function seed(ctx: AppContext): void {
  const alpha = provider(ctx, 'Alpha')
  const beta = provider(ctx, 'Beta, Inc.')
  insertProxyRows(ctx, [
    {
      providerId: alpha,
      protocol: 'http',
      host: '203.0.113.10',
      port: 8080,
      username: 'alice',
      password: 'p:a@ss w%rd/]x',
      location: 'US-California',
      country: 'US',
      tags: ['fast', 'eu'],
      notes: 'first, "quoted"\nsecond line',
    },
    { providerId: alpha, protocol: 'http', host: 'gw.example.com', port: 3128, username: 'sess-1' },
    { providerId: beta, protocol: 'http', host: '203.0.113.11', port: 80 },
    {
      providerId: beta,
      protocol: 'http',
      host: '2001:db8::7',
      port: 8000,
      username: 'user:colon',
      password: 'pw',
      rotationUrl: 'https://rotate.example.com/r?k=1&x=2',
    },
    {
      providerId: beta,
      protocol: 'socks5',
      remoteDns: true,
      host: '198.51.100.20',
      port: 1080,
      username: 'bob',
      password: 'ünïcødé-🔑',
    },
    { providerId: alpha, protocol: 'socks4', host: '198.51.100.21', port: 1081 },
    {
      providerId: alpha,
      protocol: 'https',
      host: '198.51.100.22',
      port: 443,
      username: 'carol',
      password: '  spaced  ',
    },
  ])
}

type Comparable = Omit<StoredProxy, 'id'>

function comparable(proxies: StoredProxy[], fields?: (keyof Comparable)[]): Partial<Comparable>[] {
  return proxies
    .map(({ id: _id, ...rest }) =>
      fields ? Object.fromEntries(fields.map((field) => [field, rest[field]])) : rest,
    )
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
}

async function download(ctx: AppContext, input: Partial<InputOf<'export:proxies'>>) {
  const result = await call(ctx, 'export:proxies', {
    scope: { kind: 'all' },
    format: 'csv',
    destination: 'download',
    ...input,
  })
  if (result.destination !== 'download') throw new Error('expected a download')
  return result
}

/** Imports an export into a fresh database with the same provider names, and returns it. */
async function importInto(
  file: DownloadableExport,
  defaultProtocol: ProxyScheme = 'http',
): Promise<TestContext> {
  const target = await createTestContext()
  const main = provider(target.ctx, 'Alpha')
  provider(target.ctx, 'Beta, Inc.')
  const preview = await call(target.ctx, 'import:preview', {
    source: 'text',
    text: file.content,
    defaultProtocol,
  })
  expect(preview.counts.error).toBe(0)
  const result = await call(target.ctx, 'import:commit', {
    importId: preview.importId,
    providerId: main,
  })
  expect(result.inserted).toBe(file.count)
  return target
}

describe('export: proxies round-trip through an import into an empty database', () => {
  let source: TestContext

  beforeAll(async () => {
    source = await createTestContext()
    seed(source.ctx)
  })
  afterAll(() => source.dispose())

  for (const format of ['csv', 'json'] as const) {
    it(`${format} carries every field, passwords decrypted and sealed again`, async () => {
      const file = await download(source.ctx, {
        format,
        includePasswords: true,
        confirmPasswords: true,
      })
      expect(file.count).toBe(7)
      expect(file.filename).toMatch(new RegExp(`^proxydeck-proxies-\\d{8}-\\d{6}\\.${format}$`))
      const target = await importInto(file)
      try {
        expect(comparable(storedProxies(target.ctx))).toEqual(comparable(storedProxies(source.ctx)))
      } finally {
        await target.dispose()
      }
    })
  }

  for (const lineShape of lineShapes) {
    it(`txt as ${lineShape} carries the endpoint, credentials and rotation link`, async () => {
      // The first two shapes carry no protocol: export one protocol, import with it as default.
      const withScheme = lineShape === 'protocol://user:pass@host:port'
      const file = await download(source.ctx, {
        format: 'txt',
        lineShape,
        scope: withScheme ? { kind: 'all' } : { kind: 'filter', filter: { protocol: 'http' } },
        includePasswords: true,
        confirmPasswords: true,
      })
      const target = await importInto(file)
      const fields: (keyof Comparable)[] = [
        'protocol',
        'remoteDns',
        'host',
        'port',
        'username',
        'password',
        'rotationUrl',
      ]
      try {
        const expected = storedProxies(source.ctx).filter(
          (p) => withScheme || p.protocol === 'http',
        )
        expect(comparable(storedProxies(target.ctx), fields)).toEqual(comparable(expected, fields))
      } finally {
        await target.dispose()
      }
    })
  }

  it('leaves passwords out unless asked, and refuses them without confirmation', async () => {
    const file = await download(source.ctx, { format: 'json' })
    expect(file.content).not.toContain('p:a@ss')
    expect(file.content).not.toContain('"password"')
    const target = await importInto(file)
    try {
      expect(storedProxies(target.ctx).every((p) => p.password === null)).toBe(true)
    } finally {
      await target.dispose()
    }
    const refused = await rejection(
      call(source.ctx, 'export:proxies', {
        scope: { kind: 'all' },
        format: 'txt',
        includePasswords: true,
        destination: 'download',
      }),
    )
    expect(refused.code).toBe('VALIDATION')
    expect(refused.message).toContain('confirm')
  })

  it('exports a selection in id order and refuses ids that are gone', async () => {
    const ids = storedProxies(source.ctx).map((p) => p.id)
    const file = await download(source.ctx, {
      format: 'txt',
      lineShape: 'protocol://user:pass@host:port',
      scope: { kind: 'ids', ids: [ids[4] as number, ids[0] as number] },
    })
    expect(file.content).toBe('http://alice@203.0.113.10:8080\nsocks5h://bob@198.51.100.20:1080\n')
    const missing = await rejection(
      download(source.ctx, { scope: { kind: 'ids', ids: [ids[0] as number, 999_999] } }),
    )
    expect(missing.code).toBe('NOT_FOUND')
  })

  it('writes where the operator chose, owner-only when it holds passwords', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'proxydeck-export-'))
    const chosen: string[] = []
    const dialogs: FileDialogs = {
      chooseOpenFile: async () => null,
      chooseSaveFile: async ({ defaultName }) => {
        chosen.push(defaultName)
        return join(dir, defaultName)
      },
    }
    const ctx = { ...source.ctx, dialogs }
    try {
      const saved = await call(ctx, 'export:proxies', {
        scope: { kind: 'all' },
        format: 'csv',
        includePasswords: true,
        confirmPasswords: true,
        destination: 'dialog',
      })
      expect(saved).toMatchObject({ destination: 'dialog', count: 7 })
      if (saved.destination !== 'dialog') throw new Error('expected a saved file')
      expect(saved.path).toBe(join(dir, chosen[0] as string))
      expect(readFileSync(saved.path, 'utf8')).toContain('p:a@ss w%rd/]x')
      expect(statSync(saved.path).size).toBe(saved.bytes)
      expect(statSync(saved.path).mode & 0o777).toBe(0o600)

      const cancelled = await rejection(
        call(
          { ...source.ctx, dialogs: { ...dialogs, chooseSaveFile: async () => null } },
          'export:history',
          { destination: 'dialog' },
        ),
      )
      expect(cancelled.code).toBe('CANCELLED')
      const bridge = await rejection(
        call(source.ctx, 'export:proxies', {
          scope: { kind: 'all' },
          format: 'txt',
          destination: 'dialog',
        }),
      )
      expect(bridge.code).toBe('VALIDATION')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('export: history', () => {
  it('writes the audit trail as CSV, oldest first, naming deleted rows by id', async () => {
    let now = Date.UTC(2026, 0, 15, 12, 0, 0)
    const test = await createTestContext({ clock: { now: () => now } })
    const { ctx } = test
    try {
      const alpha = provider(ctx, 'Alpha')
      const [p1, p2] = insertProxyRows(ctx, [
        { providerId: alpha, protocol: 'http', host: '203.0.113.5', port: 8080 },
        { providerId: alpha, protocol: 'http', host: '2001:db8::5', port: 8081 },
      ]) as [number, number]
      const model = createModel(ctx, { name: '=Model A' }).id
      const account = createAccount(ctx, { modelId: model, platform: 'instagram', username: 'ann' })
      assignAccount(ctx, account.id, p1, { reason: 'manual', actor: 'operator' })
      now += 60_000
      removeProxies(ctx, [p1], 'operator')
      now += 60_000
      assignAccount(ctx, account.id, p2, { reason: 'automatic', actor: 'system' })

      const before = snapshot(ctx)
      const file = await call(ctx, 'export:history', { destination: 'download' })
      if (file.destination !== 'download') throw new Error('expected a download')
      expect(file).toMatchObject({ count: 3, mimeType: 'text/csv;charset=utf-8' })
      expect(file.filename).toBe('proxydeck-history-20260115-120200.csv')
      expect(file.content.trim().split('\n')).toEqual([
        'created_at,action,reason,assigned_by,proxy,account,model',
        `2026-01-15T12:00:00.000Z,assigned,manual,operator,#${p1} (deleted),ann,'=Model A`,
        `2026-01-15T12:01:00.000Z,released,proxy_removed,operator,#${p1} (deleted),ann,'=Model A`,
        `2026-01-15T12:02:00.000Z,assigned,automatic,system,[2001:db8::5]:8081,ann,'=Model A`,
      ])
      const filtered = await call(ctx, 'export:history', {
        destination: 'download',
        reason: 'proxy_removed',
      })
      expect(filtered.count).toBe(1)
      expect(snapshot(ctx).equals(before)).toBe(true)
    } finally {
      await test.dispose()
    }
  })
})
