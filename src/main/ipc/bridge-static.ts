import { createReadStream, statSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, resolve, sep } from 'node:path'
import { RENDERER_CSP } from '../../shared/csp'
import { contentTypeOf } from '../content-types'

export const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
}

/**
 * Serves the built renderer. The files hold no data (the token guards /api), so they need no token;
 * paths are confined to the renderer folder, and unknown non-asset paths fall back to index.html.
 */
export function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  rendererDir: string,
  pathname: string,
): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, SECURITY_HEADERS).end()
    return
  }
  const root = resolve(rendererDir)
  let file = resolveInside(root, pathname)
  if (file && !isFile(file) && !extname(file)) file = join(root, 'index.html')
  if (!file || !isFile(file)) {
    res.writeHead(404, { ...SECURITY_HEADERS, 'content-type': 'text/plain' }).end('Not found')
    return
  }
  const isHtml = extname(file) === '.html'
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': contentTypeOf(file),
    'content-security-policy': RENDERER_CSP,
    // Hashed asset names can be cached; the page itself must always be fresh.
    'cache-control': isHtml ? 'no-store' : 'public, max-age=31536000, immutable',
  })
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  createReadStream(file).pipe(res)
}

/** The file a URL path names, or null when it would leave the root (`..`, encoded or not). */
export function resolveInside(root: string, pathname: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '')
  const full = resolve(root, relative)
  return full === root || full.startsWith(root + sep) ? full : null
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}
