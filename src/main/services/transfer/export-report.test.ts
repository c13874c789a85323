import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '../../../../test/support/context'
import type { InputOf } from '../../../shared/contracts'
import { createAccount } from '../accounts/accounts'
import { assignAccount } from '../assignment/moves'
import { createModel } from '../models'
import { insertProxyRows } from '../proxies'
import { call, provider, storedProxies } from '../../../../test/support/transfer'

const TESTED_AT = Date.UTC(2026, 2, 1, 9, 30, 0)

describe('export: the default text keeps protocols, the CSV reports state, cost and model', () => {
  let test: TestContext
  let ids: number[]

  beforeAll(async () => {
    test = await createTestContext()
    const { ctx } = test
    const alpha = provider(ctx, 'Alpha') // 1.00 a month
    ids = insertProxyRows(ctx, [
      {
        providerId: alpha,
        protocol: 'http',
        host: '203.0.113.1',
        port: 8080,
        username: 'a',
        password: 'pa',
      },
      {
        providerId: alpha,
        protocol: 'socks5',
        host: '203.0.113.2',
        port: 1080,
        username: 'b',
        password: 'pb',
      },
      { providerId: alpha, protocol: 'socks5', remoteDns: true, host: '203.0.113.3', port: 1080 },
      {
        providerId: alpha,
        protocol: 'https',
        host: '203.0.113.4',
        port: 443,
        monthlyCostOverrideCents: 250,
      },
    ])
    ctx.sqlite
      .prepare(
        `UPDATE proxies SET last_tested_at = ?, last_success_at = ?, exit_ip = '198.51.100.9',
           country = 'DE', response_time_ms = 321 WHERE id = ?`,
      )
      .run(TESTED_AT, TESTED_AT, ids[0])
    ctx.sqlite
      .prepare(
        `UPDATE proxies SET last_tested_at = ?, last_error_code = 'timeout', status = 'error' WHERE id = ?`,
      )
      .run(TESTED_AT, ids[1])
    const model = createModel(ctx, { name: '=Model A' }).id
    const account = createAccount(ctx, { modelId: model, platform: 'instagram', username: 'ann' })
    assignAccount(ctx, account.id, ids[0] as number, { reason: 'manual', actor: 'operator' })
  })
  afterAll(() => test.dispose())

  async function download(input: Partial<InputOf<'export:proxies'>>) {
    const result = await call(test.ctx, 'export:proxies', {
      scope: { kind: 'all' },
      format: 'txt',
      destination: 'download',
      ...input,
    })
    if (result.destination !== 'download') throw new Error('expected a download')
    return result.content
  }

  it('writes plain http in the colon shape and every other protocol as a URL', async () => {
    expect((await download({})).trim().split('\n')).toEqual([
      '203.0.113.1:8080:a:',
      'socks5://b@203.0.113.2:1080',
      'socks5h://203.0.113.3:1080',
      'https://203.0.113.4:443',
    ])
    const withPasswords = await download({ includePasswords: true, confirmPasswords: true })
    expect(withPasswords).toContain('socks5://b:pb@203.0.113.2:1080')
  })

  it("reads a mixed list back with every protocol under the import's default (http)", async () => {
    const content = await download({ includePasswords: true, confirmPasswords: true })
    const target = await createTestContext()
    try {
      const main = provider(target.ctx, 'Alpha')
      const preview = await call(target.ctx, 'import:preview', {
        source: 'text',
        text: content,
      })
      await call(target.ctx, 'import:commit', { importId: preview.importId, providerId: main })
      const read = storedProxies(target.ctx).map((p) => [p.protocol, p.remoteDns, p.password])
      expect(read).toEqual([
        ['http', false, 'pa'],
        ['socks5', false, 'pb'],
        ['socks5', true, null],
        ['https', false, null],
      ])
    } finally {
      await target.dispose()
    }
  })

  it('adds status, last result, exit IP, country, latency, cost and model to the CSV', async () => {
    const csv = await download({ format: 'csv' })
    const rows = parse(csv, { columns: true }) as Record<string, string>[]
    expect(Object.keys(rows[0] ?? {})).toEqual(
      expect.arrayContaining([
        'status',
        'last_result',
        'last_tested_at',
        'exit_ip',
        'country',
        'latency_ms',
        'monthly_cost',
        'model',
      ]),
    )
    expect(rows[0]).toMatchObject({
      status: 'active',
      last_result: 'ok',
      last_tested_at: '2026-03-01T09:30:00.000Z',
      exit_ip: '198.51.100.9',
      country: 'DE',
      latency_ms: '321',
      monthly_cost: '1.00',
      model: "'=Model A",
    })
    expect(rows[1]).toMatchObject({ status: 'error', last_result: 'timeout', model: '' })
    expect(rows[2]).toMatchObject({ last_result: '', latency_ms: '', exit_ip: '' })
    expect(rows[3]).toMatchObject({ monthly_cost: '2.50' })
  })
})
