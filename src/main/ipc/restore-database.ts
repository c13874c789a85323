import { randomUUID } from 'node:crypto'
import { basename, join } from 'node:path'
import { rmSync, statSync } from 'node:fs'
import type { BackupInfo, RestoreInput, RestoreResult } from '../../shared/contracts/storage'
import { AppError } from '../../shared/errors'
import type { AppContext } from '../context'
import { exclusiveGate } from '../db/exclusive'
import { countJournalEntries } from '../db/migrations-dir'
import { keychainKeyFits } from '../secrets'
import {
  backupName,
  backupsReading,
  backupsSettled,
  ensureBackupsDir,
  backupsDir,
  inspectBackup,
  installDatabaseFile,
  makeLive,
  pruneBackups,
  stageCopy,
  writeBackupFromConnection,
} from '../services/backup'
import { readSettings } from '../services/settings'
import { requireDialogs } from '../services/transfer/file-dialogs'

/**
 * `app:restore`: checks a backup, then swaps it in for the live database. Order matters:
 * 1. stage a private copy and check it (integrity, schema, whose key seals its passwords); a
 *    refusal leaves everything as it was;
 * 2. wait until nothing holds the connection or the file: an import's transaction, a check run,
 *    an online backup;
 * 3. synchronously, so no call can slip in between: the live database copied to a `pre-restore`
 *    backup, the connection closed, the copy moved into place and opened (migrating an older
 *    schema, which backs up first too). The vault is then re-read against the restored data.
 */
export async function restoreDatabase(
  ctx: AppContext,
  input: RestoreInput,
): Promise<RestoreResult> {
  const chosen =
    input.source.kind === 'backup'
      ? join(backupsDir(ctx.dataDir), input.source.name)
      : await chooseBackup(ctx)
  // A random name: two staged copies must never share a file, whatever the clock says.
  const staged = join(ctx.dataDir, `restore-${randomUUID()}.sqlite.partial`)
  stageCopy(chosen, staged)
  try {
    const checked = await inspectBackup(
      staged,
      countJournalEntries(),
      ctx.sqliteNativeBinding,
      async (inspection, database) => {
        if (inspection.sealedPasswords === 0) return { ...inspection, passwords: 'none' as const }
        const fit = await keychainKeyFits({ ...ctx.vaultOptions(), database })
        const readable = fit === 'recorded' || fit === 'fits'
        return {
          ...inspection,
          passwords: readable ? ('readable' as const) : ('unreadable' as const),
        }
      },
    )
    if (checked.passwords === 'unreadable' && !input.acceptUnreadablePasswords) {
      throw new AppError(
        'VALIDATION',
        `The backup holds ${checked.sealedPasswords} proxy passwords sealed with a key this ` +
          "computer's keychain does not have. Restored, they stay unreadable until that key is " +
          'imported (or the passwords are reset). Nothing was changed.',
        { reason: 'passwords_unreadable', sealedPasswords: checked.sealedPasswords },
      )
    }
    makeLive(staged, ctx.sqliteNativeBinding)
    const previous = await whenQuiet(ctx, () => swapIn(ctx, staged))
    await previous.reopened
    ctx.events.emit('settings:changed', readSettings(ctx.sqlite))
    return {
      restored: basename(chosen),
      previous: previous.backup,
      passwords: checked.passwords,
      schemaVersion: checked.schemaVersion,
    }
  } finally {
    rmSync(staged, { force: true })
  }
}

async function chooseBackup(ctx: AppContext): Promise<string> {
  const path = await requireDialogs(ctx.dialogs).chooseOpenFile({
    title: 'Restore a ProxyDeck backup',
    filters: [
      { name: 'SQLite database', extensions: ['sqlite', 'db'] },
      { name: 'All files', extensions: ['*'] },
    ],
  })
  if (path === null) throw new AppError('CANCELLED', 'No file was chosen; nothing was restored.')
  return path
}

/**
 * Runs `swap` once no import holds the connection, no online backup is reading the file and no
 * check run is writing results. The three are checked together and `swap` runs in the same
 * synchronous stretch: an `await` between the check and the swap would let one of them start.
 */
async function whenQuiet<T>(ctx: AppContext, swap: () => T): Promise<T> {
  for (;;) {
    const gate = exclusiveGate(ctx.sqlite)
    const run = ctx.checks.active()
    if (gate.held) await gate.whenFree()
    else if (backupsReading(ctx.dbPath)) await backupsSettled(ctx.dbPath)
    else if (run) {
      run.run.cancel()
      await run.report
    } else return swap()
  }
}

/** No await until the new connection is open: see restoreDatabase. */
function swapIn(ctx: AppContext, staged: string): { backup: BackupInfo; reopened: Promise<void> } {
  const createdAt = ctx.clock.now()
  const name = backupName('pre-restore', createdAt)
  const safety = join(ensureBackupsDir(ctx.dataDir), name)
  const meta = {
    kind: 'pre-restore' as const,
    createdAt,
    appVersion: ctx.version,
    schemaVersion: ctx.migrationsApplied,
  }
  writeBackupFromConnection(ctx.sqlite, safety, meta, ctx.sqliteNativeBinding)
  const backup: BackupInfo = {
    name,
    kind: 'pre-restore',
    createdAt,
    sizeBytes: statSync(safety).size,
  }
  const reopened = ctx.replaceDatabase(
    () => installDatabaseFile(staged, ctx.dbPath),
    () => {
      const back = `${ctx.dbPath}.rollback`
      stageCopy(safety, back)
      makeLive(back, ctx.sqliteNativeBinding)
      installDatabaseFile(back, ctx.dbPath)
    },
  )
  // After the swap: the restored database's own setting decides how many to keep.
  void reopened.then(
    () => pruneBackups(ctx.dataDir, readSettings(ctx.sqlite).backupsKeep),
    () => undefined,
  )
  return { backup, reopened }
}
