import { readFile, stat } from 'node:fs/promises'
import type { ParsedInputOf } from '../../../shared/contracts'
import { MAX_KEY_FILE_BYTES } from '../../../shared/contracts/vault'
import { writesOf } from '../../../shared/data-changes'
import { AppError } from '../../../shared/errors'
import type { AppContext } from '../../context'
import { importVaultKey, resetVaultKey } from '../../secrets'
import { deliverExport } from '../../services/transfer/deliver'
import { requireDialogs } from '../../services/transfer/file-dialogs'
import type { HandlerMap } from '../handler'

export const vaultHandlers: HandlerMap<'app:exportKey' | 'app:importKey' | 'app:resetPasswords'> = {
  'app:exportKey': async (ctx, input) => {
    const content = await ctx.vault.exportKey(input.passphrase, ctx.clock.now())
    return deliverExport(ctx, input.destination, {
      stem: 'key',
      kind: 'json',
      content,
      count: 1,
      secret: true,
    })
  },
  'app:importKey': (ctx, input) =>
    ctx.exclusiveAdmin('A key import', async () => {
      // The vault is put in place by importVaultKey, checked against the live database.
      const vault = await importVaultKey(
        () => ctx.vaultOptions(),
        await keyFileText(ctx, input.source),
        input.passphrase,
        ctx,
      )
      return { keychain: vault.status }
    }),
  'app:resetPasswords': (ctx) =>
    ctx.exclusiveAdmin('A password reset', async () => {
      // resetVaultKey swaps the vaults in ctx itself, before the passwords are cleared.
      const { vault, cleared, failure } = await resetVaultKey(ctx.vaultOptions(), ctx)
      if (failure) {
        // The passwords are cleared all the same; dispatch announces changes only on success.
        ctx.events.emit('data:changed', { kinds: [...writesOf('app:resetPasswords')] })
        throw failure
      }
      return { cleared, keychain: vault.status }
    }),
}

async function keyFileText(
  ctx: AppContext,
  source: ParsedInputOf<'app:importKey'>['source'],
): Promise<string> {
  if (source.kind === 'content') return source.text
  const path = await requireDialogs(ctx.dialogs).chooseOpenFile({
    title: 'Import the ProxyDeck key',
    filters: [
      { name: 'ProxyDeck key', extensions: ['json'] },
      { name: 'All files', extensions: ['*'] },
    ],
  })
  if (path === null) throw new AppError('CANCELLED', 'No file was chosen; nothing was imported.')
  return readKeyFile(path)
}

/**
 * The bridge's upload is capped by its contract; a chosen file gets the same cap, checked before
 * anything is read (a misclick on a large file must not be pulled into memory), and must be
 * UTF-8: a lossy decode would turn a damaged file into a different text.
 */
async function readKeyFile(path: string): Promise<string> {
  const unreadable = new AppError('VALIDATION', 'The key file could not be read.', {
    reason: 'not_a_key_file',
  })
  const size = await stat(path).then(
    (info) => (info.isFile() ? info.size : null),
    () => null,
  )
  if (size === null) throw unreadable
  if (size > MAX_KEY_FILE_BYTES) throw tooLarge()
  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch {
    throw unreadable
  }
  // The file may have grown between stat and read.
  if (bytes.length > MAX_KEY_FILE_BYTES) throw tooLarge()
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new AppError('VALIDATION', 'The key file is not UTF-8 text, so it is not a key file.', {
      reason: 'not_a_key_file',
    })
  }
}

function tooLarge(): AppError {
  return new AppError(
    'VALIDATION',
    `The chosen file is larger than ${MAX_KEY_FILE_BYTES / 1024} KiB, so it is not a ProxyDeck ` +
      'key file (those are about 1 KiB). Nothing was imported.',
    { reason: 'too_large' },
  )
}
