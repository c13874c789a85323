/*
 * Query parameters after the route in the hash (`#/proxies?provider=3`). The shell's route hook
 * reads only the path, so other views can link here with a filter without the shell knowing.
 */

export function readHashQuery(hash: string = window.location.hash): URLSearchParams {
  const at = hash.indexOf('?')
  return new URLSearchParams(at >= 0 ? hash.slice(at + 1) : '')
}

/** `#/route?key=value`, leaving out empty values. */
export function hashWithQuery(route: string, params: Record<string, string | null | undefined>) {
  const query = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') query.set(key, value)
  }
  const text = query.toString()
  return `#/${route}${text ? `?${text}` : ''}`
}

/**
 * Rewrites the given parameters of the hash's query in place: no history entry, no hashchange (the
 * view already knows). Parameters not named stay for their owners (`open`, see
 * use-transfer-request.ts), whichever hashchange listener runs first.
 */
export function replaceHashQuery(route: string, params: Record<string, string | null | undefined>) {
  const merged: Record<string, string | null | undefined> = {}
  const current = window.location.hash.replace(/^#\/?/, '').split('?')[0] === route
  if (current) for (const [key, value] of readHashQuery()) merged[key] = value
  const next = hashWithQuery(route, { ...merged, ...params })
  if (next === window.location.hash) return
  window.history.replaceState(window.history.state, '', next)
}

/** A positive integer parameter, else null. */
export function idParam(params: URLSearchParams, key: string): number | null {
  const value = params.get(key)
  if (!value || !/^\d+$/.test(value)) return null
  const id = Number(value)
  return id > 0 && Number.isSafeInteger(id) ? id : null
}
