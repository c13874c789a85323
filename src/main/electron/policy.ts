/**
 * The Electron security decisions as pure functions, kept free of `electron` imports so they run
 * (and are tested) under plain Node. The Electron glue in this folder only wires them to events.
 */
import { extname, resolve, sep } from 'node:path'
import { contentTypeOf } from '../content-types'
import { RENDERER_CSP } from '../../shared/csp'

/** The renderer's own scheme and host: pages are served as `app://proxydeck/<file>`. */
export const APP_SCHEME = 'app'
export const APP_HOST = 'proxydeck'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

/** One policy string for the protocol handler, the bridge and the page's meta tag. */
export const CSP = RENDERER_CSP

/** Headers on every file the `app://` handler serves. */
export function appResponseHeaders(file: string): Record<string, string> {
  const isHtml = extname(file) === '.html'
  return {
    'content-type': contentTypeOf(file),
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': isHtml ? 'no-store' : 'public, max-age=31536000, immutable',
  }
}

/**
 * The file under `root` that an `app://proxydeck/...` request names, or null when the request is
 * for another scheme or host, or its path would leave `root` (`..`, encoded or not, backslashes,
 * NUL bytes). `/` maps to index.html.
 */
export function resolveAppFile(root: string, requestUrl: string): string | null {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return null
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null
  let pathname: string
  try {
    pathname = decodeURIComponent(url.pathname)
  } catch {
    return null
  }
  // A backslash is a separator on Windows; `..\` must not slip past the URL parser's normalizing.
  if (pathname.includes('\0') || pathname.includes('\\')) return null
  const segments = pathname.split('/').filter((segment) => segment !== '')
  if (segments.some((segment) => segment === '..' || segment === '.')) return null
  const base = resolve(root)
  const full = resolve(base, segments.length === 0 ? 'index.html' : segments.join('/'))
  return full.startsWith(base + sep) ? full : null
}

/**
 * Whether a page at `url` is the app itself: `app://proxydeck`, or in development the
 * electron-vite dev server's exact origin. Everything else (file://, remote sites, other app://
 * hosts) is foreign.
 */
export function isTrustedOrigin(url: string | undefined | null, devUrl?: string): boolean {
  if (!url) return false
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true
  const dev = devUrl ? parseDevRendererUrl(devUrl) : null
  return dev !== null && parsed.origin === dev.origin
}

/**
 * The dev server URL electron-vite hands over in `ELECTRON_RENDERER_URL`, accepted only when it
 * points at this machine over http: a remote renderer would get the preload's powers.
 */
export function parseDevRendererUrl(value: string | undefined): URL | null {
  if (!value) return null
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return null
  }
  if (url.protocol !== 'http:' || url.username || url.password) return null
  const loopback = ['localhost', '127.0.0.1', '[::1]']
  return loopback.includes(url.hostname) ? url : null
}

/**
 * Links the operator may open in the system browser: https only, with a host and no credentials
 * embedded (they would be handed to another program and its history).
 */
export function isAllowedExternalUrl(url: string): boolean {
  if (url.length > 2_048) return false
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  return (
    parsed.protocol === 'https:' &&
    parsed.hostname !== '' &&
    parsed.username === '' &&
    parsed.password === ''
  )
}

/**
 * Permissions granted to the app's own pages; everything else is refused. Writing to the clipboard
 * lets the operator copy a proxy line; nothing reads it back.
 */
const GRANTED_PERMISSIONS = new Set(['clipboard-sanitized-write'])

export function isPermissionGranted(
  permission: string,
  requestingUrl: string | undefined,
  devUrl?: string,
): boolean {
  return GRANTED_PERMISSIONS.has(permission) && isTrustedOrigin(requestingUrl, devUrl)
}
