import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ChunkInsert, sharedInsertSql } from './import-insert'

// The chunk INSERT binds the values all rows of a chunk share once; whatever it shares, the table
// must receive exactly what the plain `INSERT ... VALUES` of the same values would store.

const NAMES = 'id, kind, name, n, note'
const WIDTH = 5
const ROWS = 4

type Row = [number, string, string | null, number | null, string | null]

describe('ChunkInsert', () => {
  let sqlite: Database.Database

  beforeEach(() => {
    sqlite = new Database(':memory:')
    for (const table of ['shared', 'plain']) {
      sqlite.exec(
        `CREATE TABLE ${table} (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, name TEXT,
           n INTEGER CHECK (n IS NULL OR n > 0), note TEXT)`,
      )
    }
  })
  afterEach(() => sqlite.close())

  const insert = () => new ChunkInsert(sqlite, 'shared', NAMES, WIDTH, new Set([0]), ROWS)
  const plain = (rows: Row[]) =>
    sqlite.prepare(sharedInsertSql('plain', NAMES, WIDTH, 0, rows.length)).run(rows.flat())
  const stored = (table: string) =>
    sqlite.prepare(`SELECT *, typeof(n) AS t FROM ${table} ORDER BY id`).all()

  const chunks: Row[][] = [
    // Everything but the id shared, NULLs included.
    [
      [1, 'a', null, 5, null],
      [2, 'a', null, 5, null],
      [3, 'a', null, 5, null],
      [4, 'a', null, 5, null],
    ],
    // Only the last row differs, in one column; numbers and strings that look alike stay apart.
    [
      [5, 'a', 'x', 7, '7'],
      [6, 'a', 'x', 7, '7'],
      [7, 'a', 'x', 7, '7'],
      [8, 'a', 'x', 7, 7 as unknown as string],
    ],
    // Nothing shared: the plain statement.
    [
      [9, 'a', 'p', 1, 'q'],
      [10, 'b', 'q', 2, 'r'],
      [11, 'c', 'r', 3, 's'],
      [12, 'd', 's', 4, 't'],
    ],
  ]

  it('stores what the plain INSERT stores, whatever the chunk shares', () => {
    const chunk = insert()
    for (const rows of chunks) {
      chunk.run(rows.flat())
      plain(rows)
    }
    expect(stored('shared')).toEqual(stored('plain'))
    expect(stored('shared')).toHaveLength(12)
  })

  it('fails the whole chunk as the plain INSERT does, and stores none of it', () => {
    const bad: Row[] = [
      [1, 'a', null, 1, null],
      [2, 'a', null, 1, null],
      [3, 'a', null, -1, null],
      [4, 'a', null, 1, null],
    ]
    expect(() => insert().run(bad.flat())).toThrow(/CHECK constraint failed/)
    expect(stored('shared')).toEqual([])
  })

  it('refuses values that are not one chunk', () => {
    expect(() => insert().run([1, 'a', null, 1, null])).toThrow(/one chunk/)
  })

  it('keeps a bounded number of prepared shapes', () => {
    const chunk = insert()
    // 2^4 masks over the four shareable columns, plus the same ones again: at most 16 kept.
    let id = 0
    for (let round = 0; round < 2; round++) {
      for (let mask = 0; mask < 16; mask++) {
        const rows: Row[] = []
        for (let r = 0; r < ROWS; r++) {
          const vary = (bit: number) => (mask & bit ? 0 : r)
          rows.push([++id, `k${vary(1)}`, `n${vary(2)}`, 1 + vary(4), `t${vary(8)}`])
        }
        chunk.run(rows.flat())
        plain(rows.map(([i, ...rest]) => [i, ...rest] as Row))
      }
    }
    expect(stored('shared')).toEqual(stored('plain'))
    expect((chunk as unknown as { shapes: Map<number, unknown> }).shapes.size).toBeLessThanOrEqual(
      16,
    )
  })
})
