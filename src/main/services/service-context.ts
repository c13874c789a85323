import type Database from 'better-sqlite3'
import { getTableName } from 'drizzle-orm'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import { AppError } from '../../shared/errors'
import { columnPatch, columnSet, type KeyOf, type RowOf } from '../db/columns'
import { constraintErrorToAppError } from '../db/constraint-errors'
import { exclusiveGate } from '../db/exclusive'
import type { Clock } from '../clock'
import type { EventBus } from '../events'
import type { Vault } from '../secrets'
import type { FileDialogs } from './transfer/file-dialogs'

/**
 * What the domain services need. The app context (context.ts) extends it; scripts (the
 * benchmarks, a future importer CLI) run the services on a bare database without events or a
 * window. Services never import the app context itself: it is the composition root above them.
 */
export interface ServiceContext {
  readonly sqlite: Database.Database
  readonly vault: Vault
  readonly clock: Clock
}

/** Services the operator drives at length (import, export) also report progress and open files. */
export interface OperatorContext extends ServiceContext {
  readonly events: EventBus
  /** Native open/save dialogs: the desktop app only (the HTTP bridge has none). */
  readonly dialogs?: FileDialogs
}

type Statement = Database.Statement<unknown[], unknown>
const statementCache = new WeakMap<Database.Database, Map<string, Statement>>()

/** A prepared statement, prepared once per connection and reused (the hot paths run thousands). */
export function stmt(sqlite: Database.Database, sql: string): Statement {
  let cache = statementCache.get(sqlite)
  if (!cache) {
    cache = new Map()
    statementCache.set(sqlite, cache)
  }
  let prepared = cache.get(sql)
  if (!prepared) {
    prepared = sqlite.prepare(sql)
    cache.set(sql, prepared)
  }
  return prepared
}

/**
 * One UPDATE of row `id` for the fields a patch sets (named as the schema names them): a field
 * whose value is undefined keeps what is stored; `updated_at` always moves.
 */
export function patchRow<T extends SQLiteTable & { updatedAt: unknown }>(
  ctx: Pick<ServiceContext, 'sqlite' | 'clock'>,
  table: T,
  id: number,
  patch: Partial<RowOf<T>>,
): void {
  const { sets, params } = columnPatch(table, { ...patch, updatedAt: ctx.clock.now() })
  stmt(ctx.sqlite, `UPDATE ${getTableName(table)} SET ${sets.join(', ')} WHERE id = ?`).run(
    ...params,
    id,
  )
}

/**
 * One INSERT of `values` (named as the schema names them; undefined takes the schema's default).
 * For the create paths that store one row at a time; the import has its own batched statement.
 */
export function insertRow<T extends SQLiteTable>(
  ctx: Pick<ServiceContext, 'sqlite'>,
  table: T,
  values: Partial<RowOf<T>>,
): number {
  const columns = columnSet(table, Object.keys(values) as KeyOf<T>[])
  const params: unknown[] = []
  columns.encodeInto(values, params)
  const placeholders = columns.keys.map(() => '?').join(', ')
  return Number(
    stmt(
      ctx.sqlite,
      `INSERT INTO ${getTableName(table)} (${columns.names}) VALUES (${placeholders})`,
    ).run(params).lastInsertRowid,
  )
}

/**
 * Runs fn in one transaction (a savepoint when the caller already holds one, so services compose
 * inside an importer's or monitor's outer transaction). A constraint the database caught leaves as
 * a typed AppError, never INTERNAL.
 */
export function inTransaction<T>(ctx: Pick<ServiceContext, 'sqlite'>, fn: () => T): T {
  // Would join an import's open transaction: refuse instead (db/exclusive.ts).
  exclusiveGate(ctx.sqlite).assertFree()
  try {
    return ctx.sqlite.transaction(fn)()
  } catch (error) {
    throw toAppError(error)
  }
}

export function toAppError(error: unknown): unknown {
  if (error instanceof AppError) return error
  return constraintErrorToAppError(error) ?? error
}

export function notFound(what: string, id: number | readonly number[]): AppError {
  const list = typeof id === 'number' ? [id] : id
  const label = list.length === 1 ? `${what} ${list[0]}` : `${what}s ${list.join(', ')}`
  return new AppError('NOT_FOUND', `No ${label} exists (it may have been deleted).`, {
    entity: what,
    ids: list,
  })
}

/** Rules a service refuses with `RULE_VIOLATION`; `details.rule` names which one. */
export type RuleCode =
  | 'proxy_full'
  | 'proxy_model_mismatch'
  | 'proxy_not_active'
  | 'proxy_expired'
  | 'account_not_active'
  | 'account_already_assigned'
  | 'account_not_assigned'
  | 'same_proxy'
  | 'no_capacity_for_model'
  | 'exit_collision'
  | 'provider_has_proxies'
  | 'model_has_accounts'
  | 'max_below_assigned'

export function ruleViolation(
  rule: RuleCode,
  message: string,
  details: Record<string, unknown> = {},
): AppError {
  return new AppError('RULE_VIOLATION', message, { rule, ...details })
}

/** Escapes a user's text for `LIKE ? ESCAPE '\'` as a substring match. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/** `host:port`, `[v6]:port`: the one formatter main and the renderer share. */
export { endpointLabel } from '../../shared/endpoint'

/** Ids that do not exist in `table`; checks a bulk request before it changes anything. */
export function missingIds(
  sqlite: Database.Database,
  table: 'proxies' | 'accounts' | 'models' | 'proxy_providers',
  ids: readonly number[],
): number[] {
  const found = new Set(
    (
      stmt(
        sqlite,
        `SELECT t.id AS id FROM json_each(?) AS j JOIN ${table} AS t ON t.id = j.value`,
      ).all(JSON.stringify(ids)) as { id: number }[]
    ).map((row) => row.id),
  )
  return ids.filter((id) => !found.has(id))
}

/**
 * The WHERE clause of the named-entity lists (providers, models): an exact status and a
 * case-insensitive substring of the name. `prefix` is the table alias with its dot, or ''.
 */
export function statusAndNameWhere(
  prefix: string,
  filter: { status?: string; search?: string },
): { sql: string; params: unknown[] } {
  const where: string[] = []
  const params: unknown[] = []
  if (filter.status) {
    where.push(`${prefix}status = ?`)
    params.push(filter.status)
  }
  if (filter.search) {
    where.push(`${prefix}name LIKE ? ESCAPE '\\'`)
    params.push(likeContains(filter.search))
  }
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params }
}
