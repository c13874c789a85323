/**
 * The `app://proxydeck` scheme that serves the built renderer. A privileged standard scheme gives
 * the page a real origin (so `'self'` in the CSP and the IPC origin check mean something) without
 * file:// and its access to the whole disk.
 */
import { readFile, stat } from 'node:fs/promises'
import { extname, join } from 'node:path'
import { protocol, type Session } from 'electron'
import { APP_SCHEME, appResponseHeaders, resolveAppFile } from './policy'

/** Must run before the app is ready: Chromium fixes scheme privileges at start-up. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    },
  ])
}

/** Serves files under `rendererDir` on the session's `app://` scheme. */
export function serveRenderer(session: Session, rendererDir: string): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405 })
    }
    const file = await pickFile(rendererDir, request.url)
    if (!file) return new Response('Not found', { status: 404 })
    const body = request.method === 'HEAD' ? null : await readFile(file)
    return new Response(body, { status: 200, headers: appResponseHeaders(file) })
  })
}

/** The requested file, or index.html for client-side routes (paths without an extension). */
async function pickFile(rendererDir: string, url: string): Promise<string | null> {
  const file = resolveAppFile(rendererDir, url)
  if (!file) return null
  if (await isFile(file)) return file
  if (extname(file) === '') {
    const index = join(rendererDir, 'index.html')
    if (await isFile(index)) return index
  }
  return null
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}
