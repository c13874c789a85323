import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type OpenedDatabase } from './connection'
import * as schema from './schema'

const tables: SQLiteTable[] = [
  schema.proxyProviders,
  schema.models,
  schema.proxies,
  schema.accounts,
  schema.proxyAssignmentHistory,
  schema.proxyChecks,
  schema.settings,
  schema.vaultKeyCheck,
]

const expectedTriggers = [
  'accounts_guard_insert',
  'accounts_guard_update',
  'accounts_sync_insert',
  'accounts_sync_update',
  'accounts_sync_delete',
  'proxies_counts_start_empty',
  'proxies_counts_derived',
  'history_no_update',
  'history_no_delete',
  ...['proxies', 'proxy_checks'].flatMap((table) =>
    ['anonymity', 'reachability'].flatMap((column) =>
      ['insert', 'update'].map((op) => `${table}_${column}_valid_${op}`),
    ),
  ),
]

let dir: string
let opened: OpenedDatabase

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proxydeck-schema-'))
  opened = openDatabase({ file: path.join(dir, 'app.sqlite') })
})

afterEach(() => {
  opened.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

function tableSql(name: string): string {
  const row = opened.sqlite
    .prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`)
    .get(name) as { sql: string } | undefined
  return row?.sql ?? ''
}

function indexColumns(index: string): Array<string | null> {
  const rows = opened.sqlite.pragma(`index_xinfo("${index}")`) as Array<{
    name: string | null
    key: number
  }>
  return rows.filter((row) => row.key === 1).map((row) => row.name)
}

describe('migrations on an empty file', () => {
  it('create every table of the drizzle schema with every column', () => {
    for (const table of tables) {
      const config = getTableConfig(table)
      const columns = opened.sqlite.pragma(`table_info("${config.name}")`) as Array<{
        name: string
        notnull: number
        pk: number
      }>
      expect(columns.map((c) => c.name).sort(), config.name).toEqual(
        config.columns.map((c) => c.name).sort(),
      )
      for (const column of config.columns) {
        const actual = columns.find((c) => c.name === column.name)
        expect(actual?.notnull === 1 || actual?.pk === 1, `${config.name}.${column.name}`).toBe(
          column.notNull,
        )
      }
    }
  })

  it('create every named CHECK, index and foreign key of the drizzle schema', () => {
    for (const table of tables) {
      const config = getTableConfig(table)
      const sql = tableSql(config.name)
      for (const check of config.checks) {
        expect(sql, `${config.name} check ${check.name}`).toContain(
          `CONSTRAINT "${check.name}" CHECK`,
        )
      }
      const indexes = opened.sqlite.pragma(`index_list("${config.name}")`) as Array<{
        name: string
        unique: number
      }>
      for (const index of config.indexes) {
        const found = indexes.find((i) => i.name === index.config.name)
        expect(found, `${config.name} index ${index.config.name}`).toBeDefined()
        expect(found?.unique === 1).toBe(index.config.unique)
      }
      const fks = opened.sqlite.pragma(`foreign_key_list("${config.name}")`) as Array<{
        table: string
        from: string
        on_delete: string
      }>
      expect(fks.length, `${config.name} foreign keys`).toBe(config.foreignKeys.length)
    }
  })

  it('create the keys and indexes the services rely on', () => {
    // The last key column is the coalesce-like expression: index_xinfo names it null.
    expect(indexColumns('proxies_endpoint_unique')).toEqual(['protocol', 'host', 'port', null])
    expect(indexColumns('accounts_platform_username_unique')).toEqual(['platform', 'username'])
    expect(indexColumns('proxy_providers_name_unique')).toEqual(['name'])
    expect(indexColumns('models_name_unique')).toEqual(['name'])
    expect(indexColumns('proxies_assignable_idx')).toEqual([
      'status',
      'assigned_model_id',
      'account_count',
    ])
    expect(indexColumns('proxies_available_idx')).toEqual(['assigned_model_id', 'id'])
    expect(indexColumns('proxies_provider_idx')).toEqual(['provider_id'])
    expect(indexColumns('accounts_proxy_idx')).toEqual(['proxy_id', 'status'])
    expect(indexColumns('accounts_model_idx')).toEqual(['model_id'])
    expect(indexColumns('history_created_idx')).toEqual(['created_at'])
    expect(indexColumns('history_proxy_idx')).toEqual(['proxy_id'])
    expect(indexColumns('history_account_idx')).toEqual(['account_id'])
    expect(indexColumns('checks_proxy_checked_idx')).toEqual(['proxy_id', 'checked_at'])
  })

  it('serve the assignment engine from indexes, without sorting', () => {
    const plan = (query: string) =>
      (opened.sqlite.prepare(`EXPLAIN QUERY PLAN ${query}`).all(1) as Array<{ detail: string }>)
        .map((row) => row.detail)
        .join('\n')
    const available = (model: string) =>
      `SELECT min(id) AS id FROM proxies WHERE status = 'active' AND account_count < max_accounts
         AND assigned_model_id ${model}`
    const firstProxy = plan(
      `SELECT min(id) FROM (${available('= ?')} UNION ALL ${available('IS NULL')})`,
    )
    expect(firstProxy).toContain('USING INDEX proxies_available_idx (assigned_model_id=?)')
    expect(firstProxy).not.toMatch(/SCAN proxies|TEMP B-TREE/)

    const unassigned = plan(
      `SELECT id FROM accounts WHERE proxy_id IS NULL AND status = 'active' AND id > ? ORDER BY id`,
    )
    expect(unassigned).toMatch(/USING (COVERING )?INDEX accounts_proxy_idx/)
    expect(unassigned).not.toMatch(/TEMP B-TREE/)
  })

  it('keep history free of foreign keys and restrict deletes elsewhere', () => {
    const fk = (table: string) =>
      opened.sqlite.pragma(`foreign_key_list("${table}")`) as Array<{
        table: string
        from: string
        on_delete: string
      }>
    expect(fk('proxy_assignment_history')).toEqual([])
    expect(
      fk('accounts')
        .map((f) => [f.from, f.table, f.on_delete])
        .sort(),
    ).toEqual([
      ['model_id', 'models', 'RESTRICT'],
      ['proxy_id', 'proxies', 'RESTRICT'],
    ])
    expect(fk('proxy_checks').map((f) => [f.from, f.on_delete])).toEqual([['proxy_id', 'CASCADE']])
  })

  it('create every invariant trigger', () => {
    const triggers = opened.sqlite
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name`)
      .all() as Array<{ name: string }>
    expect(triggers.map((t) => t.name).sort()).toEqual([...expectedTriggers].sort())
  })

  it('use AUTOINCREMENT so ids named by history are never reused', () => {
    for (const name of ['proxy_providers', 'models', 'proxies', 'accounts']) {
      expect(tableSql(name), name).toMatch(/PRIMARY KEY AUTOINCREMENT/)
    }
  })

  it('record every migration of the journal', () => {
    const journal = JSON.parse(
      fs.readFileSync(path.resolve(__dirname, '../../../drizzle/meta/_journal.json'), 'utf8'),
    ) as { entries: unknown[] }
    expect(opened.migrationsApplied).toBe(journal.entries.length)
  })
})
