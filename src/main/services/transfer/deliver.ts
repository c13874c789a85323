import type { ExportDestination, ExportResult } from '../../../shared/contracts/export'
import type { OperatorContext } from '../service-context'
import { writeChosenFile, type FileFilter } from './file-dialogs'

export type FileKind = 'txt' | 'csv' | 'json'

const fileTypes: Record<FileKind, { mimeType: string; filter: FileFilter }> = {
  txt: { mimeType: 'text/plain;charset=utf-8', filter: { name: 'Text', extensions: ['txt'] } },
  csv: { mimeType: 'text/csv;charset=utf-8', filter: { name: 'CSV', extensions: ['csv'] } },
  json: { mimeType: 'application/json', filter: { name: 'JSON', extensions: ['json'] } },
}

export interface ExportFile {
  /** `proxies` or `history`: the file name's stem. */
  stem: string
  kind: FileKind
  content: string
  /** Rows (proxies or history entries) in the file. */
  count: number
  /** The file holds passwords: saved readable by its owner only. */
  secret: boolean
}

/**
 * Hands a built export to the operator: through a native save dialog (desktop), or back to the
 * caller as downloadable content (the HTTP bridge).
 */
export async function deliverExport(
  ctx: Pick<OperatorContext, 'clock' | 'dialogs'>,
  destination: ExportDestination,
  file: ExportFile,
): Promise<ExportResult> {
  const type = fileTypes[file.kind]
  const filename = `proxydeck-${file.stem}-${timestamp(ctx.clock.now())}.${file.kind}`
  if (destination === 'download') {
    return {
      destination,
      filename,
      mimeType: type.mimeType,
      content: file.content,
      bytes: Buffer.byteLength(file.content, 'utf8'),
      count: file.count,
    }
  }
  const saved = await writeChosenFile(
    ctx.dialogs,
    {
      title: `Export ${file.stem}`,
      defaultName: filename,
      filters: [type.filter, { name: 'All files', extensions: ['*'] }],
      secret: file.secret,
    },
    file.content,
  )
  return { destination, path: saved.path, bytes: saved.bytes, count: file.count }
}

/** `20260115-120000` in UTC: sortable, and free of characters file systems refuse. */
function timestamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-')
}
