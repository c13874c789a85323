import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  APP_ENTRY_URL,
  CSP,
  appResponseHeaders,
  isAllowedExternalUrl,
  isPermissionGranted,
  isTrustedOrigin,
  parseDevRendererUrl,
  resolveAppFile,
} from './policy'

const DEV = 'http://localhost:5173/'

describe('resolveAppFile', () => {
  const root = mkdtempSync(join(tmpdir(), 'proxydeck-renderer-'))
  mkdirSync(join(root, 'assets'))
  writeFileSync(join(root, 'index.html'), '<!doctype html>')
  writeFileSync(join(root, 'assets', 'index-abc.js'), '')
  afterAll(() => rmSync(root, { recursive: true, force: true }))

  it('maps the origin and / to index.html and asset paths to files under the root', () => {
    expect(resolveAppFile(root, 'app://proxydeck')).toBe(join(root, 'index.html'))
    expect(resolveAppFile(root, 'app://proxydeck/')).toBe(join(root, 'index.html'))
    expect(resolveAppFile(root, APP_ENTRY_URL)).toBe(join(root, 'index.html'))
    expect(resolveAppFile(root, 'app://proxydeck/assets/index-abc.js?v=1#x')).toBe(
      join(root, 'assets', 'index-abc.js'),
    )
    expect(resolveAppFile(root, 'app://proxydeck/some%20file.txt')).toBe(
      join(root, 'some file.txt'),
    )
  })

  it('refuses every way out of the root', () => {
    const escapes = [
      'app://proxydeck/..%2F..%2Fetc%2Fpasswd',
      'app://proxydeck/assets/..%2f..%2f..%2fetc/passwd',
      'app://proxydeck/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      'app://proxydeck/..%5C..%5Cwindows%5Cwin.ini',
      'app://proxydeck/assets%5C..%5C..%5Csecret',
      'app://proxydeck/index.html%00.png',
      'app://proxydeck/%E0%A4%A', // malformed escape
    ]
    for (const url of escapes) expect(resolveAppFile(root, url), url).toBeNull()
  })

  it('keeps dot segments the URL parser removes inside the root', () => {
    // WHATWG parsing folds literal `..` before we see it; the result must still be under the root.
    const file = resolveAppFile(root, 'app://proxydeck/assets/../../../etc/passwd')
    expect(file).toBe(join(root, 'etc', 'passwd'))
  })

  it('refuses other schemes and hosts', () => {
    expect(resolveAppFile(root, 'file:///etc/passwd')).toBeNull()
    expect(resolveAppFile(root, 'app://evil/index.html')).toBeNull()
    expect(resolveAppFile(root, 'https://proxydeck/index.html')).toBeNull()
    expect(resolveAppFile(root, 'not a url')).toBeNull()
  })
})

describe('isTrustedOrigin', () => {
  it('trusts the app scheme and, in development, the exact dev server origin', () => {
    expect(isTrustedOrigin('app://proxydeck/index.html')).toBe(true)
    expect(isTrustedOrigin('app://proxydeck/#/proxies', DEV)).toBe(true)
    expect(isTrustedOrigin('http://localhost:5173/#/settings', DEV)).toBe(true)
  })

  it('refuses everything else', () => {
    expect(isTrustedOrigin('http://localhost:5173/', undefined)).toBe(false)
    expect(isTrustedOrigin('http://localhost:5174/', DEV)).toBe(false)
    expect(isTrustedOrigin('https://localhost:5173/', DEV)).toBe(false)
    expect(isTrustedOrigin('app://proxydeck.evil.com/', DEV)).toBe(false)
    expect(isTrustedOrigin('app://other/index.html', DEV)).toBe(false)
    expect(isTrustedOrigin('file:///work/out/renderer/index.html', DEV)).toBe(false)
    expect(isTrustedOrigin('https://example.com/', DEV)).toBe(false)
    expect(isTrustedOrigin('about:blank', DEV)).toBe(false)
    expect(isTrustedOrigin('', DEV)).toBe(false)
    expect(isTrustedOrigin(null, DEV)).toBe(false)
    expect(isTrustedOrigin(undefined, DEV)).toBe(false)
  })

  it('ignores a dev URL that is not a loopback http server', () => {
    expect(isTrustedOrigin('https://example.com/', 'https://example.com/')).toBe(false)
    expect(isTrustedOrigin('http://192.168.1.5:5173/', 'http://192.168.1.5:5173/')).toBe(false)
  })
})

