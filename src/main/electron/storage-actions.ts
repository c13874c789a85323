/**
 * File > Backup… and File > Restore…: the `app:backup` and `app:restore` contracts through the
 * native dialogs, with a native confirmation before a restore replaces every row. They go through
 * `dispatch` like any renderer call (validation, the import gate, `data:changed`), so the open
 * views refresh by themselves after a restore.
 */
import { dialog, type BrowserWindow, type MessageBoxOptions } from 'electron'
import type { Channel } from '../../shared/channels'
import type { InputOf, OutputOf } from '../../shared/contracts'
import type { Envelope } from '../../shared/errors'
import type { StorageActions } from './menu-actions'

export type ContractCall = <K extends Channel>(
  channel: K,
  input: InputOf<K>,
) => Promise<Envelope<OutputOf<K>>>

export function createStorageActions(
  call: ContractCall,
  window: () => BrowserWindow | null,
): StorageActions {
  const ask = async (options: MessageBoxOptions): Promise<number> => {
    const parent = window()
    const answer =
      parent && !parent.isDestroyed()
        ? await dialog.showMessageBox(parent, options)
        : await dialog.showMessageBox(options)
    return answer.response
  }
  const tell = (type: 'info' | 'error', message: string, detail: string) =>
    ask({ type, title: 'ProxyDeck', message, detail, buttons: ['OK'] })

  const restore = async (acceptUnreadablePasswords: boolean): Promise<void> => {
    const result = await call('app:restore', {
      source: { kind: 'dialog' },
      confirm: true,
      acceptUnreadablePasswords,
    })
    if (result.ok) {
      await tell(
        'info',
        'Restored',
        `The data now comes from ${result.value.restored}. The data it replaced is kept as the backup ${result.value.previous.name}.`,
      )
      return
    }
    const { error } = result
    if (error.code === 'CANCELLED') return
    const unreadable = (error.details as { reason?: string } | undefined)?.reason
    if (unreadable === 'passwords_unreadable' && !acceptUnreadablePasswords) {
      const again = await ask({
        type: 'warning',
        title: 'ProxyDeck',
        message: 'This backup’s passwords cannot be opened here',
        detail: `${error.message.replace(' Nothing was changed.', '')} Restore it anyway?`,
        buttons: ['Cancel', 'Restore anyway'],
        defaultId: 0,
        cancelId: 0,
      })
      if (again === 1) await restore(true)
      return
    }
    await tell('error', 'Nothing was restored', error.message)
  }

  return {
    backup: async () => {
      const result = await call('app:backup', { target: 'dialog' })
      if (result.ok && result.value.target === 'dialog') {
        await tell('info', 'Backup saved', `${result.value.path} (${result.value.bytes} bytes)`)
      } else if (!result.ok && result.error.code !== 'CANCELLED') {
        await tell('error', 'No backup was written', result.error.message)
      }
    },
    restore: async () => {
      const confirmed = await ask({
        type: 'warning',
        title: 'ProxyDeck',
        message: 'Restore from a backup file?',
        detail:
          'Every provider, proxy, model, account and history row is replaced by the file’s. ' +
          'The data it replaces is kept in the backups folder first.',
        buttons: ['Cancel', 'Choose a backup…'],
        defaultId: 0,
        cancelId: 0,
      })
      if (confirmed === 1) await restore(false)
    },
  }
}
