import { homedir } from 'node:os'
import { join } from 'node:path'

/**
 * Where Electron's `app.getPath('userData')` puts ProxyDeck's data, computed without Electron so the
 * headless mode opens the same database as the desktop app by default.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const home = homedir()
  if (process.platform === 'win32') {
    return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'ProxyDeck')
  }
  if (process.platform === 'darwin')
    return join(home, 'Library', 'Application Support', 'ProxyDeck')
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'ProxyDeck')
}
