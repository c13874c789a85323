import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type OpenedDatabase } from './connection'

// Direct SQL on purpose: these are the rules the database keeps even when a service gets it wrong.

let dir: string
let opened: OpenedDatabase
let sqlite: Database.Database
let modelA: number
let modelB: number

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proxydeck-invariants-'))
  opened = openDatabase({ file: path.join(dir, 'app.sqlite') })
  sqlite = opened.sqlite
  sqlite.prepare(`INSERT INTO proxy_providers (name) VALUES ('Acme')`).run()
  modelA = Number(sqlite.prepare(`INSERT INTO models (name) VALUES ('A')`).run().lastInsertRowid)
  modelB = Number(sqlite.prepare(`INSERT INTO models (name) VALUES ('B')`).run().lastInsertRowid)
})

afterEach(() => {
  opened.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

let portSeq = 10_000
function addProxy(maxAccounts = 3): number {
  const result = sqlite
    .prepare(
      `INSERT INTO proxies (provider_id, protocol, host, port, max_accounts)
       VALUES (1, 'http', '10.0.0.1', ?, ?)`,
    )
    .run(portSeq++, maxAccounts)
  return Number(result.lastInsertRowid)
}

let userSeq = 0
function addAccount(model: number, proxy: number | null, status = 'active'): number {
  const result = sqlite
    .prepare(
      `INSERT INTO accounts (model_id, platform, username, status, proxy_id)
       VALUES (?, 'instagram', ?, ?, ?)`,
    )
    .run(model, `user${userSeq++}`, status, proxy)
  return Number(result.lastInsertRowid)
}

function proxyState(id: number): { count: number; model: number | null } {
  const row = sqlite
    .prepare(`SELECT account_count AS count, assigned_model_id AS model FROM proxies WHERE id = ?`)
    .get(id) as { count: number; model: number | null }
  return { count: row.count, model: row.model }
}

/** Every proxy's derived columns against a recount from scratch. */
function expectAllConsistent(): void {
  const drift = sqlite
    .prepare(
      `SELECT p.id FROM proxies p
       WHERE p.account_count <> (SELECT count(*) FROM accounts a
                                  WHERE a.proxy_id = p.id AND a.status = 'active')
          OR p.assigned_model_id IS NOT (SELECT max(a.model_id) FROM accounts a
                                          WHERE a.proxy_id = p.id AND a.status = 'active')`,
    )
    .all()
  expect(drift).toEqual([])
}

function run(statement: string, ...params: unknown[]): void {
  sqlite.prepare(statement).run(...params)
}

describe('account_count and assigned_model_id follow the accounts', () => {
  it('through insert, move, invalidate, reactivate and delete', () => {
    const p1 = addProxy()
    const p2 = addProxy()
    expect(proxyState(p1)).toEqual({ count: 0, model: null })

    const a1 = addAccount(modelA, p1)
    const a2 = addAccount(modelA, p1)
    expect(proxyState(p1)).toEqual({ count: 2, model: modelA })

    run(`UPDATE accounts SET proxy_id = ? WHERE id = ?`, p2, a1)
    expect(proxyState(p1)).toEqual({ count: 1, model: modelA })
    expect(proxyState(p2)).toEqual({ count: 1, model: modelA })

    run(`UPDATE accounts SET status = 'invalid', proxy_id = NULL WHERE id = ?`, a2)
    expect(proxyState(p1)).toEqual({ count: 0, model: null })

    run(`UPDATE accounts SET status = 'active', proxy_id = ? WHERE id = ?`, p2, a2)
    expect(proxyState(p2)).toEqual({ count: 2, model: modelA })

    run(`DELETE FROM accounts WHERE id = ?`, a1)
    expect(proxyState(p2)).toEqual({ count: 1, model: modelA })
    run(`DELETE FROM accounts WHERE id = ?`, a2)
    expect(proxyState(p2)).toEqual({ count: 0, model: null })
    expectAllConsistent()
  })

  it('frees a proxy for another model once its last account leaves', () => {
    const p = addProxy()
    const a = addAccount(modelA, p)
    run(`UPDATE accounts SET proxy_id = NULL WHERE id = ?`, a)
    addAccount(modelB, p)
    expect(proxyState(p)).toEqual({ count: 1, model: modelB })
  })

  it('follows a model change of the only account on a proxy', () => {
    const p = addProxy()
    const a = addAccount(modelA, p)
    run(`UPDATE accounts SET model_id = ? WHERE id = ?`, modelB, a)
    expect(proxyState(p)).toEqual({ count: 1, model: modelB })
  })

  it('ignores accounts without a proxy and changes that do not touch assignment', () => {
    const p = addProxy()
    const a = addAccount(modelA, p)
    addAccount(modelB, null, 'removed')
    addAccount(modelB, null)
    run(`UPDATE accounts SET notes = 'hello', updated_at = 1 WHERE id = ?`, a)
    expect(proxyState(p)).toEqual({ count: 1, model: modelA })
    expectAllConsistent()
  })
})

describe('the database refuses', () => {
  it('a 4th active account on a max_accounts=3 proxy', () => {
    const p = addProxy(3)
    for (let i = 0; i < 3; i++) addAccount(modelA, p)
    expect(() => addAccount(modelA, p)).toThrow(/^proxy_full:/)
    const spare = addAccount(modelA, null)
    expect(() => run(`UPDATE accounts SET proxy_id = ? WHERE id = ?`, p, spare)).toThrow(
      /^proxy_full:/,
    )
    expect(proxyState(p)).toEqual({ count: 3, model: modelA })
    expectAllConsistent()
  })

  it('reactivating an account onto a proxy that filled up meanwhile', () => {
    const p = addProxy(1)
    const a = addAccount(modelA, p)
    run(`UPDATE accounts SET status = 'invalid', proxy_id = NULL WHERE id = ?`, a)
    addAccount(modelA, p)
    expect(() =>
      run(`UPDATE accounts SET status = 'active', proxy_id = ? WHERE id = ?`, p, a),
    ).toThrow(/^proxy_full:/)
  })

  it('a one-statement bulk move past capacity, as a whole', () => {
    const p = addProxy(3)
    const ids = [1, 2, 3, 4].map(() => addAccount(modelA, null))
    expect(() =>
      run(`UPDATE accounts SET proxy_id = ? WHERE id IN (${ids.join(', ')})`, p),
    ).toThrow(/^proxy_full:/)
    expect(proxyState(p)).toEqual({ count: 0, model: null })
    const assigned = sqlite.prepare(`SELECT count(*) AS n FROM accounts WHERE proxy_id = ?`).get(p)
    expect(assigned).toEqual({ n: 0 })
  })

  it("another model's account on a proxy, by insert, move or model change", () => {
    const p = addProxy()
    const a = addAccount(modelA, p)
    addAccount(modelA, p)
    expect(() => addAccount(modelB, p)).toThrow(/^proxy_model_mismatch:/)
    const b = addAccount(modelB, null)
    expect(() => run(`UPDATE accounts SET proxy_id = ? WHERE id = ?`, p, b)).toThrow(
      /^proxy_model_mismatch:/,
    )
    expect(() => run(`UPDATE accounts SET model_id = ? WHERE id = ?`, modelB, a)).toThrow(
      /^proxy_model_mismatch:/,
    )
    expect(proxyState(p)).toEqual({ count: 2, model: modelA })
  })

  it('a second account on a max_accounts=1 proxy, after taking the first', () => {
    const p = addProxy(1)
    addAccount(modelA, p)
    expect(proxyState(p)).toEqual({ count: 1, model: modelA })
    expect(() => addAccount(modelA, p)).toThrow(/^proxy_full:/)
  })

  it('a non-active account holding a proxy', () => {
    const p = addProxy()
    expect(() => addAccount(modelA, p, 'invalid')).toThrow(/accounts_only_active_hold_proxy/)
    const a = addAccount(modelA, p)
    expect(() => run(`UPDATE accounts SET status = 'removed' WHERE id = ?`, a)).toThrow(
      /accounts_only_active_hold_proxy/,
    )
    expect(proxyState(p)).toEqual({ count: 1, model: modelA })
  })

  it('direct writes of the derived columns that disagree with the accounts', () => {
    const p = addProxy()
    addAccount(modelA, p)
    expect(() => run(`UPDATE proxies SET account_count = 0 WHERE id = ?`, p)).toThrow(
      /^proxy_counts_derived:/,
    )
    expect(() => run(`UPDATE proxies SET assigned_model_id = ? WHERE id = ?`, modelB, p)).toThrow(
      /^proxy_counts_derived:/,
    )
    expect(() =>
      run(
        `INSERT INTO proxies (provider_id, protocol, host, port, account_count, assigned_model_id)
         VALUES (1, 'http', 'h', 1, 1, ?)`,
        modelA,
      ),
    ).toThrow(/^proxy_counts_derived:/)
    // Writing the true values (a whole row read back and saved) is harmless.
    run(`UPDATE proxies SET account_count = 1, assigned_model_id = ? WHERE id = ?`, modelA, p)
    expect(proxyState(p)).toEqual({ count: 1, model: modelA })
  })

  it('lowering max_accounts below the accounts a proxy holds', () => {
    const p = addProxy(3)
    addAccount(modelA, p)
    addAccount(modelA, p)
    expect(() => run(`UPDATE proxies SET max_accounts = 1 WHERE id = ?`, p)).toThrow(
      /proxies_account_count_within_max/,
    )
    run(`UPDATE proxies SET max_accounts = 2 WHERE id = ?`, p)
  })

  it('deleting a proxy that still holds accounts, or a model that has accounts', () => {
    const p = addProxy()
    const a = addAccount(modelA, p)
    expect(() => run(`DELETE FROM proxies WHERE id = ?`, p)).toThrow(/FOREIGN KEY/)
    expect(() => run(`DELETE FROM models WHERE id = ?`, modelA)).toThrow(/FOREIGN KEY/)
    run(`UPDATE accounts SET proxy_id = NULL WHERE id = ?`, a)
    run(`DELETE FROM proxies WHERE id = ?`, p)
  })
})

describe('assignment history', () => {
  function addHistory(proxy: number, account: number): number {
    const result = sqlite
      .prepare(
        `INSERT INTO proxy_assignment_history
           (proxy_id, account_id, model_id, action, reason, assigned_by, created_at)
         VALUES (?, ?, ?, 'assigned', 'automatic', 'system', 1700000000000)`,
      )
      .run(proxy, account, modelA)
    return Number(result.lastInsertRowid)
  }

  it('is append-only: UPDATE and DELETE fail', () => {
    const h = addHistory(1, 1)
    expect(() =>
      run(`UPDATE proxy_assignment_history SET reason = 'manual' WHERE id = ?`, h),
    ).toThrow(/^history_append_only:/)
    expect(() => run(`DELETE FROM proxy_assignment_history WHERE id = ?`, h)).toThrow(
      /^history_append_only:/,
    )
    expect(sqlite.prepare(`SELECT reason FROM proxy_assignment_history`).all()).toEqual([
      { reason: 'automatic' },
    ])
  })

  it('outlives the proxy, account and model it names', () => {
    const p = addProxy()
    const a = addAccount(modelA, p)
    addHistory(p, a)
    run(`DELETE FROM accounts WHERE id = ?`, a)
    run(`DELETE FROM proxies WHERE id = ?`, p)
    run(`DELETE FROM models WHERE id = ?`, modelA)
    const rows = sqlite.prepare(
      `SELECT proxy_id, account_id, model_id FROM proxy_assignment_history`,
    )
    expect(rows.all()).toEqual([{ proxy_id: p, account_id: a, model_id: modelA }])
    // AUTOINCREMENT: the next proxy does not take the deleted proxy's id.
    expect(addProxy()).toBeGreaterThan(p)
  })
})
