import type { Transport } from '../shared/client'

/** What the preload exposes to the renderer; absent when the page is served by the HTTP bridge. */
declare global {
  interface Window {
    api?: Transport
  }
}

export {}
