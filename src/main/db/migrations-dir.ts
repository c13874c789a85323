import fs from 'node:fs'
import path from 'node:path'
import { AppError } from '../../shared/errors'

const JOURNAL = path.join('meta', '_journal.json')

/**
 * Where drizzle's migrations are: `<resources>/drizzle` in a packaged app (shipped as an extra
 * resource), otherwise the nearest `drizzle/` walking up from this module, which finds the repo's
 * folder both from `src/main/db` (vitest) and from the bundled `out/main`.
 */
export function resolveMigrationsDir(startDir: string = __dirname): string {
  // Electron adds resourcesPath to process; plain Node leaves it undefined.
  const resourcesPath = (process as unknown as { resourcesPath?: string }).resourcesPath
  if (resourcesPath) {
    const packaged = path.join(resourcesPath, 'drizzle')
    if (hasJournal(packaged)) return packaged
  }

  let dir = path.resolve(startDir)
  for (;;) {
    const candidate = path.join(dir, 'drizzle')
    if (hasJournal(candidate)) return candidate
    const parent = path.dirname(dir)
    if (parent === dir) break
    dir = parent
  }

  throw new AppError(
    'INTERNAL',
    `No database migrations found: no drizzle/${JOURNAL} above ${startDir}` +
      (resourcesPath ? ` nor in ${resourcesPath}` : '') +
      '. The installation is incomplete; reinstall ProxyDeck.',
  )
}

function hasJournal(dir: string): boolean {
  return fs.existsSync(path.join(dir, JOURNAL))
}

/** Migrations the app ships: the schema version a database has once they have all run. */
export function countJournalEntries(dir: string = resolveMigrationsDir()): number {
  const journal = JSON.parse(fs.readFileSync(path.join(dir, JOURNAL), 'utf8')) as {
    entries: unknown[]
  }
  return journal.entries.length
}
