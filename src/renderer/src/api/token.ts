const storageKey = 'proxydeck.bridgeToken'

/**
 * The bridge hands out its token in the page address (`/?token=…`). Keep it for this tab only and
 * take it out of the visible URL so it does not end up in screenshots, history or bookmarks.
 */
export function takeBridgeToken(
  location: Location = window.location,
  history: History = window.history,
  storage: Storage = window.sessionStorage,
): string | null {
  const url = new URL(location.href)
  const fromQuery = url.searchParams.get('token')
  if (fromQuery) {
    storage.setItem(storageKey, fromQuery)
    url.searchParams.delete('token')
    history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`)
  }
  return storage.getItem(storageKey)
}
