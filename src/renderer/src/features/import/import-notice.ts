import type { ImportCommitResult } from '../../../../shared/contracts/import'
import { formatCount } from '../../lib/format'
import type { Notice } from '../../shell/notice'

/**
 * A finished import for the header's alert list (quiet: the dialog shows the result itself), with
 * a link to the proxies of the provider it went to.
 */
export function importNotice(result: ImportCommitResult, providerId: number | null): Notice {
  const parts = [`${formatCount(result.inserted)} added`]
  if (result.updated) parts.push(`${formatCount(result.updated)} updated`)
  const skipped = result.skippedStored + result.skippedLines
  if (skipped) parts.push(`${formatCount(skipped)} skipped`)
  if (result.errors) parts.push(`${formatCount(result.errors)} unreadable`)
  return {
    level: result.errors ? 'warning' : 'success',
    title: 'Import finished',
    message: `${parts.join(', ')}.`,
    source: 'import',
    link: {
      href: providerId === null ? '#/proxies' : `#/proxies?provider=${providerId}`,
      label: 'Show proxies',
    },
    quiet: true,
  }
}
