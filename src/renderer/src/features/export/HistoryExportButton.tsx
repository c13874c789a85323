import { Button } from '@mantine/core'
import { IconFileSpreadsheet } from '@tabler/icons-react'
import type { InputOf } from '../../../../shared/contracts'
import { useApi } from '../../api'
import { useNotify } from '../../shell/notices'
import { useEffect } from 'react'
import { useExport } from './use-export'

/** The History view's filters, as `history:list` takes them. */
export type HistoryExportFilters = Omit<InputOf<'export:history'>, 'destination'>

/** Exports the history rows matching the filters as CSV. */
export function HistoryExportButton({ filters }: { filters: HistoryExportFilters }) {
  const client = useApi()
  const exporter = useExport({ one: 'history entry', many: 'history entries' })
  const notify = useNotify()
  const { error } = exporter
  useEffect(() => {
    if (error) notify({ level: 'error', title: 'History export failed', message: error.message })
  }, [error, notify])
  return (
    <Button
      variant="default"
      size="xs"
      leftSection={<IconFileSpreadsheet size={14} />}
      loading={exporter.loading}
      onClick={() =>
        void exporter.run((destination) =>
          client.call('export:history', { ...filters, destination }),
        )
      }
    >
      Export CSV
    </Button>
  )
}