describe('parseDevRendererUrl', () => {
  it('accepts loopback http only', () => {
    expect(parseDevRendererUrl('http://localhost:5173')?.origin).toBe('http://localhost:5173')
    expect(parseDevRendererUrl('http://127.0.0.1:5173/')?.origin).toBe('http://127.0.0.1:5173')
    expect(parseDevRendererUrl('http://[::1]:5173/')?.origin).toBe('http://[::1]:5173')
    expect(parseDevRendererUrl(undefined)).toBeNull()
    expect(parseDevRendererUrl('')).toBeNull()
    expect(parseDevRendererUrl('https://localhost:5173')).toBeNull()
    expect(parseDevRendererUrl('http://example.com:5173')).toBeNull()
    expect(parseDevRendererUrl('http://user:pw@localhost:5173')).toBeNull()
    expect(parseDevRendererUrl('file:///tmp/index.html')).toBeNull()
  })
})

describe('isAllowedExternalUrl', () => {
  it('allows https links', () => {
    expect(isAllowedExternalUrl('https://github.com/proxydeck/issues?q=1#top')).toBe(true)
    expect(isAllowedExternalUrl('https://[2001:db8::1]/docs')).toBe(true)
  })

  it('refuses other schemes, embedded credentials and oversized links', () => {
    const refused = [
      'http://example.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,hi',
      'smb://server/share',
      'app://proxydeck/index.html',
      'https://user:pass@example.com/',
      'https://user@example.com/',
      `https://example.com/${'a'.repeat(2_100)}`,
      'not a url',
      '',
    ]
    for (const url of refused) expect(isAllowedExternalUrl(url), url).toBe(false)
  })
})

describe('isPermissionGranted', () => {
  it('grants clipboard writes to the app only and refuses every other permission', () => {
    expect(isPermissionGranted('clipboard-sanitized-write', 'app://proxydeck/')).toBe(true)
    expect(isPermissionGranted('clipboard-sanitized-write', 'https://example.com/')).toBe(false)
    expect(isPermissionGranted('clipboard-sanitized-write', undefined)).toBe(false)
    for (const permission of [
      'clipboard-read',
      'media',
      'geolocation',
      'notifications',
      'openExternal',
    ]) {
      expect(isPermissionGranted(permission, 'app://proxydeck/'), permission).toBe(false)
    }
  })
})

describe('CSP and response headers', () => {
  it('allows scripts from the app only and forbids plugins, base rewriting and framing', () => {
    const directives = new Map(
      CSP.split(';').map((part) => {
        const [name = '', ...values] = part.trim().split(/\s+/)
        return [name, values.join(' ')] as const
      }),
    )
    expect(directives.get('default-src')).toBe("'self'")
    expect(directives.get('script-src')).toBe("'self'")
    expect(directives.get('style-src')).toBe("'self' 'unsafe-inline'")
    expect(directives.get('img-src')).toBe("'self' data:")
    expect(directives.get('connect-src')).toBe("'self'")
    expect(directives.get('object-src')).toBe("'none'")
    expect(directives.get('base-uri')).toBe("'none'")
    expect(directives.get('frame-ancestors')).toBe("'none'")
    expect(CSP).not.toMatch(/unsafe-eval|\*/)
  })

  it('sends the CSP and the right type with every file, and never caches the page', () => {
    const page = appResponseHeaders('/r/index.html')
    expect(page['content-security-policy']).toBe(CSP)
    expect(page['content-type']).toBe('text/html; charset=utf-8')
    expect(page['cache-control']).toBe('no-store')
    expect(page['x-content-type-options']).toBe('nosniff')
    const script = appResponseHeaders('/r/assets/index-abc.js')
    expect(script['content-type']).toBe('text/javascript; charset=utf-8')
    expect(script['content-security-policy']).toBe(CSP)
    expect(appResponseHeaders('/r/blob.bin')['content-type']).toBe('application/octet-stream')
  })
})
