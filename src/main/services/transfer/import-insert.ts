import type Database from 'better-sqlite3'

/*
 * The multi-row INSERT of an import chunk, with the values every row of the chunk shares bound
 * once instead of once per row.
 *
 * Why: an import's rows mostly differ in a few columns (id, host, port, username, password) and
 * share the rest (provider, protocol, tags, the two timestamps, the empty optional fields). Binding
 * all 15 values of each of 100,000 rows is 1.5 million trips from V8 into SQLite (a UTF-8 copy and
 * a malloc for each text), plus 15 VDBE copies per row. Bound once per chunk, the shared columns
 * come from a one-row subquery joined to the chunk's VALUES: on bench/import.ts's 100,000 lines
 * (5 of 15 values per row left), main's CPU time for the inserts dropped by ~0.1-0.3 s of ~3.2 s
 * (medians of interleaved runs on a busy 2-core machine; most of what is left is SQLite's own
 * B-tree and statement-journal work). What the table receives is the same: the same values, the
 * same constraints and triggers, one row after another in the chunk's order.
 *
 * Which columns are shared is decided per chunk (a list of one host with many ports shares the
 * host), so the statement depends on that choice; the few shapes an import meets are prepared
 * once and kept, up to SHAPES_KEPT per connection.
 */

const SHAPES_KEPT = 16

export class ChunkInsert {
  private readonly shapes = new Map<number, Database.Statement>()

  /**
   * `names`: the INSERT's column list; `width`: how many columns; `perRow`: positions never
   * shared (at least one: the row id); `rows`: the rows of every chunk.
   */
  constructor(
    private readonly sqlite: Database.Database,
    private readonly table: string,
    private readonly names: string,
    private readonly width: number,
    private readonly perRow: ReadonlySet<number>,
    private readonly rows: number,
  ) {
    if (perRow.size === 0 || width > 30)
      throw new Error('ChunkInsert: a per-row column, at most 30')
  }

  /** Inserts one chunk: `rows` rows whose values are `params`, row after row, `width` each. */
  run(params: unknown[]): void {
    const { rows } = this
    if (params.length !== rows * this.width) throw new Error('ChunkInsert: not one chunk of values')
    const shared = this.sharedMask(params)
    if (shared === 0) {
      this.statement(0).run(params)
      return
    }
    const bound: unknown[] = []
    for (let c = 0; c < this.width; c++) if (shared & (1 << c)) bound.push(params[c])
    for (let r = 0; r < rows; r++) {
      const base = r * this.width
      for (let c = 0; c < this.width; c++) if (!(shared & (1 << c))) bound.push(params[base + c])
    }
    this.statement(shared).run(bound)
  }

  /** Bit c set: every row holds the same value in column c (compared as bound: `===`). */
  private sharedMask(params: unknown[]): number {
    const { rows } = this
    let mask = 0
    if (rows < 2) return mask
    for (let c = 0; c < this.width; c++) {
      if (this.perRow.has(c)) continue
      const first = params[c]
      let same = true
      for (let r = 1; r < rows && same; r++) same = params[r * this.width + c] === first
      if (same) mask |= 1 << c
    }
    return mask
  }

  private statement(shared: number): Database.Statement {
    let prepared = this.shapes.get(shared)
    if (prepared) return prepared
    prepared = this.sqlite.prepare(
      sharedInsertSql(this.table, this.names, this.width, shared, this.rows),
    )
    if (this.shapes.size >= SHAPES_KEPT) {
      // The oldest shape goes: a Map iterates in insertion order.
      this.shapes.delete(this.shapes.keys().next().value as number)
    }
    this.shapes.set(shared, prepared)
    return prepared
  }
}

/**
 * `INSERT INTO t (a, b, c) SELECT v.column1, s.c1, v.column2 FROM (SELECT ? AS c1) AS s,
 * (VALUES (?, ?), ...) AS v`: the shared values first, then each row's own. With nothing shared,
 * the plain `INSERT INTO t (a, b, c) VALUES (?, ?, ?), ...`. Only placeholders and column
 * positions are written into the text, never a value.
 */
export function sharedInsertSql(
  table: string,
  names: string,
  width: number,
  shared: number,
  rows: number,
): string {
  if (shared === 0) {
    const row = `(${Array<string>(width).fill('?').join(', ')})`
    return `INSERT INTO ${table} (${names}) VALUES ${Array<string>(rows).fill(row).join(', ')}`
  }
  const select: string[] = []
  const sharedValues: string[] = []
  let own = 0
  for (let c = 0; c < width; c++) {
    if (shared & (1 << c)) {
      sharedValues.push(`? AS c${c}`)
      select.push(`s.c${c}`)
    } else {
      select.push(`v.column${++own}`)
    }
  }
  const row = `(${Array<string>(own).fill('?').join(', ')})`
  return (
    `INSERT INTO ${table} (${names}) SELECT ${select.join(', ')} ` +
    `FROM (SELECT ${sharedValues.join(', ')}) AS s, ` +
    `(VALUES ${Array<string>(rows).fill(row).join(', ')}) AS v`
  )
}
