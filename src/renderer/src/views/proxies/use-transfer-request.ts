import { useEffect, useState } from 'react'
import { parseTransferKind, TRANSFER_PARAM, type TransferKind } from '../../../../shared/views'
import { readHashQuery } from './hash-query'

/**
 * Which transfer dialog is open, starting with and following `#/proxies?open=import|export` (the
 * desktop File menu asks this way, see shared/views.ts). The parameter is taken out of the hash
 * once read, so asking twice in a row is two hash changes.
 */
export function useTransferRequest() {
  const [transfer, setTransfer] = useState<TransferKind | null>(() =>
    parseTransferKind(readHashQuery().get(TRANSFER_PARAM)),
  )
  useEffect(() => {
    const take = () => {
      const kind = takeTransferRequest()
      if (kind) setTransfer(kind)
    }
    take()
    window.addEventListener('hashchange', take)
    return () => window.removeEventListener('hashchange', take)
  }, [])
  return [transfer, setTransfer] as const
}

function takeTransferRequest(): TransferKind | null {
  const hash = window.location.hash
  const query = readHashQuery(hash)
  if (!query.has(TRANSFER_PARAM)) return null
  const kind = parseTransferKind(query.get(TRANSFER_PARAM))
  query.delete(TRANSFER_PARAM)
  const route = hash.split('?')[0] ?? ''
  const rest = query.toString()
  // No history entry and no hashchange: the filters' own listener has already seen this hash.
  window.history.replaceState(window.history.state, '', `${route}${rest ? `?${rest}` : ''}`)
  return kind
}
