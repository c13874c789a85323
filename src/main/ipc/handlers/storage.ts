import { listBackups, backUpIntoFolder, backUpToFile } from '../../services/backup'
import { requireDialogs } from '../../services/transfer/file-dialogs'
import { AppError } from '../../../shared/errors'
import type { HandlerMap } from '../handler'
import { restoreDatabase } from '../restore-database'

export const storageHandlers: HandlerMap<'app:backup' | 'app:backups' | 'app:restore'> = {
  'app:backups': (ctx) => listBackups(ctx.dataDir),
  'app:backup': async (ctx, input) => {
    if (input.target === 'folder') {
      return { target: 'folder', backup: await backUpIntoFolder(ctx, 'manual') }
    }
    const path = await requireDialogs(ctx.dialogs).chooseSaveFile({
      title: 'Back up the ProxyDeck database',
      defaultName: `proxydeck-backup-${new Date(ctx.clock.now()).toISOString().slice(0, 10)}.sqlite`,
      filters: [{ name: 'SQLite database', extensions: ['sqlite'] }],
    })
    if (path === null) throw new AppError('CANCELLED', 'No file was chosen; no backup was written.')
    return { target: 'dialog', ...(await backUpToFile(ctx, path)) }
  },
  'app:restore': (ctx, input) => ctx.exclusiveAdmin('A restore', () => restoreDatabase(ctx, input)),
}
