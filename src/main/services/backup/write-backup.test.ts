// Real SQLite files in a temp folder; the umask is opened wide so a file created with the
// process's default mode would show it.
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { openDatabase, type OpenedDatabase } from '../../db/connection'
import { writeBackupFromConnection, writeOnlineBackup } from './write-backup'

let dir: string
let live: OpenedDatabase
let savedUmask: number

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'proxydeck-backup-mode-'))
  live = openDatabase({ file: join(dir, 'live.sqlite') })
  savedUmask = process.umask(0)
})

afterEach(() => {
  process.umask(savedUmask)
  live.close()
  rmSync(dir, { recursive: true, force: true })
})

const meta = () =>
  ({
    kind: 'manual',
    createdAt: 0,
    appVersion: '0.0.0-test',
    schemaVersion: live.migrationsApplied,
  }) as const

const modeOf = (file: string): number => statSync(file).mode & 0o777

it('creates an online backup 0600 from its first byte, whatever the umask', async () => {
  const destination = join(dir, 'online.sqlite')
  const writing = writeOnlineBackup({ dbPath: join(dir, 'live.sqlite') }, destination, meta())
  // The async function has run up to its first await: the partial copy exists, already private,
  // before better-sqlite3's backup() opens it to write pages.
  let partialMode: number | undefined
  try {
    partialMode = modeOf(`${destination}.partial`)
  } finally {
    await writing
  }
  expect(partialMode).toBe(0o600)
  expect(modeOf(destination)).toBe(0o600)
})

it('creates a pre-migration (VACUUM INTO) backup 0600', () => {
  // VACUUM INTO runs in one synchronous call, so only the final mode can be observed here; the
  // partial is created 0600 by the same code path as the online backup's.
  const destination = join(dir, 'vacuum.sqlite')
  writeBackupFromConnection(live.sqlite, destination, meta())
  expect(modeOf(destination)).toBe(0o600)
})
