/**
 * The words shown in the start-up error dialog. AppErrors (a damaged database, a refused
 * migration) already speak to the operator; a native-module mismatch does not, wrapped or not, so
 * it is translated.
 */
import { AppError } from '../../shared/errors'

export function describeStartupError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  if (/NODE_MODULE_VERSION|invalid ELF header|not a valid Win32 application/i.test(message)) {
    return (
      'The SQLite library bundled with this copy of ProxyDeck was built for a different runtime ' +
      'than Electron. In a source checkout, start the app with "npm start", which prepares an ' +
      'Electron build of it; a packaged ProxyDeck needs reinstalling.'
    )
  }
  if (
    /better_sqlite3\.node/.test(message) &&
    /Cannot find module|ENOENT|cannot open shared object|no such file/i.test(message)
  ) {
    return (
      'The Electron build of the SQLite library is missing. In a source checkout, start the app ' +
      'with "npm start"; a packaged ProxyDeck needs reinstalling.'
    )
  }
  if (error instanceof AppError) return error.message
  return message || 'An unknown error stopped the start-up.'
}
