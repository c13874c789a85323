import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs'

/*
 * The data folder holds the database (proxy hosts, accounts, encrypted passwords): only the
 * operator's own user may read it. New folders and files are created private, and those an older
 * version left readable by others (0755 / 0644) are tightened at start. No-ops on Windows, whose
 * files have no POSIX group/other bits (access follows the user profile's ACL).
 */

const PRIVATE_DIR = 0o700
const PRIVATE_FILE = 0o600
const posix = process.platform !== 'win32'

/** Creates `dir` (and missing parents) 0700, or tightens it when it exists; parents are left alone. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR })
  if (posix) chmodSync(dir, PRIVATE_DIR)
}

/** Creates `file` empty and 0600 when missing, else tightens it to 0600. */
export function ensurePrivateFile(file: string): void {
  if (!existsSync(file)) closeSync(openSync(file, 'a', PRIVATE_FILE))
  if (posix) chmodSync(file, PRIVATE_FILE)
}

/** Tightens each of `files` that exists to 0600. */
export function restrictExisting(files: readonly string[]): void {
  if (!posix) return
  for (const file of files) if (existsSync(file)) chmodSync(file, PRIVATE_FILE)
}
