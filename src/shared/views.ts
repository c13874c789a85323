/**
 * The renderer's views by the hash route that shows each (`#/proxies`), in navigation order. The
 * renderer's router and the desktop View menu both list them from here.
 */
export const appViews = [
  { path: 'dashboard', label: 'Dashboard' },
  { path: 'proxies', label: 'Proxies' },
  { path: 'providers', label: 'Providers' },
  { path: 'accounts', label: 'Accounts' },
  { path: 'assignments', label: 'Assignments' },
  { path: 'history', label: 'History' },
  { path: 'settings', label: 'Settings' },
] as const

export type ViewPath = (typeof appViews)[number]['path']

/**
 * The File menu's Import… and Export… open the Proxies view's dialogs by adding `open=import` or
 * `open=export` to its hash query; the view opens the dialog and removes the parameter again, so
 * the same request can come twice in a row.
 */
export const TRANSFER_PARAM = 'open'
export const transferKinds = ['import', 'export'] as const
export type TransferKind = (typeof transferKinds)[number]

export function parseTransferKind(value: string | null | undefined): TransferKind | null {
  return transferKinds.find((kind) => kind === value) ?? null
}

/**
 * The hash that opens a transfer dialog, from the current one (`#/proxies?provider=3`): already on
 * the Proxies view its filters stay (Export… exports what is filtered); from elsewhere it is
 * `#/proxies?open=<kind>`.
 */
export function transferHash(currentHash: string, kind: TransferKind): string {
  const path = currentHash.replace(/^#\/?/, '')
  const at = path.indexOf('?')
  const route = at >= 0 ? path.slice(0, at) : path
  const query = new URLSearchParams(route === 'proxies' && at >= 0 ? path.slice(at + 1) : '')
  query.set(TRANSFER_PARAM, kind)
  return `#/proxies?${query.toString()}`
}
