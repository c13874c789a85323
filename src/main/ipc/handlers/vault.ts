import { readFile } from 'node:fs/promises'
import type { ParsedInputOf } from '../../../shared/contracts'
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
  'app:importKey': async (ctx, input) => {
    const vault = await importVaultKey(
      ctx.vaultOptions(),
      await keyFileText(ctx, input.source),
      input.passphrase,
    )
    ctx.replaceVault(vault)
    return { keychain: vault.status }
  },
  'app:resetPasswords': async (ctx) => {
    const { vault, cleared, failure } = await resetVaultKey(ctx.vaultOptions())
    // Also on failure: the passwords are gone and the old key must not seal new ones.
    ctx.replaceVault(vault)
    if (failure) throw failure
    return { cleared, keychain: vault.status }
  },
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
  try {
    return await readFile(path, 'utf8')
  } catch {
    throw new AppError('VALIDATION', 'The key file could not be read.', {
      reason: 'not_a_key_file',
    })
  }
}
