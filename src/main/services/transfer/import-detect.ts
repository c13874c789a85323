import {
  MAX_DETECT_ROWS,
  type ImportCommitResult,
  type ImportProtocolChange,
} from '../../../shared/contracts/import'
import { AppError } from '../../../shared/errors'
import type { ParsedProxy } from '../../formats'
import { protocolToScheme } from '../../formats/scheme'
import type { ImportBatch } from './import-batches'
import { RowStatus } from './import-batches'

/**
 * What works for one row: its protocol and remote DNS, or null when nothing did. Injected by the
 * handler (checks/ does the checking; services/ may not import it).
 */
export type RowDetector = (
  proxy: ParsedProxy,
) => Promise<Pick<ParsedProxy, 'protocol' | 'remoteDns'> | null>

/** Rows checked at once: a few checks each, so a list of hundreds takes seconds, not minutes. */
const DETECT_CONCURRENCY = 8

/**
 * Runs before the commit plans anything: every new row is checked, and one that works under
 * another protocol is changed in the batch (so the planner sees its real key: it may now be a
 * duplicate of a stored proxy, which the `duplicates` choice then decides). Writes nothing.
 */
export async function detectBatchProtocols(
  batch: ImportBatch,
  detect: RowDetector,
): Promise<NonNullable<ImportCommitResult['detection']>> {
  const rows: number[] = []
  batch.statuses.forEach((status, index) => {
    if (status === RowStatus.new && batch.proxies[index]) rows.push(index)
  })
  if (rows.length > MAX_DETECT_ROWS) {
    throw new AppError(
      'VALIDATION',
      `Protocol detection checks at most ${MAX_DETECT_ROWS} new rows; this import has ${rows.length}. Import without it, or in parts.`,
      { issues: [{ path: 'detectProtocol', message: 'Too many rows', code: 'custom' }] },
    )
  }
  const changed: ImportProtocolChange[] = []
  const noneWorked: number[] = []
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < rows.length) {
      const index = rows[next++] as number
      const proxy = batch.proxies[index] as ParsedProxy
      const found = await detect(proxy)
      const line = batch.lines[index] as number
      if (!found) {
        noneWorked.push(line)
        continue
      }
      const from = protocolToScheme(proxy)
      const to = protocolToScheme(found)
      if (from === to) continue
      batch.proxies[index] = { ...proxy, protocol: found.protocol, remoteDns: found.remoteDns }
      // "Keep last" stores the key's last line for this row: it must get the same protocol.
      const group = batch.conflicts.get(line)
      const last = group && batch.proxies[group.last]
      if (group && last) {
        batch.proxies[group.last] = {
          ...last,
          protocol: found.protocol,
          remoteDns: found.remoteDns,
        }
      }
      changed.push({ line, from, to })
    }
  }
  await Promise.all(Array.from({ length: Math.min(DETECT_CONCURRENCY, rows.length) }, worker))
  changed.sort((a, b) => a.line - b.line)
  noneWorked.sort((a, b) => a - b)
  return { checked: rows.length, changed, noneWorked }
}
