import { useCallback, useState } from 'react'
import type { ExportResult } from '../../../../shared/contracts/export'
import type { AppError } from '../../../../shared/errors'
import { toAppError, useTransportKind } from '../../api'
import { useNotify } from '../../shell/notices'
import { formatBytes, formatCount } from '../../lib/format'
import { offerDownload } from './download'

/**
 * Runs an export call with the destination this window can use (a native save dialog in the
 * desktop app, a download in a browser) and tells the operator where the file went.
 */
export function useExport(noun: { one: string; many: string }) {
  const kind = useTransportKind()
  const notify = useNotify()
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<AppError>()
  const destination = kind === 'electron' ? ('dialog' as const) : ('download' as const)

  const run = useCallback(
    async (call: (destination: 'dialog' | 'download') => Promise<ExportResult>) => {
      setLoading(true)
      setError(undefined)
      try {
        const result = await call(destination)
        const what = `${formatCount(result.count)} ${result.count === 1 ? noun.one : noun.many}`
        if (result.destination === 'download') {
          offerDownload(result)
          notify({
            level: 'success',
            title: 'Export ready',
            message: `${what} in ${result.filename} (${formatBytes(result.bytes)}).`,
            source: 'export',
          })
        } else {
          notify({
            level: 'success',
            title: 'Export saved',
            message: `${what} saved to ${result.path}.`,
            source: 'export',
          })
        }
        return result
      } catch (cause) {
        const appError = toAppError(cause)
        // A closed save dialog is the operator changing their mind, not a failure.
        if (appError.code !== 'CANCELLED') setError(appError)
        return undefined
      } finally {
        setLoading(false)
      }
    },
    [destination, notify, noun.one, noun.many],
  )
  return { run, loading, error, reset: () => setError(undefined), destination }
}
