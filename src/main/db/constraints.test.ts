import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type OpenedDatabase } from './connection'
import { classifyConstraintError, constraintErrorToAppError } from './constraint-errors'
import { accounts, models, proxies, proxyChecks, proxyProviders, settings } from './schema'

let dir: string
let opened: OpenedDatabase
let providerId: number

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proxydeck-constraints-'))
  opened = openDatabase({ file: path.join(dir, 'app.sqlite') })
  providerId = opened.db
    .insert(proxyProviders)
    .values({ name: 'Acme', monthlyCostPerProxyCents: 250 })
    .returning({ id: proxyProviders.id })
    .get().id
})

afterEach(() => {
  opened.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

function insertProxy(values: Partial<typeof proxies.$inferInsert> = {}) {
  return opened.db
    .insert(proxies)
    .values({ providerId, protocol: 'http', host: '203.0.113.7', port: 8080, ...values })
    .returning()
    .get()
}

function errorOf(fn: () => unknown): unknown {
  try {
    fn()
  } catch (error) {
    return error
  }
  throw new Error('expected the statement to fail')
}

describe('proxies', () => {
  it('accept ports 1 and 65535 and refuse 0 and 70000', () => {
    insertProxy({ port: 1 })
    insertProxy({ port: 65535 })
    for (const port of [0, 70000, -1]) {
      const violation = classifyConstraintError(errorOf(() => insertProxy({ port })))
      expect(violation).toEqual(
        expect.objectContaining({ kind: 'check', constraint: 'proxies_port_range' }),
      )
    }
  })

  it('refuse a negative cost override and a negative provider cost', () => {
    expect(
      classifyConstraintError(errorOf(() => insertProxy({ monthlyCostOverrideCents: -1 }))),
    ).toMatchObject({
      constraint: 'proxies_cost_override_not_negative',
    })
    const negative = errorOf(() =>
      opened.db
        .insert(proxyProviders)
        .values({ name: 'Cheap', monthlyCostPerProxyCents: -5 })
        .run(),
    )
    expect(classifyConstraintError(negative)).toMatchObject({
      kind: 'check',
      constraint: 'proxy_providers_cost_not_negative',
    })
    insertProxy({ monthlyCostOverrideCents: 0 })
  })

  it('refuse a duplicate (protocol, host, port, username), also when both usernames are NULL', () => {
    insertProxy({ username: null })
    const nullDup = errorOf(() => insertProxy({ username: null }))
    expect(classifyConstraintError(nullDup)).toMatchObject({
      kind: 'unique',
      constraint: 'proxies_endpoint_unique',
    })
    insertProxy({ username: 'session-1' })
    expect(
      classifyConstraintError(errorOf(() => insertProxy({ username: 'session-1' }))),
    ).toMatchObject({
      kind: 'unique',
    })
  })

  it('accept the same host:port with different usernames, or another protocol', () => {
    insertProxy({ username: null })
    insertProxy({ username: 'session-1' })
    insertProxy({ username: 'session-2' })
    insertProxy({ protocol: 'socks5', username: null })
    expect(opened.db.select().from(proxies).all()).toHaveLength(4)
  })

  it('refuse unknown enum values', () => {
    insertProxy()
    for (const statement of [
      `UPDATE proxies SET status = 'dead'`,
      `UPDATE proxies SET protocol = 'ftp'`,
      `UPDATE proxies SET last_error_code = 'weird'`,
      `UPDATE proxies SET tags = 'not json'`,
      `UPDATE proxies SET sticky = 2`,
    ]) {
      expect(
        classifyConstraintError(errorOf(() => opened.sqlite.exec(statement))),
        statement,
      ).toMatchObject({
        kind: 'check',
      })
    }
  })

  it('round-trip booleans, JSON tags and integer timestamps through drizzle', () => {
    const row = insertProxy({ remoteDns: true, tags: ['eu', 'fast'], expiresAt: 1_900_000_000_000 })
    expect(row).toMatchObject({
      remoteDns: true,
      sticky: false,
      tags: ['eu', 'fast'],
      expiresAt: 1_900_000_000_000,
      accountCount: 0,
      assignedModelId: null,
      maxAccounts: 3,
      status: 'active',
    })
    expect(typeof row.createdAt).toBe('number')
    expect(opened.sqlite.prepare(`SELECT remote_dns, tags FROM proxies`).get()).toEqual({
      remote_dns: 1,
      tags: '["eu","fast"]',
    })
  })

  it('take their checks with them when deleted', () => {
    const proxy = insertProxy()
    opened.db.insert(proxyChecks).values({ proxyId: proxy.id, checkedAt: 1, ok: true }).run()
    opened.db
      .insert(proxyChecks)
      .values({ proxyId: proxy.id, checkedAt: 2, ok: false, errorCode: 'timeout' })
      .run()
    opened.db.delete(proxies).where(eq(proxies.id, proxy.id)).run()
    expect(opened.db.select().from(proxyChecks).all()).toEqual([])
  })

  it('keep their provider from being deleted', () => {
    insertProxy()
    const error = errorOf(() =>
      opened.db.delete(proxyProviders).where(eq(proxyProviders.id, providerId)).run(),
    )
    expect(classifyConstraintError(error)).toMatchObject({ kind: 'foreign_key' })
    expect(constraintErrorToAppError(error)?.code).toBe('CONFLICT')
  })
})

describe('unique names', () => {
  it('for providers, models and (platform, username) of accounts', () => {
    const dupProvider = errorOf(() =>
      opened.db.insert(proxyProviders).values({ name: 'Acme' }).run(),
    )
    expect(constraintErrorToAppError(dupProvider)).toMatchObject({ code: 'CONFLICT' })

    const model = opened.db.insert(models).values({ name: 'M' }).returning().get()
    expect(
      classifyConstraintError(errorOf(() => opened.db.insert(models).values({ name: 'M' }).run())),
    ).toMatchObject({
      kind: 'unique',
    })

    const account = { modelId: model.id, platform: 'tiktok' as const, username: 'same' }
    opened.db.insert(accounts).values(account).run()
    const dup = errorOf(() => opened.db.insert(accounts).values(account).run())
    expect(classifyConstraintError(dup)).toMatchObject({
      kind: 'unique',
      constraint: 'accounts.platform, accounts.username',
    })
    opened.db
      .insert(accounts)
      .values({ ...account, platform: 'reddit' })
      .run()
  })
})

describe('constraint errors through drizzle', () => {
  it('map trigger rules to RULE_VIOLATION with the rule word', () => {
    const model = opened.db.insert(models).values({ name: 'M' }).returning().get()
    const proxy = insertProxy({ maxAccounts: 1 })
    opened.db
      .insert(accounts)
      .values({ modelId: model.id, platform: 'other', username: 'a', proxyId: proxy.id })
      .run()
    const error = errorOf(() =>
      opened.db
        .insert(accounts)
        .values({ modelId: model.id, platform: 'other', username: 'b', proxyId: proxy.id })
        .run(),
    )
    expect(classifyConstraintError(error)).toMatchObject({ kind: 'rule', rule: 'proxy_full' })
    const appError = constraintErrorToAppError(error)
    expect(appError?.code).toBe('RULE_VIOLATION')
    expect(appError?.details).toEqual({ rule: 'proxy_full' })
    expect(appError?.message).toMatch(/^The proxy already holds its maximum/)
  })

  it('leave unrelated errors alone', () => {
    expect(classifyConstraintError(new Error('boom'))).toBeUndefined()
    expect(constraintErrorToAppError(errorOf(() => opened.sqlite.exec('SELEC 1')))).toBeUndefined()
  })

  it('settings values must be JSON', () => {
    opened.db.insert(settings).values({ key: 'theme', value: 'dark' }).run()
    expect(opened.sqlite.prepare(`SELECT value FROM settings`).get()).toEqual({ value: '"dark"' })
    const error = errorOf(() => opened.sqlite.exec(`INSERT INTO settings VALUES ('x', 'not json')`))
    expect(classifyConstraintError(error)).toMatchObject({ constraint: 'settings_value_json' })
  })
})
