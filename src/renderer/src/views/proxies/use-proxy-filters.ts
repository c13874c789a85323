import { useCallback, useEffect, useMemo, useState } from 'react'
import { proxyStatuses, type ProxyStatus } from '../../../../shared/domain'
import { useLeadingDebounce } from '../../components'
import { idParam, readHashQuery, replaceHashQuery } from './hash-query'
import { emptyFilters, lastCheckParam, toListFilters, type ProxyFilterState } from './proxy-filters'

function fromHash(): ProxyFilterState {
  const query = readHashQuery()
  return {
    ...emptyFilters,
    providerId: idParam(query, 'provider'),
    status: statusParam(query),
    collision: query.get('collision') === '1',
    lastCheck: lastCheckParam(query),
  }
}

/** `?status=error` (or `error,inactive`): a desktop notification's click lands here with it. */
function statusParam(query: URLSearchParams): ProxyStatus[] {
  const values = (query.get('status') ?? '').split(',')
  return proxyStatuses.filter((status) => values.includes(status))
}

/**
 * The filter toolbar's state, with the provider, status and last check kept in the address
 * (`#/proxies?provider=3`, `?lastCheck=failed`) so
 * the Providers view can link here and a reload keeps the filter. `listFilters` follows a select or
 * a checkbox at once; the typed fields follow at once after a pause and then at most every 250 ms
 * while typing goes on (useLeadingDebounce), so each keystroke does not query.
 */
export function useProxyFilters() {
  const [filters, setFilters] = useState<ProxyFilterState>(fromHash)

  useEffect(() => {
    const follow = () => {
      const query = readHashQuery()
      const providerId = idParam(query, 'provider')
      const status = statusParam(query)
      const lastCheck = lastCheckParam(query)
      setFilters((current) => {
        let next = status.length ? { ...current, status } : current
        if (lastCheck !== 'any' && lastCheck !== next.lastCheck) next = { ...next, lastCheck }
        return next.providerId === providerId ? next : { ...next, providerId }
      })
    }
    window.addEventListener('hashchange', follow)
    return () => window.removeEventListener('hashchange', follow)
  }, [])

  const statusKey = filters.status.join(',')
  useEffect(() => {
    replaceHashQuery('proxies', {
      provider: filters.providerId === null ? null : String(filters.providerId),
      status: statusKey || null,
      lastCheck: filters.lastCheck === 'any' ? null : filters.lastCheck,
    })
  }, [filters.providerId, statusKey, filters.lastCheck])

  const change = useCallback(
    (patch: Partial<ProxyFilterState>) => setFilters((current) => ({ ...current, ...patch })),
    [],
  )
  const clear = useCallback(() => setFilters(emptyFilters), [])

  const typed = {
    search: filters.search,
    country: filters.country,
    location: filters.location,
    tag: filters.tag,
    network: filters.network,
  }
  const settledTyped = useLeadingDebounce(typed, JSON.stringify(typed), 250)
  const listFilters = useMemo(
    () => toListFilters({ ...filters, ...settledTyped }),
    [filters, settledTyped],
  )
  return { filters, change, clear, listFilters }
}
