import type { Transport } from '../../../shared/client'
import { createBridgeTransport } from './bridge-transport'
import { takeBridgeToken } from './token'

export type TransportKind = 'electron' | 'bridge'

/** The Electron preload's `window.api` when present, else the HTTP bridge serving this page. */
export function selectTransport(): { kind: TransportKind; transport: Transport } {
  const preload = window.api
  if (preload) return { kind: 'electron', transport: preload }
  return { kind: 'bridge', transport: createBridgeTransport(takeBridgeToken()) }
}
