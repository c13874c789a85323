import { chmod, readFile, stat, writeFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { isWellFormedText } from '../../../shared/contracts/fields'
import { AppError } from '../../../shared/errors'

/** A file type offered in an open or save dialog. */
export interface FileFilter {
  name: string
  /** Without the dot; `*` for any file. */
  extensions: string[]
}

/**
 * The native open/save dialogs, run by main so the renderer only ever learns a path the operator
 * chose. `src/main/electron/dialogs.ts` implements it; the headless bridge has none (its renderer
 * uploads text and receives downloads instead); tests pass a fake.
 */
export interface FileDialogs {
  /** The chosen file's path, or null when the operator cancels. */
  chooseOpenFile(options: { title: string; filters: FileFilter[] }): Promise<string | null>
  /**
   * Several files at once (a location database's IPv4 and IPv6 files), or null when the operator
   * cancels. Optional: without it, callers fall back to one file.
   */
  chooseOpenFiles?(options: { title: string; filters: FileFilter[] }): Promise<string[] | null>
  /** The chosen destination, or null when the operator cancels. */
  chooseSaveFile(options: {
    title: string
    defaultName: string
    filters: FileFilter[]
  }): Promise<string | null>
}

/** The same cap as pasted text, measured in bytes: a bigger file is not a proxy list. */
export const MAX_IMPORT_FILE_BYTES = 64 * 1024 * 1024

export function requireDialogs(dialogs: FileDialogs | undefined): FileDialogs {
  if (dialogs) return dialogs
  throw new AppError(
    'VALIDATION',
    'File dialogs exist only in the desktop app. Here, paste the text or upload the file instead ' +
      "(source 'text'), and export with destination 'download'.",
  )
}

function cancelled(what: string): AppError {
  return new AppError('CANCELLED', `No file was chosen; nothing was ${what}.`)
}

/** Asks for a file to import and reads it as UTF-8. */
export async function readChosenFile(
  dialogs: FileDialogs | undefined,
  filters: FileFilter[],
): Promise<{ name: string; text: string }> {
  const path = await requireDialogs(dialogs).chooseOpenFile({
    title: 'Import proxies',
    filters,
  })
  if (path === null) throw cancelled('imported')
  let size: number
  try {
    size = (await stat(path)).size
  } catch (error) {
    throw fileError('read', path, error)
  }
  if (size > MAX_IMPORT_FILE_BYTES) {
    throw new AppError('VALIDATION', `${basename(path)} is larger than 64 MB: not a proxy list.`)
  }
  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch (error) {
    throw fileError('read', path, error)
  }
  return { name: basename(path), text: decodeText(basename(path), bytes) }
}

// fatal: a file in another encoding is refused, not read as U+FFFD and stored.
const utf8 = new TextDecoder('utf-8', { fatal: true })

/** The same rule as pasted text (the contract's `text()`): UTF-8, no NUL. */
function decodeText(name: string, bytes: Buffer): string {
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch {
    throw new AppError('VALIDATION', `${name} is not UTF-8 text: save it as UTF-8 and try again.`)
  }
  if (!isWellFormedText(text)) {
    throw new AppError('VALIDATION', `${name} contains a NUL character: it is not a proxy list.`)
  }
  return text
}

/**
 * Asks where to save, then writes. A file holding passwords is left readable by its owner only,
 * also when it replaces an existing file.
 */
export async function writeChosenFile(
  dialogs: FileDialogs | undefined,
  options: { title: string; defaultName: string; filters: FileFilter[]; secret: boolean },
  content: string,
): Promise<{ path: string; bytes: number }> {
  const path = await requireDialogs(dialogs).chooseSaveFile(options)
  if (path === null) throw cancelled('exported')
  const bytes = Buffer.byteLength(content, 'utf8')
  try {
    await writeFile(path, content, { encoding: 'utf8', mode: options.secret ? 0o600 : 0o644 })
    if (options.secret) await chmod(path, 0o600)
  } catch (error) {
    throw fileError('write', path, error)
  }
  return { path, bytes }
}

function fileError(verb: 'read' | 'write', path: string, error: unknown): AppError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  const why =
    code === 'ENOENT'
      ? 'it does not exist'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EISDIR'
          ? 'it is a folder'
          : (code ?? 'unexpected error')
  return new AppError('VALIDATION', `Could not ${verb} ${basename(path)}: ${why}.`, { code })
}
