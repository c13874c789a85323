import fs from 'node:fs'
import Database from 'better-sqlite3'
import { AppError } from '../../shared/errors'

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1')
const SIDECARS = ['-wal', '-shm'] as const
const MAX_REPORTED_PROBLEMS = 5

/**
 * Refuses a damaged database file before anything writes to it: first the header, then
 * `PRAGMA quick_check` over a read-only connection. A missing or empty file passes (it becomes a new
 * database). Throws AppError('DB_CORRUPT') with the file left byte-identical; a read-only connection
 * still creates -wal/-shm files for a WAL database, so those are removed again if they were not there.
 */
export function assertDatabaseIntact(file: string, nativeBinding?: string): void {
  const stat = statOrUndefined(file)
  if (!stat || !stat.isFile() || stat.size === 0) return

  if (!hasSqliteHeader(file)) {
    throw corrupt(file, ['the file does not start with the SQLite header, so it is not a database'])
  }

  const sidecarsBefore = new Set(SIDECARS.filter((suffix) => fs.existsSync(file + suffix)))
  let problems: string[] = []
  try {
    problems = quickCheck(file, nativeBinding)
  } finally {
    removeSidecarsWeCreated(file, sidecarsBefore)
  }
  if (problems.length > 0) throw corrupt(file, problems)
}

function quickCheck(file: string, nativeBinding?: string): string[] {
  let sqlite: Database.Database | undefined
  try {
    sqlite = new Database(file, {
      readonly: true,
      fileMustExist: true,
      ...(nativeBinding ? { nativeBinding } : {}),
    })
    const rows = sqlite.pragma('quick_check') as Array<{ quick_check: string }>
    if (rows.length === 1 && rows[0]?.quick_check === 'ok') return []
    // One row may carry many lines ("*** in database main ***\nTree 3 page 5 cell 66: ...").
    const messages = rows
      .flatMap((row) => row.quick_check.split('\n'))
      .map((line) => line.trim())
      .filter((line) => line.length > 0 && !line.startsWith('***'))
    return messages.length > 0 ? messages : ['quick_check did not report "ok"']
  } catch (error) {
    if (isCorruptionError(error)) return [`SQLite reports: ${(error as Error).message}`]
    throw error
  } finally {
    sqlite?.close()
  }
}

function isCorruptionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code)
}

function hasSqliteHeader(file: string): boolean {
  const header = Buffer.alloc(SQLITE_HEADER.length)
  const fd = fs.openSync(file, 'r')
  try {
    const read = fs.readSync(fd, header, 0, header.length, 0)
    return read === header.length && header.equals(SQLITE_HEADER)
  } finally {
    fs.closeSync(fd)
  }
}

function removeSidecarsWeCreated(file: string, existedBefore: Set<string>): void {
  for (const suffix of SIDECARS) {
    if (existedBefore.has(suffix)) continue
    const sidecar = file + suffix
    const stat = statOrUndefined(sidecar)
    // A read-only connection never writes frames; a non-empty -wal is someone else's data.
    if (!stat || (suffix === '-wal' && stat.size > 0)) continue
    fs.rmSync(sidecar, { force: true })
  }
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file)
  } catch {
    return undefined
  }
}

function corrupt(file: string, problems: string[]): AppError {
  const shown = problems.slice(0, MAX_REPORTED_PROBLEMS)
  const more = problems.length > shown.length ? ` (and ${problems.length - shown.length} more)` : ''
  return new AppError(
    'DB_CORRUPT',
    `The database file ${file} is damaged: ${shown.join('; ')}${more}. ` +
      'ProxyDeck did not open it and changed nothing in it. Restore a backup over this file, ' +
      'or move it elsewhere to start with an empty database (keep the damaged copy if you want ' +
      'to try recovering data from it with the sqlite3 ".recover" command).',
    { file, problems },
  )
}
