import { getTableColumns, getTableName, is, SQL, type Column } from 'drizzle-orm'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'

/*
 * The services write their SQL by hand (the hot paths measure better than a query builder), but
 * they take every column name from the drizzle schema through these helpers and read rows back
 * under the schema's property names, decoded the way drizzle decodes them (0/1 to booleans, JSON
 * text to values). A column added to `schema.ts` thus reaches every reader without another list.
 */

export type RowOf<T extends SQLiteTable> = T['$inferSelect']
export type KeyOf<T extends SQLiteTable> = keyof RowOf<T> & string

/** Column types whose stored value is already what the services work with. */
const STORED_AS_IS = new Set(['SQLiteInteger', 'SQLiteText', 'SQLiteReal', 'SQLiteNumeric'])

export interface ColumnSet<T extends SQLiteTable, K extends KeyOf<T>> {
  readonly keys: readonly K[]
  /** `alias.sql_name AS "key", ...`: rows come back under the schema's property names. */
  select(alias: string): string
  /** `sql_name, ...` in `keys` order, for an INSERT's column list. */
  readonly names: string
  /** Turns a raw row (selected with `select`) into the schema's values, in place. */
  decode<R extends Record<string, unknown>>(raw: R): Omit<R, K> & Pick<RowOf<T>, K>
  /**
   * Appends the stored form of each value, in `keys` order, to `params` (an INSERT's values). A
   * value left undefined takes the schema's default (or NULL), so defaults live in one place.
   */
  encodeInto(values: { [C in KeyOf<T>]?: RowOf<T>[C] | null }, params: unknown[]): void
}

/** The named columns of `table`. */
export function columnSet<T extends SQLiteTable, K extends KeyOf<T>>(
  table: T,
  keys: readonly K[],
): ColumnSet<T, K> {
  const all = getTableColumns(table) as Record<string, Column>
  const columns = keys.map((key) => {
    const column = all[key]
    if (!column) throw new Error(`${key} is not a column of ${getTableName(table)}`)
    const plain = STORED_AS_IS.has(column.columnType)
    // SQL-expression defaults (timestamps) are left to the database; services pass their clock.
    const fallback = column.hasDefault && !is(column.default, SQL) ? column.default : null
    return {
      key,
      column,
      plain,
      fallback: plain || fallback === null ? fallback : column.mapToDriverValue(fallback),
    }
  })
  const converted = columns.filter((entry) => !entry.plain)
  return {
    keys,
    names: columns.map(({ column }) => column.name).join(', '),
    select: (alias) =>
      columns.map(({ key, column }) => `${alias}.${column.name} AS "${key}"`).join(', '),
    decode(raw) {
      const row = raw as Record<string, unknown>
      for (const { key, column } of converted) {
        const value = row[key]
        if (value !== null && value !== undefined) row[key] = column.mapFromDriverValue(value)
      }
      return raw as never
    },
    encodeInto(values, params) {
      const row = values as Record<string, unknown>
      for (const { key, column, plain, fallback } of columns) {
        const value = row[key]
        if (value === undefined || value === null) params.push(value === null ? null : fallback)
        else params.push(plain ? value : column.mapToDriverValue(value))
      }
    },
  }
}

/** Every column of `table` except `omitted` (secrets a reader must never return). */
export function columnsExcept<T extends SQLiteTable, O extends KeyOf<T>>(
  table: T,
  omitted: readonly O[],
): ColumnSet<T, Exclude<KeyOf<T>, O>> {
  const keys = Object.keys(getTableColumns(table)).filter(
    (key) => !(omitted as readonly string[]).includes(key),
  ) as Exclude<KeyOf<T>, O>[]
  return columnSet(table, keys)
}

/**
 * `SET` terms for the defined values of `patch` (undefined keeps what is stored), values in their
 * stored form. Keys are the schema's, never input's, so the SQL text holds only known names.
 */
export function columnPatch<T extends SQLiteTable>(
  table: T,
  patch: Partial<RowOf<T>>,
): { sets: string[]; params: unknown[] } {
  const all = getTableColumns(table) as Record<string, Column>
  const sets: string[] = []
  const params: unknown[] = []
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue
    const column = all[key]
    if (!column) throw new Error(`${key} is not a column of ${getTableName(table)}`)
    sets.push(`${column.name} = ?`)
    params.push(value === null ? null : column.mapToDriverValue(value))
  }
  return { sets, params }
}

/** The SQL name of one column, for hand-written WHERE and ORDER BY terms. */
export function columnName<T extends SQLiteTable>(table: T, key: KeyOf<T>): string {
  const column = (getTableColumns(table) as Record<string, Column>)[key]
  if (!column) throw new Error(`${key} is not a column of ${getTableName(table)}`)
  return column.name
}

/**
 * `true` only when A and B have the same keys: `const check: SameKeys<Dto, Row> = true` fails to
 * compile when a column is added to the schema but not to its DTO, or the other way round.
 */
export type SameKeys<A, B> = [keyof A] extends [keyof B]
  ? [keyof B] extends [keyof A]
    ? true
    : { missingFromFirst: Exclude<keyof B, keyof A> }
  : { missingFromSecond: Exclude<keyof A, keyof B> }
