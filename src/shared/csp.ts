/**
 * The renderer's Content Security Policy, one string for the Electron protocol handler, the
 * headless bridge and the page's meta tag. Mantine injects <style> tags, hence style 'unsafe-inline';
 * scripts only from the app itself.
 */
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
]

/** Sent as a header by the Electron protocol handler and the bridge. */
export const RENDERER_CSP = [...DIRECTIVES, "frame-ancestors 'none'"].join('; ')

/** Written into index.html at build time; browsers ignore (and warn about) frame-ancestors there. */
export const RENDERER_CSP_META = DIRECTIVES.join('; ')

/** The placeholder in src/renderer/index.html's CSP meta tag, filled in by the build. */
export const RENDERER_CSP_PLACEHOLDER = '%RENDERER_CSP%'

/** index.html with the policy written into its meta tag (electron.vite.config.ts runs this). */
export function withRendererCsp(html: string): string {
  return html.replace(RENDERER_CSP_PLACEHOLDER, RENDERER_CSP_META)
}
