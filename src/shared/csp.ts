/**
 * The renderer's Content Security Policy, one string for the Electron protocol handler, the
 * headless bridge and the page's meta tag. Mantine injects <style> tags, hence style 'unsafe-inline';
 * scripts only from the app itself.
 */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')
