import { useEffect, useRef } from 'react'

/** Calls `refresh` whenever `version` changes after the first render (the query already ran then). */
export function useRefreshOn(version: number, refresh: () => void): void {
  const seen = useRef(version)
  useEffect(() => {
    if (seen.current === version) return
    seen.current = version
    refresh()
  }, [version, refresh])
}
