/**
 * Headless entry (`npm run serve`): the same context as the desktop app, with the contracts served
 * over HTTP on 127.0.0.1 and the built renderer at `/`. No Electron involved.
 */
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { version } from '../../package.json'
import { AppError } from '../shared/errors'
import { createContext } from './context'
import { defaultDataDir } from './default-data-dir'
import { startBridge } from './ipc/http-bridge'
import { readOption, resolveDataDir } from './paths'

async function main(): Promise<void> {
  const argv = process.argv.slice(2)
  const port = parsePort(readOption(argv, '--port') ?? process.env.PROXYDECK_PORT ?? '5199')
  const token = readOption(argv, '--token') ?? randomBytes(24).toString('base64url')
  const dataDir = resolveDataDir(argv, process.env, defaultDataDir())
  const rendererDir = join(__dirname, '../renderer')
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`The renderer is not built (${rendererDir}). Run: npm run build`)
  }
  const ctx = await createContext({
    dataDir,
    runtime: 'node',
    version,
    keychainService: process.env.PROXYDECK_KEYCHAIN_SERVICE,
  })
  if (ctx.vault.status.status !== 'available') {
    console.warn(`Keychain: ${ctx.vault.status.message ?? 'unavailable'}`)
  }
  const bridge = await startBridge(ctx, { port, token, rendererDir })
  console.log(`ProxyDeck serving at ${bridge.url}`)
  // Alerts reach the renderer as events over the bridge; there is no tray or notification here.
  ctx.checks.monitor.start()
  const stop = async (): Promise<void> => {
    await bridge.close()
    ctx.close()
    process.exit(0)
  }
  process.once('SIGINT', () => void stop())
  process.once('SIGTERM', () => void stop())
}

function parsePort(text: string): number {
  const port = Number(text)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(
      `--port must be an integer from 0 to 65535 (0 picks a free port), got "${text}"`,
    )
  }
  return port
}

main().catch((error: unknown) => {
  // Start-up failures (damaged DB, busy port, missing build) are the operator's to fix: say what.
  const message =
    error instanceof AppError || error instanceof Error ? error.message : String(error)
  console.error(`ProxyDeck could not start: ${message}`)
  process.exit(1)
})
