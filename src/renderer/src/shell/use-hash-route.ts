import { useSyncExternalStore } from 'react'

/**
 * Routes live in the hash (`#/proxies`): it survives reloads and works the same under Electron's
 * app:// protocol and the HTTP bridge, with no server-side routing.
 */
export function useHashRoute(): string {
  return useSyncExternalStore(subscribe, readRoute, () => '')
}

export function hrefFor(route: string): string {
  return `#/${route}`
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}

/** The route in the address now (`#/proxies?status=error` → `proxies`). */
export function readRoute(): string {
  return window.location.hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? ''
}
