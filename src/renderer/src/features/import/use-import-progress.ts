import { startTransition, useEffect, useState } from 'react'
import type { ImportProgress } from '../../../../shared/import-types'
import { useApi } from '../../api'

/**
 * The latest `import:progress` while `active`. Before the preview answers its id is unknown, so
 * any batch's progress is taken then; afterwards only `importId`'s. Each event renders as a
 * transition: a large import sends dozens, and none may hold up the window's painting.
 */
export function useImportProgress(active: boolean, importId: string | null) {
  const client = useApi()
  const [progress, setProgress] = useState<ImportProgress | null>(null)
  useEffect(() => {
    if (!active) {
      setProgress(null)
      return
    }
    return client.on('import:progress', (event) => {
      if (importId === null || event.importId === importId) {
        startTransition(() => setProgress(event))
      }
    })
  }, [client, active, importId])
  return progress
}
