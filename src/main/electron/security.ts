/**
 * Electron's security checklist applied to every web contents and the session: no navigation away
 * from the app, no new windows, no webviews, permissions refused unless policy grants them, and
 * external links opened in the system browser only when they are plain https.
 */
import { app, shell, type Session, type WebContents } from 'electron'
import { isAllowedExternalUrl, isPermissionGranted, isTrustedOrigin } from './policy'

export interface SecurityOptions {
  /** The electron-vite dev server origin, trusted in development only. */
  devUrl?: string
}

/** Call once before any window exists: it covers every web contents created afterwards. */
export function hardenWebContents(options: SecurityOptions): void {
  app.on('web-contents-created', (_event, contents) => guardContents(contents, options))
}

function guardContents(contents: WebContents, { devUrl }: SecurityOptions): void {
  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
  })
  contents.on('will-frame-navigate', (event) => {
    if (!isTrustedOrigin(event.url, devUrl)) {
      event.preventDefault()
      console.warn(`Blocked navigation to ${safeForLog(event.url)}`)
    }
  })
  contents.on('will-redirect', (event) => {
    if (!isTrustedOrigin(event.url, devUrl)) event.preventDefault()
  })
  contents.setWindowOpenHandler(({ url }) => {
    // A link the operator clicked (target=_blank) opens in the browser, if it is plain https.
    if (isAllowedExternalUrl(url)) {
      shell.openExternal(url).catch((error: unknown) => {
        console.warn(`Could not open ${safeForLog(url)}:`, error)
      })
    }
    return { action: 'deny' }
  })
}

/** Permission requests and checks: refused unless the app's own page asks for a granted one. */
export function hardenSession(session: Session, { devUrl }: SecurityOptions): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl ?? contents.getURL(), devUrl))
  })
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionGranted(permission, requestingOrigin, devUrl),
  )
  session.setDevicePermissionHandler(() => false)
}

/** Origin and path only: query strings can carry tokens. */
function safeForLog(url: string): string {
  try {
    const parsed = new URL(url)
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`
  } catch {
    return '(unparsable URL)'
  }
}
