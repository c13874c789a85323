import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../shared/errors'
import { openDatabase } from './connection'
import { models } from './schema'

const PAGE_SIZE = 4096

let dir: string

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proxydeck-integrity-'))
})

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true })
})

function listDir(): string[] {
  return fs.readdirSync(dir).sort()
}

function expectDbCorrupt(file: string): AppError {
  const before = fs.readFileSync(file)
  const filesBefore = listDir()
  let caught: unknown
  try {
    openDatabase({ file }).close()
  } catch (error) {
    caught = error
  }
  expect(caught).toBeInstanceOf(AppError)
  const error = caught as AppError
  expect(error.code).toBe('DB_CORRUPT')
  expect(error.message).toContain(file)
  expect(error.message).toMatch(/changed nothing/)
  expect(error.message).toMatch(/backup/)
  expect(fs.readFileSync(file).equals(before)).toBe(true)
  expect(listDir()).toEqual(filesBefore)
  return error
}

/** A real app database in WAL mode, checkpointed and closed, with enough rows to span many pages. */
function makeHealthyDatabase(file: string): number {
  const opened = openDatabase({ file })
  const insert = opened.sqlite.prepare('INSERT INTO models (name, notes) VALUES (?, ?)')
  opened.sqlite.transaction(() => {
    for (let i = 0; i < 3000; i++) insert.run(`model-${i}`, 'n'.repeat(60))
  })()
  opened.close()
  const pages = fs.statSync(file).size / PAGE_SIZE
  expect(pages).toBeGreaterThan(20)
  return pages
}

/** The root page of the `models` table: a b-tree page whose damage quick_check must notice. */
function modelsRootPage(file: string): number {
  const sqlite = new Database(file, { readonly: true })
  const row = sqlite
    .prepare(`SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = 'models'`)
    .get() as { rootpage: number }
  sqlite.close()
  for (const suffix of ['-wal', '-shm']) fs.rmSync(file + suffix, { force: true })
  return row.rootpage
}

function overwritePage(file: string, page: number, bytes: Buffer, offsetInPage = 0): void {
  const fd = fs.openSync(file, 'r+')
  fs.writeSync(fd, bytes, 0, bytes.length, (page - 1) * PAGE_SIZE + offsetInPage)
  fs.closeSync(fd)
}

describe('a damaged database file', () => {
  it('of random bytes is refused as DB_CORRUPT and left untouched', () => {
    const file = path.join(dir, 'app.sqlite')
    fs.writeFileSync(file, crypto.randomBytes(64 * 1024))
    const error = expectDbCorrupt(file)
    expect(error.message).toMatch(/not a database/)
  })

  it('with a valid header but garbage after it is refused', () => {
    const file = path.join(dir, 'app.sqlite')
    const bytes = crypto.randomBytes(16 * PAGE_SIZE)
    Buffer.from('SQLite format 3\0', 'latin1').copy(bytes, 0)
    fs.writeFileSync(file, bytes)
    expectDbCorrupt(file)
  })

  it('of a valid database with a corrupted b-tree page is refused, no -wal/-shm left behind', () => {
    const file = path.join(dir, 'app.sqlite')
    makeHealthyDatabase(file)
    const root = modelsRootPage(file)
    expect(listDir()).toEqual(['app.sqlite'])
    // Keep the page header, smash the cell pointers and cells behind it.
    overwritePage(file, root, Buffer.alloc(PAGE_SIZE - 200, 0x5a), 100)
    const error = expectDbCorrupt(file)
    expect((error.details as { problems: string[] }).problems.length).toBeGreaterThan(0)
    expect(listDir()).toEqual(['app.sqlite'])
  })

  it('of a valid database with a page in the middle overwritten by random bytes is refused', () => {
    const file = path.join(dir, 'app.sqlite')
    const pages = makeHealthyDatabase(file)
    overwritePage(file, Math.floor(pages / 2), crypto.randomBytes(PAGE_SIZE))
    expectDbCorrupt(file)
  })

  it('keeps -wal/-shm files that were already there', () => {
    const file = path.join(dir, 'app.sqlite')
    fs.writeFileSync(file, crypto.randomBytes(8192))
    fs.writeFileSync(`${file}-wal`, '')
    fs.writeFileSync(`${file}-shm`, '')
    expectDbCorrupt(file)
    expect(listDir()).toEqual(['app.sqlite', 'app.sqlite-shm', 'app.sqlite-wal'])
  })

  it('is reported in plain words that say what to do', () => {
    const file = path.join(dir, 'app.sqlite')
    fs.writeFileSync(file, 'this is a text file, not a database\n')
    const error = expectDbCorrupt(file)
    expect(error.message).toMatch(/Restore a backup/)
    expect(error.message).toMatch(/move it elsewhere/)
    expect(error.details).toMatchObject({ file })
  })
})

describe('a healthy database file', () => {
  it('passes the check and opens with its data', () => {
    const file = path.join(dir, 'app.sqlite')
    makeHealthyDatabase(file)
    const opened = openDatabase({ file })
    expect(opened.db.select().from(models).all()).toHaveLength(3000)
    opened.close()
  })

  it('an empty (0-byte) file is treated as a new database', () => {
    const file = path.join(dir, 'app.sqlite')
    fs.writeFileSync(file, '')
    const opened = openDatabase({ file })
    expect(opened.migrationsApplied).toBeGreaterThan(0)
    opened.close()
  })
})
