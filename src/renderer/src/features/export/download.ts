import type { DownloadableExport } from '../../../../shared/contracts/export'

/**
 * Offers an export's content as a file. An anchor with `download` navigates to the blob: URL
 * rather than fetching it, so the CSP's connect-src does not apply.
 */
export function offerDownload(file: DownloadableExport): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mimeType }))
  const anchor = document.createElement('a')
  anchor.href = url
  anchor.download = file.filename
  anchor.style.display = 'none'
  document.body.appendChild(anchor)
  anchor.click()
  anchor.remove()
  // The browser reads the blob after this task; revoke once it has had time to start.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
